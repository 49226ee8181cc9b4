/**
 * Rules of the call runtime that the first rule suite (rules.test.ts) left
 * open, each test naming its rule or limit, written against the public step
 * API (`startCall(...).apply/available/result`) only, so they hold for any
 * implementation of the call machine:
 * - every refusal a call can record, with the sentence the simulator shows as
 *   is (R10: "the rejection carries a reason the UI shows"), naming the agent,
 *   party, target or setting concerned;
 * - the R21 timeline of whole calls: every phase and marker (moment, kind,
 *   tooltip sentence, node, party);
 * - what the call offers at each point, the conference limit, hang-up paths,
 *   and the safety nets for flows a call cannot finish.
 */
import { describe, expect, it } from 'vitest';
import type { TransferTarget } from '../../nodes/kit/fields.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { checkExpectation, formatMismatch, simulate } from './scenario.ts';
import { startCall } from './session.ts';
import { assignFlow, buildFlow, inbound, outbound, run, spans, testWorkspace } from './testkit.ts';
import type { AvailableAction, CallAction, CallResult, CallSession, CallStart, RejectionCode } from './types.ts';

const OUTSIDE: TransferTarget = { type: 'external', number: '+15550100' };
const answer = (agentId = 'ana'): CallAction => ({ type: 'answer', agentId });
const hangUp = (party = 'contact'): CallAction => ({ type: 'hangUp', party });
const pause = (agentId = 'ana'): CallAction => ({ type: 'pause', agentId });
const resume = (agentId = 'ana'): CallAction => ({ type: 'resume', agentId });
const hold = (agentId = 'ana'): CallAction => ({ type: 'hold', agentId });
const unhold = (agentId = 'ana'): CallAction => ({ type: 'unhold', agentId });
const transfer = (target: TransferTarget, mode: 'blind' | 'warm' = 'blind', agentId = 'ana'): CallAction => ({
  type: 'transfer',
  agentId,
  mode,
  target,
});
const conference = (target: TransferTarget, agentId = 'ana'): CallAction => ({ type: 'conference', agentId, target });
const complete = (agentId = 'ana'): CallAction => ({ type: 'completeTransfer', agentId });
const press = (digit: string): CallAction => ({ type: 'press', digit });
const outside = (n: number): TransferTarget => ({ type: 'external', number: `+1555010${n}` });
const offered = (s: CallSession) => s.available().map((a) => a.type);
const find = <T extends AvailableAction['type']>(s: CallSession, type: T) =>
  s.available().find((a): a is Extract<AvailableAction, { type: T }> => a.type === type);

const pausable = () => testWorkspace({ account: { agentPause: true } });

/** Start → Play(10 s) → Menu(timeout, null: none) → Assign(support). */
function ivrFlow(menuTimeout: number | null = 10): FlowDoc {
  return buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['p', 'play', { text: 'Welcome', durationSeconds: 10 }],
      ['m', 'menu', { timeoutSeconds: menuTimeout }],
      ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
    ],
    [
      ['s', 'next', 'p'],
      ['p', 'next', 'm'],
      ['m', '1', 'a'],
      ['m', '2', 'a'],
      ...(menuTimeout === null ? [] : ([['m', 'timeout', 'a']] as Array<[string, string, string]>)),
      ['m', 'invalid', 'a'],
      ['a', 'noAnswer', 'a'],
    ],
  );
}

interface Row {
  name: string;
  ws?: () => WorkspaceDoc;
  flow?: () => FlowDoc | undefined;
  start?: CallStart;
  /** Accepted steps before the refused one. */
  before: Array<[number, CallAction]>;
  refused: [number, CallAction];
  code: RejectionCode;
  message: string;
}

/** Ana answers the support ring group at 5 s. */
const answered: Array<[number, CallAction]> = [[5, answer()]];
/** Ana answers, then brings Ben in by conference; he answers at 9 s. */
const withBen: Array<[number, CallAction]> = [
  [5, answer()],
  [8, conference({ type: 'agent', agentId: 'ben' })],
  [9, answer('ben')],
];

const rows: Row[] = [
  // R10, in its check order: settings, controlling agent, recording running, pause state.
  {
    name: 'R10: pause with agent pause disabled names the setting',
    before: answered,
    refused: [10, pause()],
    code: 'not-allowed-by-settings',
    message: 'Agent-initiated pause is not enabled for this call.',
  },
  {
    name: 'R10/R12: pause by an agent who does not control the recording names that agent',
    ws: pausable,
    before: withBen,
    refused: [10, pause('ben')],
    code: 'not-controlling-agent',
    message: 'Ben does not control the recording of this call.',
  },
  {
    name: 'R10/R12: resume by an agent who does not control the recording names that agent',
    ws: pausable,
    before: [...withBen, [10, pause()]],
    refused: [11, resume('ben')],
    code: 'not-controlling-agent',
    message: 'Ben does not control the recording of this call.',
  },
  {
    name: 'R10/R7: pause on a call that is not recorded',
    ws: () => testWorkspace({ account: { agentPause: true, recordInbound: false } }),
    before: answered,
    refused: [10, pause()],
    code: 'not-recording',
    message: 'The call is not being recorded.',
  },
  {
    name: 'R10: pause while already paused',
    ws: pausable,
    before: [...answered, [10, pause()]],
    refused: [12, pause()],
    code: 'already-paused',
    message: 'The recording is already paused.',
  },
  {
    name: 'R10: resume while not paused',
    ws: pausable,
    before: answered,
    refused: [10, resume()],
    code: 'not-paused',
    message: 'The recording is not paused.',
  },
  // R9: once the call has ended nothing more happens to it.
  {
    name: 'R9: any action after the contact hung up',
    before: [...answered, [20, hangUp()]],
    refused: [25, hold()],
    code: 'call-ended',
    message: 'The call has ended.',
  },
  {
    name: 'R9/R10: pause after the call ended says the call ended, not a pause reason',
    ws: pausable,
    before: [...answered, [20, hangUp()]],
    refused: [25, pause()],
    code: 'call-ended',
    message: 'The call has ended.',
  },
  // Actions the call's state does not accept name the state.
  {
    name: 'hold while a message plays',
    flow: () => ivrFlow(),
    before: [],
    refused: [2, hold()],
    code: 'not-available',
    message: '"hold" is not possible while the call is playing a message.',
  },
  {
    name: 'answer while the caller is in a menu with a timeout',
    flow: () => ivrFlow(10),
    before: [],
    refused: [12, answer()],
    code: 'not-available',
    message: '"answer" is not possible while the call is in a menu.',
  },
  {
    name: 'answer while the caller is in a menu without a timeout',
    flow: () => ivrFlow(null),
    before: [],
    refused: [12, answer()],
    code: 'not-available',
    message: '"answer" is not possible while the call is in a menu.',
  },
  {
    name: 'R19: hold while the caller leaves a voicemail',
    before: [[31, { type: 'wait' }]],
    refused: [32, hold()],
    code: 'not-available',
    message: '"hold" is not possible while the call is recording a voicemail.',
  },
  {
    name: 'press while a ring group rings (with a ring timeout)',
    before: [],
    refused: [2, press('1')],
    code: 'not-available',
    message: '"press" is not possible while the call is ringing.',
  },
  {
    name: 'R7: press while a call with no flow rings every agent',
    flow: () => undefined,
    before: [],
    refused: [2, press('1')],
    code: 'not-available',
    message: '"press" is not possible while the call is ringing.',
  },
  {
    name: 'R8: hold while an outbound call is being dialled',
    start: outbound(),
    before: [],
    refused: [2, hold()],
    code: 'not-available',
    message: '"hold" is not possible while the call is being dialled.',
  },
  {
    name: 'contactAnswer on an inbound call that is connected',
    before: answered,
    refused: [6, { type: 'contactAnswer' }],
    code: 'not-available',
    message: '"contactAnswer" is not possible while the call is connected.',
  },
  {
    name: 'R19: a key other than # during a voicemail names the key',
    before: [[31, { type: 'wait' }]],
    refused: [32, press('5')],
    code: 'not-available',
    message: 'Key 5 means nothing here.',
  },
  {
    name: 'R16: outsideAnswer while only agents are being rung',
    before: [],
    refused: [2, { type: 'outsideAnswer' }],
    code: 'not-available',
    message: 'No extension or outside number is being rung.',
  },
  {
    name: 'hold twice',
    before: [...answered, [6, hold()]],
    refused: [7, hold()],
    code: 'not-available',
    message: 'The contact is already on hold.',
  },
  {
    name: 'unhold when not on hold',
    before: answered,
    refused: [6, unhold()],
    code: 'not-available',
    message: 'The contact is not on hold.',
  },
  // R13–R15: transfers and conferences.
  {
    name: 'R15: a transfer while a warm transfer is in progress',
    before: [...answered, [6, transfer(OUTSIDE, 'warm')]],
    refused: [7, transfer({ type: 'agent', agentId: 'ben' })],
    code: 'not-available',
    message: 'A warm transfer is in progress.',
  },
  {
    name: 'R13: a transfer to an agent the workspace does not have names the agent id',
    before: answered,
    refused: [6, transfer({ type: 'agent', agentId: 'zed' })],
    code: 'not-available',
    message: 'No agent "zed" in the workspace.',
  },
  {
    name: 'R13: a transfer to a ring group the workspace does not have names the ring group id',
    before: answered,
    refused: [6, transfer({ type: 'ringGroup', ringGroupId: 'nowhere' })],
    code: 'not-available',
    message: 'No ring group "nowhere" in the workspace.',
  },
  {
    name: 'R12: a conference with an agent already on the call names that agent',
    before: withBen,
    refused: [10, conference({ type: 'agent', agentId: 'ben' })],
    code: 'not-available',
    message: 'Ben is already on the call.',
  },
  {
    name: 'R15: a conference with an outside number already on the call names the number',
    before: [...answered, [6, conference(OUTSIDE)]],
    refused: [7, conference(OUTSIDE)],
    code: 'not-available',
    message: 'outside number +15550100 is already on the call.',
  },
  {
    name: 'R13: a conference with an extension already on the call names the extension',
    before: [...answered, [6, conference({ type: 'extension', extension: '200', system: 'pbx' })]],
    refused: [7, conference({ type: 'extension', extension: '200', system: 'pbx' })],
    code: 'not-available',
    message: 'extension 200 is already on the call.',
  },
  {
    name: 'R12: a transfer from a conference needs the contact and one agent only',
    before: withBen,
    refused: [10, transfer(OUTSIDE)],
    code: 'not-available',
    message: 'A transfer needs a call between the contact and one agent only.',
  },
  {
    name: 'R12: a transfer while a conference invitation rings',
    before: [...answered, [6, conference({ type: 'agent', agentId: 'ben' })]],
    refused: [7, transfer(OUTSIDE)],
    code: 'not-available',
    message: 'A transfer needs a call between the contact and one agent only.',
  },
  {
    name: 'R12: a second conference invitation while one rings',
    before: [...answered, [6, conference({ type: 'agent', agentId: 'ben' })]],
    refused: [7, conference({ type: 'agent', agentId: 'cy' })],
    code: 'not-available',
    message: 'Another party is already being invited.',
  },
  {
    name: 'R15: completing a transfer when none is in progress',
    before: answered,
    refused: [6, complete()],
    code: 'not-available',
    message: 'No warm transfer is in progress.',
  },
  {
    name: 'R15: completing a warm transfer before its target answered',
    before: [...answered, [6, transfer({ type: 'agent', agentId: 'cy' }, 'warm')]],
    refused: [7, complete()],
    code: 'not-available',
    message: 'The transfer target has not answered yet.',
  },
  // Parties the call does not have.
  {
    name: 'R7: an answer by an agent the call is not ringing names the agent',
    before: [],
    refused: [2, answer('cy')],
    code: 'unknown-party',
    message: 'Cy is not being rung by this call.',
  },
  {
    name: 'an answer by an agent the workspace does not have names the id',
    before: [],
    refused: [2, answer('zed')],
    code: 'unknown-party',
    message: 'zed is not being rung by this call.',
  },
  {
    name: 'R12: an agent already on the call cannot answer again',
    before: answered,
    refused: [6, answer()],
    code: 'unknown-party',
    message: 'Ana is not being rung by this call.',
  },
  {
    name: 'R9: a hang-up by a party not on the call names the party',
    before: answered,
    refused: [6, hangUp('agent:cy')],
    code: 'unknown-party',
    message: 'agent:cy is not on the call.',
  },
  {
    name: 'hold by an agent not on the call names the agent',
    before: answered,
    refused: [6, hold('cy')],
    code: 'unknown-party',
    message: 'Cy is not on the call.',
  },
  {
    name: 'R13: a transfer by an agent not on the call names the agent',
    before: answered,
    refused: [6, transfer(OUTSIDE, 'blind', 'cy')],
    code: 'unknown-party',
    message: 'Cy is not on the call.',
  },
  {
    name: 'R12: a conference by an agent not on the call names the agent',
    before: answered,
    refused: [6, conference(OUTSIDE, 'cy')],
    code: 'unknown-party',
    message: 'Cy is not on the call.',
  },
  {
    name: 'R15: completing a warm transfer someone else started names the agent',
    before: [...withBen, [10, hangUp('agent:ben')], [11, transfer(OUTSIDE, 'warm')]],
    refused: [12, complete('ben')],
    code: 'unknown-party',
    message: 'Ben is not consulting.',
  },
];

describe('refusals: every code with the sentence the simulator shows', () => {
  it.each(rows)('$name', (row) => {
    const flow = row.flow ? row.flow() : assignFlow();
    const s = startCall((row.ws ?? testWorkspace)(), flow, row.start ?? inbound());
    for (const [at, action] of row.before) {
      expect(s.apply(action, at), `setup step at ${at}s`).toEqual({ ok: true, accepted: true });
    }
    const [at, action] = row.refused;
    s.apply({ type: 'wait' }, at);
    const before = s.result();
    const out = s.apply(action, at);
    expect(out).toEqual({ ok: true, accepted: false, rejection: { at, action, code: row.code, message: row.message } });
    // R10: nothing changes, and the refusal is listed in the result and on the timeline.
    const after = s.result();
    expect(after.segments).toEqual(before.segments);
    expect(after.rejections.at(-1)).toEqual({ at, action, code: row.code, message: row.message });
    expect(after.timeline.markers.at(-1)).toEqual({ at, kind: 'refusal', label: row.message });
  });

  it('covers every rejection code', () => {
    const all: RejectionCode[] = [
      'not-allowed-by-settings',
      'not-controlling-agent',
      'already-paused',
      'not-paused',
      'not-recording',
      'not-available',
      'unknown-party',
      'call-ended',
    ];
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(all));
  });
});

type Steps = Array<[number, CallAction]>;

function play(s: CallSession, steps: Steps): CallResult {
  for (const [at, action] of steps) expect(s.apply(action, at), `${action.type} at ${at}s`).toEqual({ ok: true, accepted: true });
  return s.result();
}

/** Markers as `[at, kind, label, nodeId, party]`, null where the marker has none. */
const markers = (r: CallResult) => r.timeline.markers.map((m) => [m.at, m.kind, m.label, m.nodeId ?? null, m.party ?? null]);
const phases = (r: CallResult) => r.timeline.phases.map((p) => [p.kind, p.start, p.end, p.nodeId, p.parties]);

/** Start → notice (4 s) → Menu: 1 → Recording on, mono → Assign(support); 2 → Assign; timeout → Voicemail. */
function supportFlow(): FlowDoc {
  return buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['n', 'play', { text: 'This call is recorded.', durationSeconds: 4, recordingNotice: true }],
      ['m', 'menu', { timeoutSeconds: 10 }],
      ['r', 'recording', { record: 'on', channels: 'mono' }],
      ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 20 }],
      ['vm', 'voicemail', { maxLengthSeconds: 30 }],
    ],
    [
      ['s', 'next', 'n'],
      ['n', 'next', 'm'],
      ['m', '1', 'r'],
      ['m', '2', 'a'],
      ['m', 'timeout', 'vm'],
      ['m', 'invalid', 'm'],
      ['r', 'next', 'a'],
      ['a', 'noAnswer', 'vm'],
    ],
  );
}

/** Start → Menu(5 s): 1 or timeout → Voicemail(20 s) → Recording off → Transfer to an outside number (15 s) → Hang up. */
function voicemailFlow(): FlowDoc {
  return buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['m', 'menu', { timeoutSeconds: 5 }],
      ['vm', 'voicemail', { maxLengthSeconds: 20 }],
      ['off', 'recording', { record: 'off' }],
      ['t', 'transfer', { target: { type: 'external', number: '+15550199' }, ringTimeoutSeconds: 15 }],
      ['h', 'hangup'],
    ],
    [
      ['s', 'next', 'm'],
      ['m', '1', 'vm'],
      ['m', '2', 't'],
      ['m', 'timeout', 'vm'],
      ['m', 'invalid', 'h'],
      ['vm', 'next', 'off'],
      ['off', 'next', 't'],
      ['t', 'failed', 'h'],
    ],
  );
}

const noContinue = () => testWorkspace({ account: { continueOnExternalTransfer: false } });

describe('R21: the timeline of a call', () => {
  it('R5/R10–R12/R14: menu, Recording node, answer, hold, pause, conference, control passing, warm and blind transfers', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), supportFlow(), inbound());
    const r = play(s, [
      [6, { type: 'press', digit: '1' }],
      [9, { type: 'answer', agentId: 'ana' }],
      [15, { type: 'hold', agentId: 'ana' }],
      [18, { type: 'unhold', agentId: 'ana' }],
      [20, { type: 'pause', agentId: 'ana' }],
      [25, { type: 'resume', agentId: 'ana' }],
      [30, { type: 'conference', agentId: 'ana', target: { type: 'agent', agentId: 'cy' } }],
      [32, { type: 'answer', agentId: 'cy' }],
      [40, { type: 'hangUp', party: 'agent:ana' }],
      [45, { type: 'transfer', agentId: 'cy', mode: 'warm', target: { type: 'ringGroup', ringGroupId: 'support' } }],
      [47, { type: 'answer', agentId: 'ben' }],
      [50, { type: 'completeTransfer', agentId: 'cy' }],
      [55, { type: 'transfer', agentId: 'ben', mode: 'blind', target: { type: 'external', number: '+15550100' } }],
      [70, { type: 'hangUp', party: 'contact' }],
    ]);
    expect(markers(r)).toEqual([
      [0, 'node', 'start s', 's', null],
      [0, 'node', 'play n', 'n', null],
      [4, 'timer', 'play timer', 'n', null],
      [4, 'node', 'menu m', 'm', null],
      [6, 'node', 'caller pressed 1', 'm', null],
      [6, 'node', 'recording r', 'r', null],
      [6, 'recording-on', 'Recording node: record on', 'r', null],
      [6, 'node', 'assign a', 'a', null],
      [9, 'answer', 'Ana answers', null, 'agent:ana'],
      [9, 'control', 'Ana controls the recording (R12)', null, 'agent:ana'],
      [15, 'hold', 'contact on hold', null, 'agent:ana'],
      [18, 'unhold', 'contact off hold', null, 'agent:ana'],
      [20, 'pause', 'recording paused', null, 'agent:ana'],
      [25, 'resume', 'recording resumed', null, 'agent:ana'],
      [30, 'conference', 'Ana adds agent Cy', null, 'agent:ana'],
      [32, 'join', 'Cy joins the conference', null, 'agent:cy'],
      [40, 'hang-up', 'Ana hangs up', null, 'agent:ana'],
      [40, 'control', 'Cy controls the recording (R12)', null, 'agent:cy'],
      [45, 'transfer', 'Cy consults ring group Support (warm transfer)', null, 'agent:cy'],
      [47, 'answer', 'Ben answers the consultation', null, 'agent:ben'],
      [50, 'transfer-complete', 'warm transfer to Ben completed', null, 'agent:ben'],
      [50, 'control', 'Ben controls the recording (R12)', null, 'agent:ben'],
      [55, 'transfer', 'Ben transfers to outside number +15550100 (blind)', null, 'agent:ben'],
      [55, 'join', 'outside +15550100 takes the call', null, 'external:+15550100'],
      [55, 'external-portion', 'external portion begins; recording continues (R14)', null, null],
      [70, 'hang-up', 'the contact hangs up', null, 'contact'],
    ]);
    expect(phases(r)).toEqual([
      ['ivr', 0, 4, 'n', []],
      ['ivr', 4, 6, 'm', []],
      ['ringing', 6, 9, 'a', []],
      ['agent', 9, 32, null, ['agent:ana']],
      ['conference', 32, 40, null, ['agent:ana', 'agent:cy']],
      ['agent', 40, 45, null, ['agent:cy']],
      ['consultation', 45, 50, null, ['agent:cy']],
      ['agent', 50, 55, null, ['agent:ben']],
      ['outside', 55, 70, null, ['external:+15550100']],
    ]);
    // R11/R17/R18/R23: two segments around the pause, mono from the Recording node, everyone heard on channel B.
    expect(r.segments).toEqual([
      { start: 6, end: 20, channelA: ['contact'], channelB: ['agent:ana'], endReason: 'paused', sides: 'both' },
      { start: 25, end: 70, channelA: ['contact'], channelB: ['agent:ana', 'agent:cy', 'agent:ben', 'external:+15550100'], endReason: 'hang-up', sides: 'both' },
    ]);
    expect(r).toMatchObject({
      recorded: true,
      channels: 'mono',
      transcribable: false,
      totalRecordedSeconds: 59,
      handledBy: { agentIds: ['ana', 'cy', 'ben'], ringGroupIds: ['support'] },
      path: ['s', 'n', 'm', 'r', 'a'],
      externalPortionAt: 55,
      duration: 70,
      ended: true,
    });
  });

  it('R8/R14/R15: an outbound call: the contact answers, a cancelled consultation, a completed warm external transfer', () => {
    const s = startCall(noContinue(), undefined, outbound());
    const r = play(s, [
      [8, { type: 'contactAnswer' }],
      [20, { type: 'transfer', agentId: 'ana', mode: 'warm', target: { type: 'extension', extension: '201', system: 'teams' } }],
      [25, { type: 'cancelTransfer', agentId: 'ana' }],
      [30, { type: 'transfer', agentId: 'ana', mode: 'warm', target: { type: 'external', number: '+15550100' } }],
      [40, { type: 'completeTransfer', agentId: 'ana' }],
      [60, { type: 'hangUp', party: 'external:+15550100' }],
    ]);
    expect(markers(r)).toEqual([
      [8, 'answer', 'the contact answers', null, 'contact'],
      [8, 'recording-on', 'recording starts as the contact answers (R8)', null, null],
      [20, 'transfer', 'Ana consults extension 201 (warm transfer)', null, 'agent:ana'],
      [25, 'transfer-cancel', 'warm transfer cancelled', null, 'agent:ana'],
      [30, 'transfer', 'Ana consults outside number +15550100 (warm transfer)', null, 'agent:ana'],
      [40, 'transfer-complete', 'warm transfer to outside +15550100 completed', null, 'external:+15550100'],
      [40, 'external-portion', 'external portion begins; recording stops (R14)', null, null],
      [60, 'hang-up', 'outside +15550100 hangs up', null, 'external:+15550100'],
    ]);
    expect(phases(r)).toEqual([
      ['dialling', 0, 8, null, ['agent:ana']],
      ['agent', 8, 20, null, ['agent:ana']],
      ['consultation', 20, 25, null, ['agent:ana', 'extension:teams:201']],
      ['agent', 25, 30, null, ['agent:ana']],
      ['consultation', 30, 40, null, ['agent:ana', 'external:+15550100']],
      ['outside', 40, 60, null, ['external:+15550100']],
    ]);
    expect(r.segments).toEqual([
      { start: 8, end: 40, channelA: ['contact'], channelB: ['agent:ana', 'extension:teams:201', 'external:+15550100'], endReason: 'external-transfer', sides: 'both' },
    ]);
    expect(r).toMatchObject({ direction: 'outbound', channels: 'dual', transcribable: true, path: [], externalPortionAt: 40, duration: 60 });
  });

  it('R7/R9: a call to a number with no flow rings every agent; the one who answers and hangs up ends it', () => {
    const r = play(startCall(testWorkspace(), undefined, inbound()), [
      [5, { type: 'answer', agentId: 'cy' }],
      [9, { type: 'hangUp', party: 'agent:cy' }],
    ]);
    expect(markers(r)).toEqual([
      [0, 'node', 'no flow: ringing every agent', null, null],
      [5, 'answer', 'Cy answers', null, 'agent:cy'],
      [5, 'control', 'Cy controls the recording (R12)', null, 'agent:cy'],
      [5, 'recording-on', 'recording starts as the first agent answers (R7)', null, 'agent:cy'],
      [9, 'hang-up', 'Cy hangs up', null, 'agent:cy'],
    ]);
    expect(phases(r)).toEqual([
      ['ringing', 0, 5, null, []],
      ['agent', 5, 9, null, ['agent:cy']],
    ]);
    expect(r).toMatchObject({ handledBy: { agentIds: ['cy'], ringGroupIds: [] }, totalRecordedSeconds: 4, ended: true });
  });

  it('R19/R6/R16: timers only: menu timeout to voicemail at its maximum, Recording off, an outside number that never answers, Hang up', () => {
    const r = play(startCall(noContinue(), voicemailFlow(), inbound()), [[50, { type: 'wait' }]]);
    expect(markers(r)).toEqual([
      [0, 'node', 'start s', 's', null],
      [0, 'node', 'menu m', 'm', null],
      [5, 'timer', 'menu timer', 'm', null],
      [5, 'node', 'voicemail vm', 'vm', null],
      [5, 'voicemail-on', 'voicemail recording starts', 'vm', null],
      [25, 'timer', 'voicemail timer', 'vm', null],
      [25, 'voicemail-off', 'voicemail recording ends', 'vm', null],
      [25, 'node', 'recording off', 'off', null],
      [25, 'recording-off', 'Recording node: record off', 'off', null],
      [25, 'node', 'transfer t', 't', null],
      [40, 'timer', 'ring timer', 't', null],
      [40, 'node', 'hangup h', 'h', null],
      [40, 'hang-up', 'hang-up node', 'h', null],
    ]);
    expect(phases(r)).toEqual([
      ['ivr', 0, 5, 'm', []],
      ['voicemail', 5, 25, 'vm', []],
      ['ringing', 25, 40, 't', []],
    ]);
    expect(r).toMatchObject({
      recorded: false,
      channels: null,
      segments: [],
      voicemails: [{ nodeId: 'vm', start: 5, end: 25, maxLengthSeconds: 20, channel: 'mono', parties: ['contact'], endReason: 'max-length' }],
      // R20: a voicemail alone is a recording, so it gets a deletion date.
      deletionDate: '2026-07-01',
      path: ['s', 'm', 'vm', 'off', 't', 'h'],
      externalPortionAt: null,
      duration: 40,
    });
  });

  it('R19/R16: # ends the voicemail; the outside number answering starts the external portion', () => {
    const r = play(startCall(noContinue(), voicemailFlow(), inbound()), [
      [2, { type: 'press', digit: '1' }],
      [7, { type: 'press', digit: '#' }],
      [10, { type: 'outsideAnswer' }],
      [30, { type: 'hangUp', party: 'contact' }],
    ]);
    expect(markers(r).slice(2)).toEqual([
      [2, 'node', 'caller pressed 1', 'm', null],
      [2, 'node', 'voicemail vm', 'vm', null],
      [2, 'voicemail-on', 'voicemail recording starts', 'vm', null],
      [7, 'node', 'caller pressed #', 'vm', null],
      [7, 'voicemail-off', 'voicemail recording ends', 'vm', null],
      [7, 'node', 'recording off', 'off', null],
      [7, 'recording-off', 'Recording node: record off', 'off', null],
      [7, 'node', 'transfer t', 't', null],
      [10, 'join', 'outside +15550199 takes the call', 't', 'external:+15550199'],
      [10, 'external-portion', 'external portion begins; recording stops (R14)', null, null],
      [30, 'hang-up', 'the contact hangs up', null, 'contact'],
    ]);
    expect(phases(r)).toEqual([
      ['ivr', 0, 2, 'm', []],
      ['voicemail', 2, 7, 'vm', []],
      ['ringing', 7, 10, 't', []],
      ['outside', 10, 30, null, ['external:+15550199']],
    ]);
    expect(r.voicemails).toEqual([{ nodeId: 'vm', start: 2, end: 7, maxLengthSeconds: 20, channel: 'mono', parties: ['contact'], endReason: 'finished' }]);
    expect(r).toMatchObject({ recorded: false, path: ['s', 'm', 'vm', 'off', 't'], externalPortionAt: 10, duration: 30 });
  });

  it('R20: a call that recorded nothing has no deletion date', () => {
    const r = play(startCall(testWorkspace(), voicemailFlow(), inbound()), [[2, { type: 'press', digit: '9' }]]);
    expect(markers(r)).toEqual([
      [0, 'node', 'start s', 's', null],
      [0, 'node', 'menu m', 'm', null],
      [2, 'node', 'caller pressed 9', 'm', null],
      [2, 'node', 'hangup h', 'h', null],
      [2, 'hang-up', 'hang-up node', 'h', null],
    ]);
    expect(r).toMatchObject({ recorded: false, voicemails: [], deletionDate: null, ended: true, duration: 2 });
  });
});

describe('conference size (limit: at most 8 parties besides the contact)', () => {
  it('R12/R15: the eighth party may join; a ninth is refused and no longer offered', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    // Ana plus six outside parties: seven besides the contact.
    for (let i = 1; i <= 6; i++) expect(s.apply(conference(outside(i)), 5 + i)).toEqual({ ok: true, accepted: true });
    expect(s.parties).toHaveLength(7);
    expect(offered(s)).toContain('conference');
    expect(s.apply(conference(outside(7)), 20)).toEqual({ ok: true, accepted: true });
    expect(s.parties).toHaveLength(8);
    expect(offered(s)).not.toContain('conference');
    expect(s.apply(conference(outside(8)), 21)).toMatchObject({ accepted: false, rejection: { code: 'not-available', message: 'The conference is full.' } });
    expect(s.parties).toHaveLength(8);
    // A party leaving makes room again.
    s.apply(hangUp('external:+15550107'), 22);
    expect(offered(s)).toContain('conference');
    expect(s.apply(conference(outside(8)), 23)).toEqual({ ok: true, accepted: true });
  });
});

describe('what the call offers now (available)', () => {
  it('R7: a ringing ring group offers its members to answer, the contact to hang up, and the ring timeout', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    expect(s.available()).toEqual([
      { type: 'answer', agents: [{ value: 'ana', label: 'Ana' }, { value: 'ben', label: 'Ben' }], ringGroupId: 'support' },
      { type: 'hangUp', parties: [{ value: 'contact', label: 'contact +15559999' }] },
      { type: 'wait', nextTimerAt: 30 },
    ]);
  });

  it('R10/R12: with one agent on the call: hold, pause and resume with predicted refusals, transfer and conference targets', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), assignFlow(), inbound());
    s.apply(answer(), 5);
    const targets = [
      { target: { type: 'agent', agentId: 'ben' }, label: 'agent Ben', external: false },
      { target: { type: 'agent', agentId: 'cy' }, label: 'agent Cy', external: false },
      { target: { type: 'ringGroup', ringGroupId: 'support' }, label: 'ring group Support', external: false },
      { target: { type: 'external', number: '+15550100' }, label: 'outside number +15550100', external: true },
      { target: { type: 'extension', extension: '200', system: 'pbx' }, label: 'extension 200', external: false },
    ];
    const ana = [{ value: 'ana', label: 'Ana' }];
    expect(s.available()).toEqual([
      { type: 'hold', agents: ana },
      { type: 'pause', agents: ana, refusals: {} },
      { type: 'resume', agents: ana, refusals: { ana: { code: 'not-paused', message: 'The recording is not paused.' } } },
      { type: 'transfer', agents: ana, modes: ['blind', 'warm'], targets },
      { type: 'conference', agents: ana, targets },
      { type: 'hangUp', parties: [{ value: 'contact', label: 'contact +15559999' }, { value: 'agent:ana', label: 'Ana' }] },
      { type: 'wait', nextTimerAt: null },
    ]);
    s.apply({ type: 'hold', agentId: 'ana' }, 6);
    s.apply({ type: 'pause', agentId: 'ana' }, 7);
    expect(find(s, 'unhold')).toEqual({ type: 'unhold', agents: ana });
    expect(find(s, 'pause')?.refusals).toEqual({ ana: { code: 'already-paused', message: 'The recording is already paused.' } });
    expect(find(s, 'resume')?.refusals).toEqual({});
  });

  it('R10/R12: in a conference only the controlling agent may pause; the second agent gets the reason in advance', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(conference({ type: 'ringGroup', ringGroupId: 'support' }), 6);
    // While the invitation rings, Ben (the only free member) may answer it; the caller is not offered a second invitation.
    expect(find(s, 'answer')).toEqual({ type: 'answer', agents: [{ value: 'ben', label: 'Ben' }], ringGroupId: 'support' });
    expect(offered(s)).not.toContain('conference');
    s.apply(answer('ben'), 7);
    expect(find(s, 'pause')?.refusals).toEqual({ ben: { code: 'not-controlling-agent', message: 'Ben does not control the recording of this call.' } });
    // A transfer needs the contact and one agent only.
    expect(offered(s)).not.toContain('transfer');
    expect(find(s, 'conference')?.targets.map((t) => t.label)).toEqual(['agent Cy', 'ring group Support', 'outside number +15550100', 'extension 200']);
    // R23: Ben received the call through the ring group's invitation.
    expect(s.result().handledBy).toEqual({ agentIds: ['ana', 'ben'], ringGroupIds: ['support'] });
  });

  it('R10: with agent pause disabled every agent is told why before trying', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    const why = { code: 'not-allowed-by-settings', message: 'Agent-initiated pause is not enabled for this call.' };
    expect(find(s, 'pause')?.refusals).toEqual({ ana: why });
    expect(find(s, 'resume')?.refusals).toEqual({ ana: why });
  });

  it('R15: a warm transfer offers completion only once the target answered, and cancellation throughout', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply({ type: 'transfer', agentId: 'ana', mode: 'warm', target: { type: 'agent', agentId: 'cy' } }, 6);
    expect(find(s, 'answer')).toEqual({ type: 'answer', agents: [{ value: 'cy', label: 'Cy' }], ringGroupId: null });
    expect(offered(s)).toContain('cancelTransfer');
    expect(offered(s)).not.toContain('completeTransfer');
    expect(offered(s)).not.toContain('transfer');
    expect(offered(s)).not.toContain('conference');
    s.apply(answer('cy'), 8);
    expect(find(s, 'completeTransfer')).toEqual({ type: 'completeTransfer', agents: [{ value: 'ana', label: 'Ana' }] });
    expect(find(s, 'cancelTransfer')).toEqual({ type: 'cancelTransfer', agents: [{ value: 'ana', label: 'Ana' }] });
    expect(s.parties.map((p) => [p.id, p.controlling, p.consulting])).toEqual([
      ['agent:ana', true, false],
      ['agent:cy', false, true],
    ]);
  });

  it('R8: an outbound call being dialled offers the contact answering, and either side hanging up', () => {
    const s = startCall(testWorkspace(), undefined, outbound());
    expect(s.available()).toEqual([
      { type: 'contactAnswer' },
      { type: 'hangUp', parties: [{ value: 'contact', label: 'contact +15558888' }, { value: 'agent:ana', label: 'Ana' }] },
      { type: 'wait', nextTimerAt: null },
    ]);
  });

  it('R16: a flow transfer ringing an outside number offers it answering, named', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['t', 'transfer', { target: { type: 'extension', extension: '4711', system: 'deskPhone' }, ringTimeoutSeconds: 20 }],
      ],
      [['s', 'next', 't']],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    expect(find(s, 'outsideAnswer')).toEqual({ type: 'outsideAnswer', party: { value: 'extension:deskPhone:4711', label: 'extension 4711' } });
    expect(s.nextTimerAt()).toBe(20);
  });

  it('R16: outside numbers and extensions of the flow are offered as targets instead of the examples', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' } }],
        ['t1', 'transfer', { target: { type: 'external', number: '+15550777' } }],
        ['t2', 'transfer', { target: { type: 'external', number: '+15550777' } }],
        ['t3', 'transfer', { target: { type: 'extension', extension: '31', system: 'teams' } }],
      ],
      [
        ['s', 'next', 'a'],
        ['a', 'noAnswer', 't1'],
        ['t1', 'failed', 't2'],
        ['t2', 'failed', 't3'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    s.apply(answer(), 5);
    expect(find(s, 'transfer')?.targets.filter((t) => t.target.type === 'external' || t.target.type === 'extension')).toEqual([
      { target: { type: 'external', number: '+15550777' }, label: 'outside number +15550777', external: true },
      { target: { type: 'extension', extension: '31', system: 'teams' }, label: 'extension 31', external: false },
    ]);
  });

  it('R9: an ended call offers nothing', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(hangUp(), 3);
    expect(s.available()).toEqual([]);
    expect(s.nextTimerAt()).toBeNull();
  });
});

describe('hang-ups (R9, R12, R15)', () => {
  it('R9: the agent hanging up while an outbound call is still being dialled ends it, unrecorded', () => {
    const { session, result } = run(testWorkspace(), undefined, outbound(), [[3, hangUp('agent:ana')]]);
    expect(session.ended).toBe(true);
    expect(result).toMatchObject({ ended: true, duration: 3, recorded: false, deletionDate: null, handledBy: { agentIds: ['ana'] } });
  });

  it('R9/R15: the consulting agent hanging up ends the consultation too; with nobody left the call ends', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [6, { type: 'transfer', agentId: 'ana', mode: 'warm', target: outside(0) }],
      [8, hangUp('agent:ana')],
    ]);
    expect(result.ended).toBe(true);
    expect(spans(result)).toEqual([[5, 8, 'hang-up']]);
    expect(result.externalPortionAt).toBeNull();
  });

  it('R9: an agent who invited someone and hangs up withdraws the invitation', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(conference(outside(1)), 6);
    s.apply(conference({ type: 'agent', agentId: 'cy' }), 6);
    expect(find(s, 'answer')?.agents).toEqual([{ value: 'cy', label: 'Cy' }]);
    s.apply(hangUp('agent:ana'), 7);
    expect(s.ended).toBe(false);
    expect(offered(s)).not.toContain('answer');
    expect(s.apply(answer('cy'), 8)).toMatchObject({ accepted: false, rejection: { code: 'unknown-party' } });
  });

  it('R12: the controlling agent leaving a conference passes control even mid-pause; the pause holds', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(conference({ type: 'agent', agentId: 'ben' }), 6);
    s.apply(answer('ben'), 7);
    s.apply({ type: 'pause', agentId: 'ana' }, 10);
    s.apply(hangUp('agent:ana'), 12);
    expect(s.controllingAgentId).toBe('ben');
    expect(s.paused).toBe(true);
    expect(s.apply({ type: 'resume', agentId: 'ben' }, 15)).toEqual({ ok: true, accepted: true });
    s.apply(hangUp(), 20);
    expect(spans(s.result())).toEqual([
      [5, 10, 'paused'],
      [15, 20, 'hang-up'],
    ]);
  });
});

describe('flows the call cannot finish (C1, C4 safety nets)', () => {
  it('C4: a loop of nodes that never wait is ended, with the reason on the timeline', () => {
    const loop = buildFlow(
      [
        ['s', 'start'],
        // Each node sets every setting, so R3 resolves at the latest node at once.
        ['r1', 'recording', { record: 'on', channels: 'dual', agentPause: 'enabled' }],
        ['r2', 'recording', { record: 'off', channels: 'dual', agentPause: 'enabled' }],
      ],
      [
        ['s', 'next', 'r1'],
        ['r1', 'next', 'r2'],
        ['r2', 'next', 'r1'],
      ],
    );
    const s = startCall(testWorkspace(), loop, inbound());
    expect(s.ended).toBe(true);
    // The per-call step limit (limits.ts) is the safety net: the Start and 999 instant steps after it, then the end.
    const { limitReached } = s.result();
    expect(limitReached).toMatchObject({ limit: 'steps', at: 0 });
    expect(s.result().timeline.markers.at(-1)).toEqual({ at: 0, kind: 'hang-up', label: limitReached!.message, nodeId: 'r1' });
    expect(s.path).toHaveLength(1000);
    expect(s.result().segments).toEqual([]);
  });

  it('C1: an edge to a node the flow does not have ends the call, naming the node', () => {
    const s = startCall(testWorkspace(), buildFlow([['s', 'start']], [['s', 'next', 'ghost']]), inbound());
    expect(s.ended).toBe(true);
    expect(s.result().timeline.markers.at(-1)).toEqual({ at: 0, kind: 'hang-up', label: 'the flow has no usable node "ghost"', nodeId: 's' });
  });

  it('C1: a port that leads nowhere ends the call, naming the port and node', () => {
    const s = startCall(testWorkspace(), buildFlow([['s', 'start'], ['p', 'play', { durationSeconds: 3 }]], [['s', 'next', 'p']]), inbound());
    s.runToNextTimer();
    expect(s.ended).toBe(true);
    expect(s.result().timeline.markers.at(-1)).toEqual({ at: 3, kind: 'hang-up', label: 'port "next" of p leads nowhere: the call ends', nodeId: 'p' });
  });

  it('C4: a menu without a timeout waits for a key forever; there is no timer to run to', () => {
    const flow = buildFlow([['s', 'start'], ['m', 'menu', { timeoutSeconds: null }]], [['s', 'next', 'm']], 'f');
    const s = startCall(testWorkspace(), flow, inbound());
    expect(s.nextTimerAt()).toBeNull();
    expect(s.runToNextTimer()).toEqual({ ok: false, error: 'No timer is running.' });
    expect(s.apply({ type: 'wait' }, 3600)).toEqual({ ok: true, accepted: true });
    expect(s.ended).toBe(false);
    expect(s.currentNodeId).toBe('m');
  });
});

describe('the result mid-call and at the edges (R11, R19–R21)', () => {
  it('R11/R21: segments in fractions of a second add up exactly; a pause and resume at one moment leave no gap', () => {
    const s = startCall(pausable(), assignFlow(), inbound());
    s.apply(answer(), 0.1);
    s.apply(pause(), 0.3);
    s.apply(resume(), 0.3);
    s.apply(pause(), 0.7);
    expect(spans(s.result())).toEqual([
      [0.1, 0.3, 'paused'],
      [0.3, 0.7, 'paused'],
    ]);
    expect(s.result().totalRecordedSeconds).toBe(0.6);
  });

  it('R11: a segment paused the moment it opened recorded nothing and is not listed', () => {
    const { result } = run(pausable(), assignFlow(), inbound(), [
      [5, answer()],
      [5, pause()],
      [9, resume()],
      [12, hangUp()],
    ]);
    expect(spans(result)).toEqual([[9, 12, 'hang-up']]);
    expect(result.totalRecordedSeconds).toBe(3);
  });

  it('R19/R21: a voicemail still being left is reported in progress up to now, and ends when the caller hangs up', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply({ type: 'wait' }, 30);
    // Taken at the moment the message starts, it has no length yet.
    expect(s.result().voicemails).toEqual([]);
    s.apply({ type: 'wait' }, 45);
    const vm = { nodeId: 'vm', start: 30, maxLengthSeconds: 60, channel: 'mono', parties: ['contact'] };
    expect(s.result()).toMatchObject({ recorded: false, voicemails: [{ ...vm, end: 45, endReason: 'in-progress' }], ended: false, duration: 45 });
    expect(phasesOf(s.result())).toEqual([
      ['ringing', 0, 30],
      ['voicemail', 30, 45],
    ]);
    s.apply(hangUp(), 50);
    expect(s.result().voicemails).toEqual([{ ...vm, end: 50, endReason: 'hang-up' }]);
  });

  it('R21: a segment still open is reported in progress up to the current time', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply({ type: 'wait' }, 12);
    expect(s.result()).toMatchObject({ recorded: true, ended: false, duration: 12, totalRecordedSeconds: 7 });
    expect(spans(s.result())).toEqual([[5, 12, 'in-progress']]);
  });

  it('R20: the deletion date counts from the end of the call to the millisecond', () => {
    const start = { ...inbound(), startedAt: '2026-01-31T23:59:59.600Z' };
    const { result } = run(testWorkspace({ account: { autoDelete: { enabled: true, months: 1 } } }), assignFlow(), start, [
      [0.2, answer()],
      [0.5, hangUp()],
    ]);
    // Ends at 00:00:00.100 on 1 February; a month later is 1 March.
    expect(result.deletionDate).toBe('2026-03-01');
  });

  it('R20: a start time that is not a date falls back to the default start (1 January 2026)', () => {
    const { result } = run(testWorkspace(), assignFlow(), { ...inbound(), startedAt: 'not a date' }, [
      [1, answer()],
      [2, hangUp()],
    ]);
    expect(result.deletionDate).toBe('2026-07-01');
  });
});

describe('the step API refuses bad input without changing the call', () => {
  it('a time that is not a number of seconds ≥ 0, and an action that is not one', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    expect(s.apply({ type: 'wait' }, Number.NaN)).toEqual({ ok: false, error: 'The time must be a number of seconds ≥ 0 (got NaN).' });
    expect(s.apply({ type: 'wait' }, -1)).toEqual({ ok: false, error: 'The time must be a number of seconds ≥ 0 (got -1).' });
    expect(s.apply({ type: 'wait' }, Number.POSITIVE_INFINITY)).toEqual({ ok: false, error: 'The time must be a number of seconds ≥ 0 (got Infinity).' });
    expect(s.apply(null as unknown as CallAction, 5)).toEqual({ ok: false, error: 'An action must be an object with a "type".' });
    expect(s.apply({} as CallAction, 5)).toEqual({ ok: false, error: 'An action must be an object with a "type".' });
    expect(s.history).toEqual([]);
    expect(s.time).toBe(0);
  });

  it('goTo refuses an index outside the history, naming the range', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    expect(() => s.goTo(1.5)).toThrow(new RangeError('history index 1.5 is outside 0..1'));
    expect(() => s.goTo(-1)).toThrow(new RangeError('history index -1 is outside 0..1'));
    expect(() => s.goTo(2)).toThrow(new RangeError('history index 2 is outside 0..1'));
    s.goTo(0);
    expect(s.historyIndex).toBe(0);
    expect(s.parties).toEqual([]);
    s.goTo(1);
    expect(s.historyIndex).toBe(1);
    expect(s.controllingAgentId).toBe('ana');
  });

  it('R3: effective settings follow the call, with their source', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { record: 'on', channels: 'mono', agentPause: 'enabled' }],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' } }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'a'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    expect(s.effectiveSettings()).toMatchObject({
      record: { value: true, source: { kind: 'node', nodeId: 'r' } },
      channels: { value: 'mono', source: { kind: 'node', nodeId: 'r' } },
      agentPause: { value: true, source: { kind: 'node', nodeId: 'r' } },
    });
  });
});

const phasesOf = (r: CallResult) => r.timeline.phases.map((p) => [p.kind, p.start, p.end]);

describe('scenarios: expectations compared field by field (recflow test)', () => {
  const result = () =>
    simulate(testWorkspace(), assignFlow(), {
      call: { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' },
      actions: [
        { at: 5, type: 'answer', agentId: 'ana' },
        { at: 65.3, type: 'hangUp', party: 'contact' },
      ],
    });

  it('R21: a list where the result has a value, or a value where it has a list, is one difference at that path', () => {
    const r = result();
    expect(checkExpectation(r, { path: ['s', 'a'], segments: [{ channelB: ['agent:ana'] }] })).toEqual([]);
    expect(checkExpectation({ ...r, segments: 'none' } as unknown as CallResult, { segments: [{ start: 5 }] })).toEqual([
      { path: '$.segments', expected: [{ start: 5 }], actual: 'none' },
    ]);
    expect(checkExpectation({ ...r, handledBy: null } as unknown as CallResult, { handledBy: { agentIds: ['ana'] } })).toEqual([
      { path: '$.handledBy', expected: { agentIds: ['ana'] }, actual: null },
    ]);
    expect(checkExpectation({ ...r, handledBy: 'ana' } as unknown as CallResult, { handledBy: { agentIds: ['ana'] } })).toEqual([
      { path: '$.handledBy', expected: { agentIds: ['ana'] }, actual: 'ana' },
    ]);
  });

  it('R21: a longer expected list reports the length and compares the items both have', () => {
    expect(checkExpectation(result(), { segments: [{ start: 4 }, { start: 70 }] })).toEqual([
      { path: '$.segments.length', expected: 2, actual: 1 },
      { path: '$.segments[0].start', expected: 4, actual: 5 },
    ]);
  });

  it('R21: seconds match within a billionth (sums of decimal seconds), not beyond', () => {
    const r = result();
    expect(r.totalRecordedSeconds).toBe(60.3);
    expect(checkExpectation(r, { totalRecordedSeconds: 60.3 + 1e-10, duration: 65.3 })).toEqual([]);
    expect(checkExpectation(r, { totalRecordedSeconds: 60.3 + 1e-8 })).toEqual([{ path: '$.totalRecordedSeconds', expected: 60.3 + 1e-8, actual: 60.3 }]);
    expect(checkExpectation(r, { channels: null, recorded: true })).toEqual([{ path: '$.channels', expected: null, actual: 'dual' }]);
    expect(checkExpectation(r, { deletionDate: undefined })).toEqual([]);
  });

  it('says each difference as path, expected and actual, in JSON', () => {
    expect(formatMismatch({ path: '$.segments[0].endReason', expected: 'paused', actual: 'hang-up' })).toBe('$.segments[0].endReason: expected "paused", got "hang-up"');
    expect(formatMismatch({ path: '$.channels', expected: null, actual: 'dual' })).toBe('$.channels: expected null, got "dual"');
  });

  it('simulate: a time going backwards in an unchecked scenario is an error naming both times', () => {
    expect(() =>
      simulate(testWorkspace(), assignFlow(), {
        call: { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' },
        actions: [
          { at: 9, type: 'wait' },
          { at: 2, type: 'wait' },
        ],
      }),
    ).toThrow("The time 2s is earlier than the call's current time 9s; time cannot go backwards.");
  });
});
