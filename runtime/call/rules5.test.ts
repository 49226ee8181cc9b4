/**
 * Rules of the call machine that the earlier suites reached only part of, each test naming its rule, through
 * the step API (`startCall(...).apply/available/state/result`):
 * - hang-ups and refusals in every place the call can be (dialling, ringing, the flow, ended), with the sentence
 *   the simulator shows (R9, R10);
 * - the recording region's states as later Recording nodes, answers and the external portion move it (R5–R8,
 *   R14, R31), and what a pause is told in each (R10);
 * - hold, consultations and invitations as parties leave (R12, R15);
 * - flows entered and returned from (R28).
 */
import { describe, expect, it } from 'vitest';
import type { TransferTarget } from '../../nodes/kit/fields.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { startCall } from './session.ts';
import { buildFlow, inbound, outbound, spans, testWorkspace } from './testkit.ts';
import type { CallAction, CallSession, RejectionCode } from './types.ts';

const OUTSIDE: TransferTarget = { type: 'external', number: '+15550100' };
const answer = (agentId = 'ana'): CallAction => ({ type: 'answer', agentId });
const hangUp = (party = 'contact'): CallAction => ({ type: 'hangUp', party });
const pause = (agentId = 'ana'): CallAction => ({ type: 'pause', agentId });
const transfer = (target: TransferTarget, mode: 'blind' | 'warm' = 'blind', agentId = 'ana'): CallAction => ({ type: 'transfer', agentId, mode, target });
const conference = (target: TransferTarget, agentId = 'ana'): CallAction => ({ type: 'conference', agentId, target });
const agent = (agentId: string): TransferTarget => ({ type: 'agent', agentId });

/** Applies an action the call must accept. */
function ok(s: CallSession, action: CallAction, at: number): void {
  const out = s.apply(action, at);
  expect(out, `${action.type} at ${at}`).toEqual({ ok: true, accepted: true });
}

/** Applies an action the call must refuse, and returns the refusal's code and sentence. */
function refused(s: CallSession, action: CallAction, at: number): { code: RejectionCode; message: string } {
  const out = s.apply(action, at);
  if (!out.ok || out.accepted) throw new Error(`${action.type} at ${at} was not refused: ${JSON.stringify(out)}`);
  return { code: out.rejection.code, message: out.rejection.message };
}

const lastMarker = (s: CallSession) => s.result().timeline.markers.at(-1);
/** R31: on Amazon Connect the IVR part is not recorded unless a Recording block enables it. */
const skipsIvr = (): WorkspaceDoc => {
  const ws = testWorkspace();
  ws.platform = 'amazon-connect';
  return ws;
};
const phaseKinds = (s: CallSession) => s.result().timeline.phases.map((p) => [p.kind, p.start]);

/** Start → Recording nodes as given (each followed by a 10 s Play) → Assign(support). */
function recordingFlow(...recordings: Array<Record<string, unknown>>): FlowDoc {
  const nodes: Array<[string, 'start' | 'recording' | 'play' | 'assign', Record<string, unknown>?]> = [['s', 'start', { numberIds: ['main'] }]];
  const edges: Array<[string, string, string]> = [];
  let last = 's';
  recordings.forEach((data, i) => {
    nodes.push([`r${i}`, 'recording', data], [`p${i}`, 'play', { durationSeconds: 10 }]);
    edges.push([last, 'next', `r${i}`], [`r${i}`, 'next', `p${i}`]);
    last = `p${i}`;
  });
  nodes.push(['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 60 }]);
  edges.push([last, 'next', 'a']);
  return buildFlow(nodes, edges);
}

describe('R9/R10: an outbound call while it is dialled', () => {
  it('R9: the contact hanging up ends the call before it connected; nothing is recorded', () => {
    const s = startCall(testWorkspace(), undefined, outbound());
    ok(s, hangUp(), 4);
    expect(s.ended).toBe(true);
    expect(s.result().segments).toEqual([]);
    expect(lastMarker(s)).toEqual({ at: 4, kind: 'hang-up', label: 'the contact hangs up', party: 'contact' });
  });

  it('R9: the dialling agent hanging up ends the call, the timeline naming the agent; nobody is left on it', () => {
    const s = startCall(testWorkspace(), undefined, outbound());
    ok(s, hangUp('agent:ana'), 6);
    expect(s.ended).toBe(true);
    expect(s.parties).toEqual([]);
    expect(s.result().duration).toBe(6);
    expect(lastMarker(s)).toEqual({ at: 6, kind: 'hang-up', label: 'Ana hangs up', party: 'agent:ana' });
  });

  it('R10: anyone else hanging up is refused, naming the party; the call is still dialled', () => {
    const s = startCall(testWorkspace(), undefined, outbound());
    expect(refused(s, hangUp('agent:ben'), 2)).toEqual({ code: 'unknown-party', message: 'agent:ben is not on the call.' });
    expect(s.state).toBe('where: dialling · recording: pending');
  });

  it('R10: an action that needs a connected call is refused with "being dialled"; the timeline shows the dialling phase', () => {
    const s = startCall(testWorkspace(), undefined, outbound());
    expect(refused(s, { type: 'press', digit: '1' }, 1)).toEqual({ code: 'not-available', message: '"press" is not possible while the call is being dialled.' });
    ok(s, { type: 'contactAnswer' }, 3);
    ok(s, hangUp(), 5);
    expect(phaseKinds(s)).toEqual([
      ['dialling', 0],
      ['agent', 3],
    ]);
  });

  it('R8: with the effective outbound setting off, the contact answering leaves the recording off (not pending)', () => {
    const s = startCall(testWorkspace({ account: { recordOutbound: false } }), undefined, outbound());
    ok(s, { type: 'contactAnswer' }, 3);
    expect(s.state).toBe('where: agent · recording: off');
    ok(s, hangUp(), 9);
    expect(s.result().segments).toEqual([]);
  });
});

describe('R7/R10: a call that rings agents outside a flow', () => {
  it('R10: an answer by someone not being rung is refused, naming them; R7: the phase is ringing until an agent answers', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    expect(refused(s, answer('zed'), 1)).toEqual({ code: 'unknown-party', message: 'zed is not being rung by this call.' });
    ok(s, answer('ben'), 2);
    expect(s.state).toBe('where: agent · recording: recording');
    ok(s, hangUp(), 5);
    expect(phaseKinds(s)).toEqual([
      ['ringing', 0],
      ['agent', 2],
    ]);
  });

  it('R10: after a blind transfer to Ben only Ben may answer; R9: only the contact can hang up while it rings', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    ok(s, answer('ana'), 1);
    ok(s, transfer(agent('ben')), 5);
    expect(refused(s, answer('cy'), 6)).toEqual({ code: 'unknown-party', message: 'Cy is not being rung by this call.' });
    expect(refused(s, hangUp('agent:ana'), 6)).toEqual({ code: 'unknown-party', message: 'agent:ana is not on the call.' });
    ok(s, answer('ben'), 7);
    expect(s.controllingAgentId).toBe('ben');
  });

  it('R9: in the flow too, only the contact can hang up; anyone else is refused, naming the party', () => {
    const s = startCall(testWorkspace(), recordingFlow(), inbound());
    expect(s.state).toBe('where: "a" (ringing) · recording: pending');
    expect(refused(s, hangUp('agent:ana'), 1)).toEqual({ code: 'unknown-party', message: 'agent:ana is not on the call.' });
    expect(s.ended).toBe(false);
    ok(s, hangUp(), 2);
    expect(s.ended).toBe(true);
  });
});

describe('R10: an ended call refuses everything', () => {
  it.each<[string, CallAction]>([
    ['pause', pause()],
    ['resume', { type: 'resume', agentId: 'ana' }],
    ['answer', answer()],
    ['hangUp', hangUp()],
  ])('%s after the end: "The call has ended."', (_name, action) => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, hangUp(), 5);
    expect(refused(s, action, 6)).toEqual({ code: 'call-ended', message: 'The call has ended.' });
    expect(spans(s.result())).toEqual([[1, 5, 'hang-up']]);
  });
});

describe('R5–R7/R31: the recording as Recording nodes and answers move it', () => {
  it('R6: a Recording node (off) before any agent keeps the answer from starting the recording (R7 does not apply)', () => {
    const s = startCall(testWorkspace(), recordingFlow({ record: 'off' }), inbound());
    ok(s, answer(), 12);
    expect(s.state).toBe('where: agent · recording: off');
    ok(s, hangUp(), 20);
    expect(s.result().segments).toEqual([]);
  });

  it('R7: with the effective inbound setting off, the answer leaves the recording off', () => {
    const s = startCall(testWorkspace({ account: { recordInbound: false } }), undefined, inbound());
    ok(s, answer(), 2);
    expect(s.state).toBe('where: agent · recording: off');
  });

  it('R31: armed by a Recording node (IVR skipped), a later one (off) disarms it: the answer records nothing', () => {
    const s = startCall(skipsIvr(), recordingFlow({ record: 'on' }, { record: 'off' }), inbound());
    expect(s.state).toBe('where: "p0" (playing a message) · recording: armed');
    s.runToNextTimer();
    expect(s.state).toBe('where: "p1" (playing a message) · recording: off');
    ok(s, answer(), 25);
    ok(s, hangUp(), 30);
    expect(s.result().segments).toEqual([]);
  });

  it('R31: armed, a second Recording node (on, IVR skipped) keeps it armed; the recording starts as the agent joins', () => {
    const s = startCall(skipsIvr(), recordingFlow({ record: 'on' }, { record: 'on' }), inbound());
    s.runToNextTimer();
    expect(s.state).toBe('where: "p1" (playing a message) · recording: armed');
    ok(s, answer('ben'), 25);
    expect(lastMarker(s)).toEqual({ at: 25, kind: 'recording-on', label: 'recording starts as the agent joins (R31)', party: 'agent:ben' });
    ok(s, hangUp(), 30);
    expect(spans(s.result())).toEqual([[25, 30, 'hang-up']]);
  });

  it('R31: armed, a second Recording node that records the IVR part starts the recording there', () => {
    const s = startCall(skipsIvr(), recordingFlow({ record: 'on' }, { record: 'on', ivr: 'record' }), inbound());
    s.runToNextTimer();
    expect(s.state).toBe('where: "p1" (playing a message) · recording: recording');
    ok(s, hangUp(), 15);
    expect(spans(s.result())).toEqual([[10, 15, 'hang-up']]);
  });

  it('R6: recording the IVR part, a later Recording node (off) closes the segment there', () => {
    const s = startCall(testWorkspace(), recordingFlow({ record: 'on' }, { record: 'off' }), inbound());
    s.runToNextTimer();
    expect(s.state).toBe('where: "p1" (playing a message) · recording: off');
    ok(s, hangUp(), 12);
    expect(spans(s.result())).toEqual([[0, 10, 'recording-off']]);
  });

  it('R5/R31: after a Recording node (off), one that is on arms the recording (IVR skipped) or starts it (IVR recorded)', () => {
    const skip = startCall(skipsIvr(), recordingFlow({ record: 'off' }, { record: 'on' }), inbound());
    skip.runToNextTimer();
    expect(skip.state).toBe('where: "p1" (playing a message) · recording: armed');
    ok(skip, answer(), 22);
    ok(skip, hangUp(), 30);
    expect(spans(skip.result())).toEqual([[22, 30, 'hang-up']]);

    const rec = startCall(testWorkspace(), recordingFlow({ record: 'off' }, { record: 'on' }), inbound());
    rec.runToNextTimer();
    expect(rec.state).toBe('where: "p1" (playing a message) · recording: recording');
    ok(rec, hangUp(), 14);
    expect(spans(rec.result())).toEqual([[10, 14, 'hang-up']]);
  });
});

describe('R10/R14: a pause once the external portion stopped the recording', () => {
  it('R14: after a blind transfer outside (continue off) the recording is stopped; a pause is refused, naming the agent', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true, continueOnExternalTransfer: false } }), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, transfer(OUTSIDE), 5);
    expect(s.state).toBe('where: outside · recording: stopped');
    expect(refused(s, pause(), 6)).toEqual({ code: 'not-controlling-agent', message: 'Ana does not control the recording of this call.' });
    expect(refused(s, { type: 'resume', agentId: 'ana' }, 6)).toEqual({
      code: 'not-controlling-agent',
      message: 'Ana does not control the recording of this call.',
    });
  });
});

describe('hold and hand-overs (R12)', () => {
  it('a blind transfer takes the contact off hold: the receiving agent finds the contact not held', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, { type: 'hold', agentId: 'ana' }, 2);
    expect(s.onHold).toBe(true);
    ok(s, transfer(agent('ben')), 3);
    expect(s.onHold).toBe(false);
    ok(s, answer('ben'), 4);
    expect(refused(s, { type: 'unhold', agentId: 'ben' }, 5)).toEqual({ code: 'not-available', message: 'The contact is not on hold.' });
  });

  it('a completed warm transfer takes the contact off hold', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, transfer(agent('ben'), 'warm'), 2);
    ok(s, { type: 'hold', agentId: 'ana' }, 3);
    ok(s, answer('ben'), 4);
    ok(s, { type: 'completeTransfer', agentId: 'ana' }, 6);
    expect(s.onHold).toBe(false);
    expect(s.controllingAgentId).toBe('ben');
  });

  it('R9/R15: the consulting agent hanging up takes the consulted party along: nobody is left and the call ends', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, transfer(agent('ben'), 'warm'), 2);
    ok(s, answer('ben'), 3);
    ok(s, hangUp('agent:ana'), 8);
    expect(s.ended).toBe(true);
    expect(s.parties).toEqual([]);
    expect(spans(s.result())).toEqual([[1, 8, 'hang-up']]);
  });

  it('the consulting agent hanging up while an outside party is consulted leaves the contact alone: the call ends', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, transfer(OUTSIDE, 'warm'), 2);
    ok(s, hangUp('agent:ana'), 5);
    expect(s.ended).toBe(true);
    expect(s.parties).toEqual([]);
  });

  it('R15: the inviting agent hanging up withdraws the invitation: the invited agent can no longer join', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, conference(OUTSIDE), 2);
    ok(s, conference(agent('ben')), 3);
    ok(s, hangUp('agent:ana'), 4);
    expect(s.state).toBe('where: outside · recording: recording');
    expect(refused(s, answer('ben'), 5)).toEqual({ code: 'unknown-party', message: 'Ben is not being rung by this call.' });
  });

  it('R12: the controlling agent leaving a conference passes control to the earliest agent left, marked on the timeline', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, conference(agent('ben')), 2);
    ok(s, answer('ben'), 3);
    ok(s, conference(agent('cy')), 4);
    ok(s, answer('cy'), 5);
    ok(s, hangUp('agent:cy'), 6);
    expect(s.controllingAgentId).toBe('ana');
    expect(s.result().timeline.markers.filter((m) => m.kind === 'control').map((m) => [m.at, m.party])).toEqual([[1, 'agent:ana']]);
    ok(s, hangUp('agent:ana'), 7);
    expect(s.controllingAgentId).toBe('ben');
    expect(lastMarker(s)).toEqual({ at: 7, kind: 'control', label: 'Ben controls the recording (R12)', party: 'agent:ben' });
  });
});

describe('R28: flows entered and returned from', () => {
  /** Flow `module`: Start → Play(5 s), which ends the module (it returns to its caller). */
  const moduleFlow = (seconds = 5) =>
    buildFlow(
      [
        ['ms', 'start'],
        ['mp', 'play', { durationSeconds: seconds }],
      ],
      [['ms', 'next', 'mp']],
      'module',
    );
  const withModule = (seconds = 5): WorkspaceDoc => {
    const ws = testWorkspace();
    ws.flows = [moduleFlow(seconds)];
    return ws;
  };
  /** Start → flow(module) m1 → flow(module) m2 → Play p. */
  const twice = () =>
    buildFlow(
      [
        ['s', 'start'],
        ['m1', 'flow', { flowId: 'module', returns: true }],
        ['m2', 'flow', { flowId: 'module', returns: true }],
        ['p', 'play', { durationSeconds: 3 }],
      ],
      [
        ['s', 'next', 'm1'],
        ['m1', 'next', 'm2'],
        ['m2', 'next', 'p'],
      ],
    );

  it('a module entered from two flow nodes returns to each one: the path lists each node once, in order', () => {
    const s = startCall(withModule(), twice(), inbound());
    expect(s.currentNodeId).toBe('module/mp');
    s.runToNextTimer();
    expect(s.currentNodeId).toBe('module/mp');
    s.runToNextTimer();
    expect(s.currentNodeId).toBe('p');
    expect(s.path).toEqual(['s', 'm1', 'module/ms', 'module/mp', 'm2', 'module/ms', 'module/mp', 'p']);
    expect(s.traversed.filter((t) => t.nodeId === 'm1' || t.nodeId === 'm2')).toEqual([
      { nodeId: 'm1', port: 'next' },
      { nodeId: 'm2', port: 'next' },
    ]);
  });

  it('the same flow in another workspace enters that workspace’s module (its flows are not taken from an earlier call)', () => {
    const flow = twice();
    const first = startCall(withModule(5), flow, inbound());
    expect(first.nextTimerAt()).toBe(5);
    const second = startCall(withModule(8), flow, inbound());
    expect(second.nextTimerAt()).toBe(8);
  });

  it('an entered flow without a Start ends the call there, saying so at the flow node', () => {
    const ws = testWorkspace();
    ws.flows = [buildFlow([['mp', 'play', { durationSeconds: 5 }]], [], 'headless')];
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['m', 'flow', { flowId: 'headless', returns: true }],
      ],
      [['s', 'next', 'm']],
    );
    const s = startCall(ws, flow, inbound());
    expect(s.ended).toBe(true);
    expect(lastMarker(s)).toEqual({ at: 0, kind: 'hang-up', label: 'the flow "headless" has no Start: the call ends', nodeId: 'm' });
    expect(s.result().flowStopped).toMatchObject({ code: 'C1-no-start', nodeId: 'm', flowId: 'headless' });
  });

  it('a flow transferred to (no return) from inside a module returns, at its end, to where the module was entered', () => {
    const ws = testWorkspace();
    ws.flows = [
      buildFlow(
        [
          ['ms', 'start'],
          ['mt', 'flow', { flowId: 'tail', returns: false }],
        ],
        [['ms', 'next', 'mt']],
        'module',
      ),
      buildFlow(
        [
          ['ts', 'start'],
          ['tp', 'play', { durationSeconds: 4 }],
        ],
        [['ts', 'next', 'tp']],
        'tail',
      ),
    ];
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
    expect(s.currentNodeId).toBe('module/tail/tp');
    s.runToNextTimer();
    expect(s.currentNodeId).toBe('p');
    expect(s.traversed.slice(-2)).toEqual([
      { nodeId: 'module/tail/tp', port: 'next' },
      { nodeId: 'm', port: 'next' },
    ]);
  });
});

describe('R14/R15: what begins the external portion, and what does not', () => {
  /** Continue-on-external-transfer off: the recording stops as the external portion begins (R14). */
  const stops = () => testWorkspace({ account: { agentPause: true, continueOnExternalTransfer: false } });
  const answered = () => {
    const s = startCall(stops(), undefined, inbound());
    ok(s, answer(), 1);
    return s;
  };

  it('R14: a refused blind transfer to an outside number begins nothing: the recording goes on', () => {
    const s = answered();
    ok(s, conference(OUTSIDE), 2);
    expect(refused(s, transfer({ type: 'external', number: '+15550199' }), 3)).toEqual({
      code: 'not-available',
      message: 'A transfer needs a call between the contact and one agent only.',
    });
    expect(s.state).toBe('where: conference · recording: recording');
    expect(s.result().externalPortionAt).toBeNull();
  });

  it('R15: completing a warm transfer that is not in progress, or by an agent who is not consulting, is refused and begins nothing', () => {
    const s = answered();
    expect(refused(s, { type: 'completeTransfer', agentId: 'ana' }, 2)).toEqual({ code: 'not-available', message: 'No warm transfer is in progress.' });
    ok(s, transfer(OUTSIDE, 'warm'), 3);
    expect(refused(s, { type: 'completeTransfer', agentId: 'ben' }, 4)).toEqual({ code: 'unknown-party', message: 'Ben is not consulting.' });
    expect(s.state).toBe('where: consultation · recording: recording');
    expect(s.result().externalPortionAt).toBeNull();
    ok(s, { type: 'completeTransfer', agentId: 'ana' }, 6);
    expect(s.state).toBe('where: outside · recording: stopped');
    expect(s.result().externalPortionAt).toBe(6);
  });

  it('R13: a flow Transfer node to a private extension is internal: its answer begins no external portion', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { record: 'on' }],
        ['t', 'transfer', { target: { type: 'extension', extension: '204', system: 'pbx' } }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 't'],
      ],
    );
    const s = startCall(stops(), flow, inbound());
    ok(s, { type: 'outsideAnswer' }, 5);
    expect(s.state).toBe('where: outside · recording: recording');
    expect(s.result().externalPortionAt).toBeNull();
    expect(s.result().timeline.markers.map((m) => m.kind)).not.toContain('external-portion');
    expect(lastMarker(s)).toEqual({ at: 5, kind: 'join', label: 'extension 204 takes the call', nodeId: 't', party: 'extension:pbx:204' });
  });

  it('R15: an outside party leaving a conference of two agents leaves a conference; the next leaving leaves the agent', () => {
    const s = answered();
    ok(s, conference(OUTSIDE), 2);
    ok(s, conference(agent('ben')), 3);
    ok(s, answer('ben'), 4);
    ok(s, hangUp('external:+15550100'), 5);
    expect(s.state).toBe('where: conference · recording: recording');
    ok(s, hangUp('agent:ben'), 6);
    expect(s.state).toBe('where: agent · recording: recording');
    expect(s.result().externalPortionAt).toBeNull();
  });

  it('R12: the controlling agent leaving passes control to the earliest agent left, not to an outside party who joined earlier', () => {
    const s = answered();
    ok(s, conference(OUTSIDE), 2);
    ok(s, conference(agent('ben')), 3);
    ok(s, answer('ben'), 4);
    ok(s, hangUp('agent:ana'), 5);
    expect(s.controllingAgentId).toBe('ben');
    expect(s.result().externalPortionAt).toBeNull();
  });

  it('R10: while an outside number is consulted nobody is being rung: an answer is refused, naming the agent', () => {
    const s = answered();
    ok(s, transfer(OUTSIDE, 'warm'), 2);
    expect(refused(s, answer('ben'), 3)).toEqual({ code: 'unknown-party', message: 'Ben is not being rung by this call.' });
  });
});

describe('R12: a pause and the hand-over that ends it', () => {
  const paused = () => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), undefined, inbound());
    ok(s, answer(), 1);
    ok(s, pause(), 2);
    return s;
  };

  it('R12: a blind transfer by the controlling agent ends the pause, marked on the timeline; the recording goes on', () => {
    const s = paused();
    ok(s, transfer(agent('ben')), 5);
    expect(s.paused).toBe(false);
    expect(lastMarker(s)).toEqual({ at: 5, kind: 'resume', label: 'pause ended by the transfer (R12)' });
    ok(s, answer('ben'), 6);
    ok(s, hangUp(), 9);
    expect(spans(s.result())).toEqual([
      [1, 2, 'paused'],
      [5, 9, 'hang-up'],
    ]);
  });

  it('R12: a refused transfer hands nothing over: the pause goes on', () => {
    const s = paused();
    expect(refused(s, transfer(agent('zed')), 5)).toEqual({ code: 'not-available', message: 'No agent "zed" in the workspace.' });
    expect(s.paused).toBe(true);
  });

  it('R12: completing a warm transfer before its target answered is refused and hands nothing over: the pause goes on', () => {
    const s = paused();
    ok(s, transfer(agent('ben'), 'warm'), 3);
    expect(refused(s, { type: 'completeTransfer', agentId: 'ana' }, 4)).toEqual({ code: 'not-available', message: 'The transfer target has not answered yet.' });
    expect(s.paused).toBe(true);
    ok(s, answer('ben'), 5);
    ok(s, { type: 'completeTransfer', agentId: 'ana' }, 6);
    expect(s.paused).toBe(false);
  });
});

describe('what the timeline and the result say about the flow', () => {
  it('R26: the outcome the reviewer chose is marked at the decision node', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['d', 'decision', { outcomes: [{ name: 'gold', condition: '$.Attributes.tier = gold' }] }],
        ['p', 'play', { durationSeconds: 5 }],
      ],
      [
        ['s', 'next', 'd'],
        ['d', 'gold', 'p'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    ok(s, { type: 'choose', option: 'gold' }, 2);
    expect(s.result().timeline.markers.filter((m) => m.at === 2 && m.kind === 'node')).toEqual([
      { at: 2, kind: 'node', label: 'chosen: gold', nodeId: 'd' },
      { at: 2, kind: 'node', label: 'play p', nodeId: 'p' },
    ]);
  });

  it('R31: a Recording node that waits for an agent says so on the timeline', () => {
    const s = startCall(skipsIvr(), recordingFlow({ record: 'on' }), inbound());
    expect(s.result().timeline.markers.filter((m) => m.nodeId === 'r0')).toEqual([
      { at: 0, kind: 'node', label: 'recording r0', nodeId: 'r0' },
      { at: 0, kind: 'node', label: 'Recording node: record on from when an agent joins (R31)', nodeId: 'r0' },
    ]);
  });

  it('R8/R10: the contact "answering" an inbound call is refused and leaves the recording to the agent’s answer (R7)', () => {
    const s = startCall(testWorkspace(), recordingFlow(), inbound());
    expect(refused(s, { type: 'contactAnswer' }, 1)).toEqual({ code: 'not-available', message: '"contactAnswer" is not possible while the call is ringing.' });
    expect(s.state).toBe('where: "a" (ringing) · recording: pending');
    ok(s, answer(), 3);
    ok(s, hangUp(), 8);
    expect(spans(s.result())).toEqual([[3, 8, 'hang-up']]);
  });

  it('R5/R9: a Recording node right before a Hang-up node: the call ends there with nothing refused', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { record: 'on' }],
        ['h', 'hangup'],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'h'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    expect(s.ended).toBe(true);
    expect(s.result().rejections).toEqual([]);
    expect(lastMarker(s)).toEqual({ at: 0, kind: 'hang-up', label: 'hang-up node', nodeId: 'h' });
  });

  it('R23: a completed warm transfer to a ring group counts the group as handling the call', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    ok(s, answer('cy'), 1);
    ok(s, transfer({ type: 'ringGroup', ringGroupId: 'support' }, 'warm', 'cy'), 2);
    ok(s, answer('ben'), 3);
    ok(s, { type: 'completeTransfer', agentId: 'cy' }, 4);
    expect(s.result().handledBy).toEqual({ agentIds: ['cy', 'ben'], ringGroupIds: ['support'] });
  });
});

describe('R4/R8/R25: which flow a call runs, and who it rings', () => {
  const twoFlows = (): WorkspaceDoc => {
    const ws = testWorkspace();
    const play = (id: string, seconds: number) =>
      buildFlow(
        [
          [`${id}s`, 'start'],
          [`${id}p`, 'play', { durationSeconds: seconds }],
        ],
        [[`${id}s`, 'next', `${id}p`]],
        id,
      );
    ws.flows = [play('a', 5), play('b', 7)];
    ws.numbers[0]!.flowId = 'b';
    return ws;
  };

  it('R4: an inbound call to a number runs that number’s flow (not the first flow of the workspace)', () => {
    const s = startCall(twoFlows(), undefined, inbound('main'));
    expect(s.currentNodeId).toBe('bp');
  });

  it('R7: an inbound call to a number without a flow rings every agent', () => {
    const s = startCall(twoFlows(), undefined, inbound('sales'));
    expect(s.state).toBe('where: ringing · recording: pending');
  });

  it('R8: an outbound call runs no flow, even one given: it is dialled, and the contact is not on hold', () => {
    const ws = twoFlows();
    const s = startCall(ws, ws.flows[0], outbound());
    expect(s.state).toBe('where: dialling · recording: pending');
    expect(s.path).toEqual([]);
    expect(s.onHold).toBe(false);
    ok(s, { type: 'contactAnswer' }, 2);
    ok(s, { type: 'hold', agentId: 'ana' }, 3);
    expect(s.onHold).toBe(true);
  });

  it('R25: a queue of named agents offers the call to those in the workspace only', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['q', 'queue', { target: { type: 'agents', agentIds: ['zed', 'ben'] }, maxWaitSeconds: 60 }],
      ],
      [['s', 'next', 'q']],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    expect(refused(s, answer('zed'), 1)).toEqual({ code: 'unknown-party', message: 'zed is not being rung by this call.' });
    expect(refused(s, answer('ana'), 1)).toEqual({ code: 'unknown-party', message: 'Ana is not being rung by this call.' });
    ok(s, answer('ben'), 2);
  });

  it('R21: a menu that takes an invalid key back to itself stays one IVR phase; markers carry only the node or party they name', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['m', 'menu', { timeoutSeconds: 10 }],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
      ],
      [
        ['s', 'next', 'm'],
        ['m', '1', 'a'],
        ['m', 'timeout', 'a'],
        ['m', 'invalid', 'm'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    ok(s, { type: 'press', digit: '9' }, 2);
    ok(s, { type: 'press', digit: '1' }, 4);
    ok(s, hangUp(), 6);
    expect(phaseKinds(s)).toEqual([
      ['ivr', 0],
      ['ringing', 4],
    ]);
    const markers = s.result().timeline.markers;
    expect(markers.find((m) => m.kind === 'hang-up')).toStrictEqual({ at: 6, kind: 'hang-up', label: 'the contact hangs up', party: 'contact' });
    expect(markers.find((m) => m.label === 'caller pressed 9')).toStrictEqual({ at: 2, kind: 'node', label: 'caller pressed 9', nodeId: 'm' });
  });
});
