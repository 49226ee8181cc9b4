/**
 * Every refusal a call can record, one row each: the code and the sentence the
 * simulator shows as is (R10: "the rejection carries a reason the UI shows"),
 * which must name the agent, party, target or setting concerned. Written
 * against the step API only (`startCall(...).apply`), so it holds for any
 * implementation of the call machine.
 */
import { describe, expect, it } from 'vitest';
import type { TransferTarget } from '../../nodes/kind.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { startCall } from './session.ts';
import { assignFlow, buildFlow, inbound, outbound, testWorkspace } from './testkit.ts';
import type { CallAction, CallStart, RejectionCode } from './types.ts';

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
