/**
 * Recflow's own rules R25–R31 (RULES.md): the kinds that move a call without
 * touching its audio (queue, decision, step, flow) and the recording
 * dimensions in which platforms differ (recorded sides, what a pause leaves,
 * the IVR part, which channel outside parties are on), through the public
 * step API. (A file of its own: StrykerJS retests every mutant a changed test
 * file killed, so new tests go in new files.)
 */
import { describe, expect, it } from 'vitest';
import type { PlatformId } from '../platforms/presets.ts';
import { startCall } from './session.ts';
import { buildFlow, type EdgeSpec, inbound, type NodeSpec, spans, testWorkspace } from './testkit.ts';
import type { CallAction, CallSession } from './types.ts';

const answer = (agentId = 'ana'): CallAction => ({ type: 'answer', agentId });
const hangUp = (party = 'contact'): CallAction => ({ type: 'hangUp', party });
const choose = (option: string): CallAction => ({ type: 'choose', option });
const pause = (agentId = 'ana'): CallAction => ({ type: 'pause', agentId });
const resume = (agentId = 'ana'): CallAction => ({ type: 'resume', agentId });
const ok = (s: CallSession, action: CallAction, at: number) => {
  const out = s.apply(action, at);
  if (!out.ok) throw new Error(out.error);
  return s;
};
/** Applies an action the rules refuse: the call records a rejection and stays as it was. */
const refused = (s: CallSession, action: CallAction, at: number) => {
  const out = s.apply(action, at);
  return out.ok && !out.accepted;
};
const offered = (s: CallSession) => s.available().map((a) => a.type);
const options = (s: CallSession) => {
  const a = s.available().find((x) => x.type === 'choose');
  return a?.type === 'choose' ? a.options.map((o) => o.value) : [];
};

/** Start → Queue(support, 60 s) with timeout → Voicemail and error → Hang up. */
const queueFlow = (extra: NodeSpec[] = [], edges: EdgeSpec[] = [['s', 'next', 'q']]) =>
  buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ...extra,
      ['q', 'queue', { target: { type: 'ringGroup', ringGroupId: 'support' }, maxWaitSeconds: 60 }],
      ['vm', 'voicemail', { maxLengthSeconds: 30 }],
      ['bye', 'hangup'],
    ],
    [...edges, ['q', 'timeout', 'vm'], ['q', 'error', 'bye']],
  );

describe('R25: a queue', () => {
  it('R25: a serving agent answering takes the call out of the flow; R7 starts recording at the answer', () => {
    const s = startCall(testWorkspace(), queueFlow(), inbound());
    expect(s.currentNodeId).toBe('q');
    expect(offered(s)).toContain('answer');
    ok(s, answer('ben'), 20);
    expect(s.currentNodeId).toBeNull();
    ok(s, hangUp(), 50);
    expect(spans(s.result())).toEqual([[20, 50, 'hang-up']]);
    expect(s.result().segments[0]!.channelB).toEqual(['agent:ben']);
  });

  it('R25: an agent who does not serve the queue cannot answer it', () => {
    const s = startCall(testWorkspace(), queueFlow(), inbound());
    expect(refused(s, answer('cy'), 5)).toBe(true);
    expect(s.currentNodeId).toBe('q');
  });

  it('R25: past the maximum wait the call leaves by timeout', () => {
    const s = startCall(testWorkspace(), queueFlow(), inbound());
    expect(s.nextTimerAt()).toBe(60);
    s.runToNextTimer();
    expect(s.currentNodeId).toBe('vm');
    expect(s.traversed.at(-1)).toMatchObject({ nodeId: 'q', port: 'timeout' });
  });

  it('R25: the reviewer saying the queue is full or closed leaves by error at once', () => {
    const s = startCall(testWorkspace(), queueFlow(), inbound());
    expect(options(s)).toEqual(['error']);
    ok(s, choose('error'), 7);
    expect(s.traversed.at(-1)).toMatchObject({ nodeId: 'q', port: 'error' });
    expect(s.ended).toBe(true);
    expect(refused(s, choose('next'), 8)).toBe(true);
  });

  it('R25/R5: a segment open before the queue stays open through the wait', () => {
    const flow = queueFlow([['r', 'recording']], [['s', 'next', 'r'], ['r', 'next', 'q']]);
    const s = startCall(testWorkspace({ account: { recordInbound: false } }), flow, inbound());
    ok(s, answer('ana'), 40);
    ok(s, hangUp(), 70);
    expect(spans(s.result())).toEqual([[0, 70, 'hang-up']]);
  });

  it('R25: a queue served by a list of agents offers exactly those agents', () => {
    const flow = buildFlow(
      [['s', 'start'], ['q', 'queue', { target: { type: 'agents', agentIds: ['cy'] }, maxWaitSeconds: 10 }]],
      [['s', 'next', 'q']],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    const a = s.available().find((x) => x.type === 'answer');
    expect(a?.type === 'answer' ? a.agents.map((c) => c.value) : []).toEqual(['cy']);
    expect(refused(s, answer('ana'), 1)).toBe(true);
    ok(s, answer('cy'), 2);
  });
});

/** Start → Decision(gold, silver | noMatch) → three Plays. */
const decisionFlow = () =>
  buildFlow(
    [
      ['s', 'start'],
      [
        'd',
        'decision',
        {
          outcomes: [
            { name: 'gold', condition: '$.Attributes.tier = gold' },
            { name: 'silver', condition: '$.Attributes.tier = silver' },
          ],
        },
      ],
      ['g', 'play', { durationSeconds: 5 }],
      ['v', 'play', { durationSeconds: 5 }],
      ['n', 'play', { durationSeconds: 5 }],
    ],
    [
      ['s', 'next', 'd'],
      ['d', 'gold', 'g'],
      ['d', 'silver', 'v'],
      ['d', 'noMatch', 'n'],
    ],
  );

describe('R26: a decision', () => {
  it('R26: the call waits, without a timer, for the reviewer to choose an outcome or no match', () => {
    const s = startCall(testWorkspace(), decisionFlow(), inbound());
    expect(s.currentNodeId).toBe('d');
    expect(options(s)).toEqual(['gold', 'silver', 'noMatch']);
    expect(s.nextTimerAt()).toBeNull();
  });

  it.each([
    ['gold', 'g'],
    ['silver', 'v'],
    ['noMatch', 'n'],
  ])('R26: choosing %s leaves by its port', (option, next) => {
    const s = startCall(testWorkspace(), decisionFlow(), inbound());
    ok(s, choose(option), 3);
    expect(s.currentNodeId).toBe(next);
    expect(s.traversed.at(-1)).toMatchObject({ nodeId: 'd', port: option });
  });

  it('R26: an outcome the decision does not have is refused, and the call stays', () => {
    const s = startCall(testWorkspace(), decisionFlow(), inbound());
    expect(refused(s, choose('bronze'), 3)).toBe(true);
    expect(s.currentNodeId).toBe('d');
    expect(s.result().rejections.at(-1)?.message).toContain('gold, silver, noMatch');
  });

  it('R26: choose is offered only where the call waits for a choice', () => {
    const s = startCall(testWorkspace(), decisionFlow(), inbound());
    ok(s, choose('gold'), 1);
    expect(offered(s)).not.toContain('choose');
    expect(refused(s, choose('gold'), 2)).toBe(true);
  });
});

describe('R27: a step', () => {
  const stepFlow = () =>
    buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording'],
        ['st', 'step', { seconds: 4 }],
        ['ok', 'play', { durationSeconds: 5 }],
        ['err', 'play', { durationSeconds: 5 }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'st'],
        ['st', 'next', 'ok'],
        ['st', 'error', 'err'],
      ],
    );

  it('R27: takes its seconds, then goes on by next', () => {
    const s = startCall(testWorkspace(), stepFlow(), inbound());
    expect(s.currentNodeId).toBe('st');
    expect(s.nextTimerAt()).toBe(4);
    s.runToNextTimer();
    expect(s.currentNodeId).toBe('ok');
  });

  it('R27: the reviewer choosing that it fails leaves by error; recording is untouched', () => {
    const s = startCall(testWorkspace(), stepFlow(), inbound());
    expect(options(s)).toEqual(['next', 'error']);
    ok(s, choose('error'), 2);
    expect(s.currentNodeId).toBe('err');
    ok(s, hangUp(), 6);
    expect(spans(s.result())).toEqual([[0, 6, 'hang-up']]);
  });
});

describe('R28: a flow node', () => {
  /** A workspace whose flow `module` plays 5 s and ends (returns), and flow `final` plays and hangs up. */
  const withFlows = () => {
    const ws = testWorkspace({ account: { recordInbound: false } });
    ws.flows = [
      buildFlow(
        [
          ['ms', 'start'],
          ['mr', 'recording', { channels: 'mono' }],
          ['mp', 'play', { durationSeconds: 5 }],
        ],
        [
          ['ms', 'next', 'mr'],
          ['mr', 'next', 'mp'],
        ],
        'module',
      ),
      buildFlow(
        [
          ['fs', 'start'],
          ['fp', 'play', { durationSeconds: 5 }],
          ['fh', 'hangup'],
        ],
        [
          ['fs', 'next', 'fp'],
          ['fp', 'next', 'fh'],
        ],
        'final',
      ),
    ];
    return ws;
  };

  it('R28/R3: a module that returns brings the call back by next; its Recording node stays in force', () => {
    const ws = withFlows();
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['m', 'flow', { flowId: 'module', returns: true }],
        ['p', 'play', { durationSeconds: 3 }],
      ],
      [
        ['s', 'next', 'm'],
        ['m', 'next', 'p'],
      ],
    );
    const s = startCall(ws, flow, inbound());
    expect(s.currentNodeId).toBe('module/mp');
    s.runToNextTimer();
    expect(s.currentNodeId).toBe('p');
    expect(s.traversed.at(-1)).toMatchObject({ nodeId: 'm', port: 'next' });
    expect(s.effectiveSettings().channels).toEqual({ value: 'mono', source: { kind: 'node', nodeId: 'module/mr' } });
    expect(s.result().segments[0]?.start).toBe(0);
  });

  it('R28: a transfer to a flow that does not return stays there to its end', () => {
    const ws = withFlows();
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['m', 'flow', { flowId: 'final', returns: false }],
      ],
      [['s', 'next', 'm']],
    );
    const s = startCall(ws, flow, inbound());
    expect(s.currentNodeId).toBe('final/fp');
    s.runToNextTimer();
    expect(s.ended).toBe(true);
  });

  it('R28: a flow the workspace lacks ends the call, saying so', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['m', 'flow', { flowId: 'nowhere', returns: true }],
      ],
      [['s', 'next', 'm']],
    );
    const s = startCall(withFlows(), flow, inbound());
    expect(s.ended).toBe(true);
    expect(JSON.stringify(s.result().timeline)).toContain('nowhere');
    // Not only a marker: the result says the flow could not be followed, where and why (the check's code).
    expect(s.result().flowStopped).toEqual({ code: 'unknown-flow', at: 0, nodeId: 'm', flowId: 'nowhere', message: 'the flow "nowhere" is not in the workspace' });
  });

  it('R28: a flow the workspace lacks, reached later in the call, is in the result at that time; a call that never reaches it has none', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['p', 'play', { durationSeconds: 7 }],
        ['m', 'flow', { flowId: 'nowhere', returns: false }],
      ],
      [
        ['s', 'next', 'p'],
        ['p', 'next', 'm'],
      ],
    );
    const early = startCall(withFlows(), flow, inbound());
    expect(early.result().flowStopped).toBeNull();
    early.apply({ type: 'hangUp', party: 'contact' }, 3);
    expect(early.result().flowStopped).toBeNull();
    const late = startCall(withFlows(), flow, inbound());
    late.runToNextTimer();
    expect(late.result()).toMatchObject({ ended: true, flowStopped: { code: 'unknown-flow', at: 7, nodeId: 'm' } });
  });

  it('R28/C1: flows that enter each other in a loop end the call there, naming the loop', () => {
    const ws = testWorkspace();
    ws.flows = [
      buildFlow(
        [
          ['as', 'start'],
          ['ab', 'flow', { flowId: 'b', returns: true }],
        ],
        [['as', 'next', 'ab']],
        'a',
      ),
      buildFlow(
        [
          ['bs', 'start'],
          ['ba', 'flow', { flowId: 'a', returns: true }],
        ],
        [['bs', 'next', 'ba']],
        'b',
      ),
    ];
    const s = startCall(ws, ws.flows[0], inbound());
    expect(s.ended).toBe(true);
    expect(JSON.stringify(s.result().timeline)).toContain('a → b → a');
    expect(s.result().flowStopped).toMatchObject({ code: 'C1-flow-loop', nodeId: 'b/ba', flowId: 'a', message: expect.stringContaining('a → b → a') });
  });
});

/** A workspace on a platform, with its preset's fixed values applied. */
const on = (platform: PlatformId, account: Parameters<typeof testWorkspace>[0] = {}) => {
  const ws = testWorkspace(account);
  ws.platform = platform;
  return ws;
};

describe('R29: the sides on tape', () => {
  it('R29: a Recording node recording the contact only marks every segment, and the recording cannot be transcribed (R18)', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { parties: 'contact' }],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'a'],
      ],
    );
    const s = startCall(on('amazon-connect'), flow, inbound());
    ok(s, answer(), 5);
    ok(s, hangUp(), 30);
    const r = s.result();
    expect(r.segments.map((x) => x.sides)).toEqual(['contact']);
    expect(r.transcribable).toBe(false);
    expect(s.effectiveSettings().recordedParties).toEqual({ value: 'contact', source: { kind: 'node', nodeId: 'r' } });
  });

  it('R29: the account says both sides unless told otherwise, and then the recording is transcribable', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
      ],
      [['s', 'next', 'a']],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    ok(s, answer(), 5);
    ok(s, hangUp(), 30);
    expect(s.result().segments.map((x) => x.sides)).toEqual(['both']);
    expect(s.result().transcribable).toBe(true);
  });
});

describe('R30: what a platform fixes', () => {
  const pausable = () =>
    buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { agentPause: 'enabled' }],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'a'],
      ],
    );

  it('R30/R11: where a pause leaves a gap, the recording is as long as its audio', () => {
    const s = startCall(testWorkspace(), pausable(), inbound());
    ok(s, answer(), 5);
    ok(s, pause(), 10);
    ok(s, resume(), 25);
    ok(s, hangUp(), 40);
    const r = s.result();
    expect(r.totalRecordedSeconds).toBe(25);
    expect(r.recordingSeconds).toBe(25);
    expect(r.silences).toEqual([]);
  });

  it('R30: where a pause leaves silence, the recording keeps the paused stretch: length and audible seconds differ', () => {
    // Twilio Studio leaves silence by default (PauseBehavior), and lets agents pause.
    const s = startCall(on('twilio-studio', { account: { pauseLeaves: 'silence' } }), pausable(), inbound());
    ok(s, answer(), 5);
    ok(s, pause(), 10);
    ok(s, resume(), 25);
    ok(s, hangUp(), 40);
    const r = s.result();
    expect(spans(r)).toEqual([
      [0, 10, 'paused'],
      [25, 40, 'hang-up'],
    ]);
    expect(r.totalRecordedSeconds).toBe(25);
    expect(r.recordingSeconds).toBe(40);
    expect(r.silences).toEqual([{ start: 10, end: 25 }]);
  });

  it('R30: a setting the platform fixes names the platform as its source, whatever the document says', () => {
    const ws = on('amazon-connect', { account: { pauseLeaves: 'gap', dualChannel: false } });
    const s = startCall(ws, pausable(), inbound());
    const e = s.effectiveSettings();
    expect(e.pauseLeaves).toEqual({ value: 'silence', source: { kind: 'platform', platform: 'amazon-connect' } });
    expect(e.channels).toEqual({ value: 'dual', source: { kind: 'platform', platform: 'amazon-connect' } });
    // A setting the platform leaves to the admin comes from the account; Connect's recording block cannot set it,
    // so the node's value is not the platform's and does not count.
    expect(e.agentPause).toEqual({ value: false, source: { kind: 'account' } });
  });

  it('R30/R17: where outside parties sit with the contact, a conferenced outside number is on channel A', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording'],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'a'],
      ],
    );
    const run = (ws: ReturnType<typeof testWorkspace>) => {
      const s = startCall(ws, flow, inbound());
      ok(s, answer(), 5);
      ok(s, { type: 'conference', agentId: 'ana', target: { type: 'external', number: '+15550100' } }, 10);
      ok(s, { type: 'outsideAnswer' }, 12);
      ok(s, hangUp(), 30);
      return s.result().segments.at(-1)!;
    };
    // Amazon Connect puts conferenced parties on the customer's channel.
    const contactSide = run(on('amazon-connect'));
    expect(contactSide.channelA).toEqual(['contact', 'external:+15550100']);
    expect(contactSide.channelB).toEqual(['agent:ana']);
    const agentSide = run(testWorkspace());
    expect(agentSide.channelA).toEqual(['contact']);
    expect(agentSide.channelB).toEqual(['agent:ana', 'external:+15550100']);
  });
});

describe('R31: the IVR part', () => {
  const ivrFlow = (ivr: 'default' | 'record' | 'skip' = 'default') =>
    buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { ivr }],
        ['p', 'play', { durationSeconds: 10 }],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'p'],
        ['p', 'next', 'a'],
      ],
    );
  const answered = (ws: ReturnType<typeof testWorkspace>, ivr?: 'default' | 'record' | 'skip') => {
    const s = startCall(ws, ivrFlow(ivr), inbound());
    s.runToNextTimer();
    ok(s, answer(), 18);
    ok(s, hangUp(), 40);
    return s;
  };

  it('R31: where the IVR part is not recorded, recording turned on before an agent is armed and starts as the agent joins', () => {
    const s = startCall(on('amazon-connect'), ivrFlow(), inbound());
    expect(s.state).toContain('recording: armed');
    expect(s.result().recorded).toBe(false);
    // The timeline says recording is on only when it is: at the agent, not at the node.
    const recOn = () => s.result().timeline.markers.filter((m) => m.kind === 'recording-on').map((m) => m.at);
    expect(recOn()).toEqual([]);
    expect(s.result().timeline.markers.some((m) => m.label.includes('from when an agent joins'))).toBe(true);
    s.runToNextTimer();
    ok(s, answer(), 18);
    expect(s.state).toContain('recording: recording');
    expect(recOn()).toEqual([18]);
    ok(s, hangUp(), 40);
    expect(spans(s.result())).toEqual([[18, 40, 'hang-up']]);
  });

  it('R31: where it is recorded (Talkdesk, R5), the segment starts at the Recording node', () => {
    expect(spans(answered(testWorkspace()).result())).toEqual([[0, 40, 'hang-up']]);
  });

  it('R31: a block that enables IVR recording starts at once even where the platform would wait', () => {
    expect(spans(answered(on('amazon-connect'), 'record').result())).toEqual([[0, 40, 'hang-up']]);
  });

  it('R31/R30: a block that cannot choose the IVR part (Talkdesk) has its choice ignored: R5 starts at once', () => {
    expect(spans(answered(testWorkspace(), 'skip').result())).toEqual([[0, 40, 'hang-up']]);
    expect(spans(answered(on('amazon-connect'), 'skip').result())).toEqual([[18, 40, 'hang-up']]);
  });

  it('R30: a Recording node sets only what its platform\'s block has (Connect: not channels, Talkdesk: not the sides)', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { channels: 'mono', parties: 'agent' }],
      ],
      [['s', 'next', 'r']],
    );
    const connect = startCall(on('amazon-connect'), flow, inbound()).effectiveSettings();
    expect(connect.channels.value).toBe('dual');
    expect(connect.recordedParties).toEqual({ value: 'agent', source: { kind: 'node', nodeId: 'r' } });
    const talkdesk = startCall(testWorkspace(), flow, inbound()).effectiveSettings();
    expect(talkdesk.channels).toEqual({ value: 'mono', source: { kind: 'node', nodeId: 'r' } });
    expect(talkdesk.recordedParties.value).toBe('both');
  });

  it('R31/R6: turning recording off while armed disarms it: the agent joining starts nothing', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording'],
        ['off', 'recording', { record: 'off' }],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'off'],
        ['off', 'next', 'a'],
      ],
    );
    const s = startCall(on('amazon-connect'), flow, inbound());
    ok(s, answer(), 5);
    ok(s, hangUp(), 20);
    expect(s.result().recorded).toBe(false);
  });
});

describe('R21/R29/R30: what the result says', () => {
  const assign = (extra: NodeSpec[] = []) =>
    buildFlow(
      [['s', 'start'], ...extra, ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }]],
      [...(extra.length ? ([['s', 'next', extra[0]![0]], ...extra.slice(1).map((n, i) => [extra[i]![0], 'next', n[0]])] as EdgeSpec[]) : []), [extra.at(-1)?.[0] ?? 's', 'next', 'a']],
    );

  it('R30: a call that ends while paused keeps the paused stretch to its end as silence', () => {
    const s = startCall(on('twilio-studio', { account: { pauseLeaves: 'silence' } }), assign([['r', 'recording']]), inbound());
    ok(s, answer(), 5);
    ok(s, pause(), 10);
    ok(s, hangUp(), 25);
    const r = s.result();
    expect(r.silences).toEqual([{ start: 10, end: 25 }]);
    expect([r.totalRecordedSeconds, r.recordingSeconds]).toEqual([10, 25]);
  });

  it('R30: a pause that ends the moment it began leaves no silence', () => {
    const s = startCall(on('twilio-studio', { account: { pauseLeaves: 'silence' } }), assign([['r', 'recording']]), inbound());
    ok(s, answer(), 5);
    ok(s, pause(), 10);
    ok(s, resume(), 10);
    ok(s, hangUp(), 25);
    expect(s.result().silences).toEqual([]);
    expect(s.result().recordingSeconds).toBe(s.result().totalRecordedSeconds);
  });

  it('R29/R18: one segment with a side missing makes the whole recording not transcribable', () => {
    const ws = on('amazon-connect');
    const mixed = buildFlow(
      [
        ['s', 'start'],
        ['r1', 'recording', { parties: 'contact', ivr: 'record' }],
        ['p', 'play', { durationSeconds: 5 }],
        ['off', 'recording', { record: 'off' }],
        ['r2', 'recording', { parties: 'both', ivr: 'record' }],
        ['p2', 'play', { durationSeconds: 5 }],
      ],
      [
        ['s', 'next', 'r1'],
        ['r1', 'next', 'p'],
        ['p', 'next', 'off'],
        ['off', 'next', 'r2'],
        ['r2', 'next', 'p2'],
      ],
    );
    const m = startCall(ws, mixed, inbound());
    m.runToNextTimer();
    m.runToNextTimer();
    const r = m.result();
    expect(r.segments.map((x) => [x.start, x.end, x.sides])).toEqual([
      [0, 5, 'contact'],
      [5, 10, 'both'],
    ]);
    expect(r.transcribable).toBe(false);
  });

  it('R21: a party who left before recording starts again is not heard in the new segment', () => {
    const ws = testWorkspace({ account: { agentPause: true } });
    const s = startCall(ws, assign(), inbound());
    ok(s, answer('ana'), 5);
    ok(s, { type: 'conference', agentId: 'ana', target: { type: 'agent', agentId: 'cy' } }, 10);
    ok(s, answer('cy'), 12);
    ok(s, hangUp('agent:cy'), 20);
    ok(s, pause('ana'), 25);
    ok(s, resume('ana'), 30);
    ok(s, hangUp(), 40);
    expect(s.result().segments.map((x) => x.channelB)).toEqual([['agent:ana', 'agent:cy'], ['agent:ana']]);
  });

  it('R21: a result is a snapshot: the call going on does not change one already taken', () => {
    const s = startCall(testWorkspace(), assign(), inbound());
    const before = s.result();
    const markers = before.timeline.markers.length;
    ok(s, answer(), 5);
    ok(s, hangUp(), 9);
    expect(before.timeline.markers).toHaveLength(markers);
    expect(s.result().timeline.markers.length).toBeGreaterThan(markers);
  });

  it('R3/R29/R31: a Recording node left at default leaves the sides and the IVR part to the platform, which says so', () => {
    const s = startCall(on('amazon-connect'), assign([['r', 'recording']]), inbound());
    const e = s.effectiveSettings();
    expect(e.recordedParties).toEqual({ value: 'both', source: { kind: 'platform', platform: 'amazon-connect' } });
    expect(e.recordIvr).toEqual({ value: false, source: { kind: 'platform', platform: 'amazon-connect' } });
    const chosen = startCall(on('amazon-connect'), assign([['r', 'recording', { parties: 'agent', ivr: 'record' }]]), inbound()).effectiveSettings();
    expect(chosen.recordedParties).toEqual({ value: 'agent', source: { kind: 'node', nodeId: 'r' } });
    expect(chosen.recordIvr).toEqual({ value: true, source: { kind: 'node', nodeId: 'r' } });
  });

  it('R26: an outcome whose condition is blank is offered by its name alone', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['d', 'decision', { outcomes: [{ name: 'gold', condition: '   ' }, { name: 'vip', condition: 'tier = vip' }] }],
      ],
      [['s', 'next', 'd']],
    );
    const a = startCall(testWorkspace(), flow, inbound())
      .available()
      .find((x) => x.type === 'choose');
    expect(a?.type === 'choose' ? a.options.map((o) => o.label) : []).toEqual(['gold', 'vip: tier = vip', 'no match']);
  });
});
