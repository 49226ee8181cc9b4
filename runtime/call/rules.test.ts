import { describe, expect, it } from 'vitest';
import type { TransferTarget } from '../../nodes/kit/fields.ts';
import { addMonthsClamped, deletionDate } from './retention.ts';
import { startCall } from './session.ts';
import { assignFlow, buildFlow, inbound, outbound, run, spans, testWorkspace } from './testkit.ts';
import type { CallAction } from './types.ts';

const OUTSIDE: TransferTarget = { type: 'external', number: '+15550100' };
const hangUp = (party = 'contact'): CallAction => ({ type: 'hangUp', party });
const answer = (agentId = 'ana'): CallAction => ({ type: 'answer', agentId });
const pause = (agentId = 'ana'): CallAction => ({ type: 'pause', agentId });
const resume = (agentId = 'ana'): CallAction => ({ type: 'resume', agentId });
const transfer = (mode: 'blind' | 'warm', target: TransferTarget, agentId = 'ana'): CallAction => ({ type: 'transfer', agentId, mode, target });
const complete = (agentId = 'ana'): CallAction => ({ type: 'completeTransfer', agentId });
const cancel = (agentId = 'ana'): CallAction => ({ type: 'cancelTransfer', agentId });
const conference = (target: TransferTarget, agentId = 'ana'): CallAction => ({ type: 'conference', agentId, target });

/** Start → Play(5 s) → Recording(on) → Assign(support). */
function playThenRecordFlow(recording: Record<string, unknown> = {}) {
  return buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['p', 'play', { text: 'Welcome', durationSeconds: 5 }],
      ['r', 'recording', recording],
      ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
    ],
    [
      ['s', 'next', 'p'],
      ['p', 'next', 'r'],
      ['r', 'next', 'a'],
    ],
  );
}

const pausable = () => testWorkspace({ account: { agentPause: true } });

describe('when recording starts and stops', () => {
  it('R5: a Recording node (on) starts recording when it runs, IVR prompts included', () => {
    const { result } = run(testWorkspace(), playThenRecordFlow(), inbound(), [
      [20, answer()],
      [50, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 50, 'hang-up']]);
    expect(result.path).toEqual(['s', 'p', 'r', 'a']);
  });

  it('R5: a Recording node on records even when the inbound setting is off', () => {
    const ws = testWorkspace({ account: { recordInbound: false } });
    const { result } = run(ws, playThenRecordFlow(), inbound(), [
      [20, answer()],
      [50, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 50, 'hang-up']]);
  });

  it('R6: a Recording node (off) stops recording and the R7 default no longer applies', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['on', 'recording', { record: 'on' }],
        ['p', 'play', { text: 'Hi', durationSeconds: 10 }],
        ['off', 'recording', { record: 'off' }],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' } }],
      ],
      [
        ['s', 'next', 'on'],
        ['on', 'next', 'p'],
        ['p', 'next', 'off'],
        ['off', 'next', 'a'],
      ],
    );
    const { result } = run(testWorkspace(), flow, inbound(), [
      [15, answer()],
      [60, hangUp()],
    ]);
    expect(spans(result)).toEqual([[0, 10, 'recording-off']]);
  });

  it('R6: a Recording node off before any agent means an answered call is not recorded', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['off', 'recording', { record: 'off' }],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' } }],
      ],
      [
        ['s', 'next', 'off'],
        ['off', 'next', 'a'],
      ],
    );
    const { result } = run(testWorkspace(), flow, inbound(), [
      [5, answer()],
      [60, hangUp()],
    ]);
    expect(result.recorded).toBe(false);
    expect(result.channels).toBeNull();
    expect(result.deletionDate).toBeNull();
  });

  it('R5/R6: Recording off then on again in a flow gives two segments with the gap left out', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['on1', 'recording', { record: 'on' }],
        ['p1', 'play', { text: 'Menu', durationSeconds: 10 }],
        ['off', 'recording', { record: 'off' }],
        ['p2', 'play', { text: 'Card details', durationSeconds: 20 }],
        ['on2', 'recording', { record: 'on' }],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' } }],
      ],
      [
        ['s', 'next', 'on1'],
        ['on1', 'next', 'p1'],
        ['p1', 'next', 'off'],
        ['off', 'next', 'p2'],
        ['p2', 'next', 'on2'],
        ['on2', 'next', 'a'],
      ],
    );
    const { result } = run(testWorkspace(), flow, inbound(), [
      [40, answer()],
      [70, hangUp()],
    ]);
    expect(spans(result)).toEqual([
      [0, 10, 'recording-off'],
      [30, 70, 'hang-up'],
    ]);
    expect(result.totalRecordedSeconds).toBe(50);
  });

  it('R7: with no Recording node, recording starts when the first agent answers', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [12, answer('ben')],
      [40, hangUp()],
    ]);
    expect(spans(result)).toEqual([[12, 40, 'hang-up']]);
    expect(result.segments[0]!.channelB).toEqual(['agent:ben']);
  });

  it('R7: with the inbound setting off (account or number), the answered call is not recorded', () => {
    const off = run(testWorkspace({ account: { recordInbound: false } }), assignFlow(), inbound(), [
      [12, answer()],
      [40, hangUp()],
    ]);
    expect(off.result.recorded).toBe(false);
    const numberOff = run(testWorkspace({ mainOverride: { enabled: true, inbound: 'disabled' } }), assignFlow(), inbound(), [
      [12, answer()],
      [40, hangUp()],
    ]);
    expect(numberOff.result.recorded).toBe(false);
    const numberOn = run(testWorkspace({ account: { recordInbound: false }, mainOverride: { enabled: true, inbound: 'enabled' } }), assignFlow(), inbound(), [
      [12, answer()],
      [40, hangUp()],
    ]);
    expect(spans(numberOn.result)).toEqual([[12, 40, 'hang-up']]);
  });

  it('R7: a call that reaches agents with no flow is an inbound call recorded from the answer', () => {
    const s = startCall(testWorkspace(), undefined, inbound());
    expect(s.available().find((a) => a.type === 'answer')).toMatchObject({ agents: [{ value: 'ana' }, { value: 'ben' }, { value: 'cy' }] });
    s.apply(answer('cy'), 8);
    s.apply(hangUp(), 20);
    expect(spans(s.result())).toEqual([[8, 20, 'hang-up']]);
    expect(s.result().direction).toBe('inbound');
  });

  it('R7: only the first answer starts the default; a later answer after a blind transfer does not restart anything', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [10, answer()],
      [20, transfer('blind', { type: 'agent', agentId: 'cy' })],
      [25, answer('cy')],
      [40, hangUp()],
    ]);
    expect(spans(result)).toEqual([[10, 40, 'hang-up']]);
    expect(result.segments[0]!.channelB).toEqual(['agent:ana', 'agent:cy']);
  });

  it('R8: outbound calls are recorded from the moment the contact answers', () => {
    const { result } = run(testWorkspace(), undefined, outbound(), [
      [7, { type: 'contactAnswer' }],
      [30, hangUp('agent:ana')],
    ]);
    expect(spans(result)).toEqual([[7, 30, 'hang-up']]);
    expect(result.direction).toBe('outbound');
    expect(result.handledBy.agentIds).toEqual(['ana']);
  });

  it('R8: the outbound setting of the number dialled from decides (R4), and flows do not run', () => {
    const ws = testWorkspace({ mainOverride: { enabled: true, outbound: 'disabled' } });
    const fromMain = run(ws, playThenRecordFlow(), outbound('ana', 'main'), [
      [7, { type: 'contactAnswer' }],
      [30, hangUp()],
    ]);
    expect(fromMain.result.recorded).toBe(false);
    expect(fromMain.result.path).toEqual([]);
    const fromSales = run(ws, undefined, outbound('ana', 'sales'), [
      [7, { type: 'contactAnswer' }],
      [30, hangUp()],
    ]);
    expect(fromSales.result.recorded).toBe(true);
  });

  it('R8: an outbound call not recorded stays unrecorded when an agent later answers a transfer (R7 is for inbound calls)', () => {
    const ws = testWorkspace({ account: { recordOutbound: false } });
    const { result } = run(ws, undefined, outbound('ana'), [
      [5, { type: 'contactAnswer' }],
      [20, transfer('blind', { type: 'ringGroup', ringGroupId: 'support' })],
      [25, answer('ben')],
      [60, hangUp()],
    ]);
    expect(result.recorded).toBe(false);
    expect(result.handledBy).toEqual({ agentIds: ['ana', 'ben'], ringGroupIds: ['support'] });
  });

  it('R8: an unanswered outbound call is not recorded', () => {
    const { result } = run(testWorkspace(), undefined, outbound(), [[20, hangUp('agent:ana')]]);
    expect(result.recorded).toBe(false);
    expect(result.ended).toBe(true);
  });

  it('R9: the contact hanging up ends the call and closes the open segment', () => {
    const { session, result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [33, hangUp()],
    ]);
    expect(session.ended).toBe(true);
    expect(result.segments.at(-1)).toMatchObject({ end: 33, endReason: 'hang-up' });
    expect(session.apply(pause(), 40)).toMatchObject({ ok: true, accepted: false, rejection: { code: 'call-ended' } });
  });

  it('R9: the last agent hanging up with no other party left ends the call; one of two agents leaving does not', () => {
    const { session, result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [10, conference({ type: 'agent', agentId: 'cy' })],
      [12, answer('cy')],
      [20, hangUp('agent:ana')],
    ]);
    expect(session.ended).toBe(false);
    expect(result.segments[0]!.endReason).toBe('in-progress');
    session.apply(hangUp('agent:cy'), 30);
    expect(session.ended).toBe(true);
    expect(spans(session.result())).toEqual([[5, 30, 'hang-up']]);
  });
});

describe('agent-initiated pause (R10–R12)', () => {
  it('R10: pause is refused when agent pause is not enabled for the call, and nothing changes', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply({ type: 'wait' }, 10);
    const before = s.result().segments;
    const out = s.apply(pause(), 10);
    expect(out).toMatchObject({ ok: true, accepted: false, rejection: { code: 'not-allowed-by-settings', at: 10 } });
    expect(s.result().segments).toEqual(before);
    expect(s.paused).toBe(false);
    s.apply(hangUp(), 20);
    expect(spans(s.result())).toEqual([[5, 20, 'hang-up']]);
    expect(s.result().rejections[0]!.message).toMatch(/not enabled/);
  });

  it('R10: pause by an agent who is not the controlling agent is refused', () => {
    const { result } = run(pausable(), assignFlow(), inbound(), [
      [5, answer()],
      [8, conference({ type: 'agent', agentId: 'cy' })],
      [9, answer('cy')],
      [10, pause('cy')],
      [20, hangUp()],
    ]);
    expect(result.rejections.map((r) => r.code)).toEqual(['not-controlling-agent']);
    expect(spans(result)).toEqual([[5, 20, 'hang-up']]);
  });

  it('R10: already paused, not paused, and not recording are refused with their reasons', () => {
    const ws = testWorkspace({ account: { agentPause: true, recordInbound: false } });
    const notRec = run(ws, assignFlow(), inbound(), [
      [5, answer()],
      [10, pause()],
    ]);
    expect(notRec.result.rejections.map((r) => r.code)).toEqual(['not-recording']);
    const { result } = run(pausable(), assignFlow(), inbound(), [
      [5, answer()],
      [6, resume()],
      [10, pause()],
      [12, pause()],
      [15, resume()],
      [16, resume()],
      [20, hangUp()],
    ]);
    expect(result.rejections.map((r) => [r.at, r.code])).toEqual([
      [6, 'not-paused'],
      [12, 'already-paused'],
      [16, 'not-paused'],
    ]);
  });

  it('R10: pausing before any agent is on the call is refused (no controlling agent yet)', () => {
    const { result } = run(pausable(), playThenRecordFlow(), inbound(), [[6, pause()]]);
    expect(result.rejections[0]).toMatchObject({ code: 'not-controlling-agent', action: { type: 'pause', agentId: 'ana' } });
  });

  it('R11: pause closes the open segment and resume opens a new one; the gap keeps call-time positions', () => {
    const { result } = run(pausable(), assignFlow(), inbound(), [
      [5, answer()],
      [20, pause()],
      [35, resume()],
      [50, hangUp()],
    ]);
    expect(spans(result)).toEqual([
      [5, 20, 'paused'],
      [35, 50, 'hang-up'],
    ]);
    expect(result.totalRecordedSeconds).toBe(30);
  });

  it('R12: in a conference the first agent keeps control; the second may not pause', () => {
    const s = startCall(pausable(), assignFlow(), inbound());
    s.apply(answer('ben'), 5);
    s.apply(conference({ type: 'agent', agentId: 'ana' }, 'ben'), 10);
    s.apply(answer('ana'), 11);
    expect(s.controllingAgentId).toBe('ben');
    expect(s.apply(pause('ana'), 12)).toMatchObject({ accepted: false, rejection: { code: 'not-controlling-agent' } });
    expect(s.apply(pause('ben'), 13)).toMatchObject({ accepted: true });
    const pauseAction = s.available().find((a) => a.type === 'resume');
    expect(pauseAction).toMatchObject({ refusals: { ana: { code: 'not-controlling-agent' } } });
  });

  it('R12: when the first agent leaves, control passes to the earliest-joined agent still on the call', () => {
    const s = startCall(pausable(), assignFlow(), inbound());
    s.apply(answer('ana'), 5);
    s.apply(conference({ type: 'agent', agentId: 'ben' }), 10);
    s.apply(answer('ben'), 11);
    s.apply(conference({ type: 'agent', agentId: 'cy' }), 12);
    s.apply(answer('cy'), 13);
    s.apply(hangUp('agent:ana'), 20);
    expect(s.controllingAgentId).toBe('ben');
    expect(s.apply(pause('cy'), 21)).toMatchObject({ accepted: false, rejection: { code: 'not-controlling-agent' } });
    expect(s.apply(pause('ben'), 22)).toMatchObject({ accepted: true });
    s.apply(hangUp('agent:ben'), 25);
    expect(s.controllingAgentId).toBe('cy');
    // The pause is not over: cy, now controlling, resumes it.
    expect(s.apply(resume('cy'), 30)).toMatchObject({ accepted: true });
    s.apply(hangUp(), 40);
    expect(spans(s.result())).toEqual([
      [5, 22, 'paused'],
      [30, 40, 'hang-up'],
    ]);
  });

  it('R12: after a transfer to another agent completes, the receiving agent controls', () => {
    const s = startCall(pausable(), assignFlow(), inbound());
    s.apply(answer('ana'), 5);
    s.apply(transfer('warm', { type: 'agent', agentId: 'cy' }), 10);
    expect(s.controllingAgentId).toBe('ana');
    s.apply(answer('cy'), 12);
    s.apply(complete(), 20);
    expect(s.controllingAgentId).toBe('cy');
    expect(s.apply(pause('ana'), 21)).toMatchObject({ accepted: false, rejection: { code: 'not-controlling-agent' } });
    expect(s.apply(pause('cy'), 22)).toMatchObject({ accepted: true });
  });

  it('R12 (decision): a pause ends when its controlling agent blind-transfers; recording resumes at the transfer', () => {
    const { result } = run(pausable(), assignFlow(), inbound(), [
      [5, answer()],
      [10, pause()],
      [20, transfer('blind', { type: 'ringGroup', ringGroupId: 'support' })],
      [25, answer('ben')],
      [40, hangUp()],
    ]);
    expect(spans(result)).toEqual([
      [5, 10, 'paused'],
      [20, 40, 'hang-up'],
    ]);
  });

  it('R12 (decision): a pause ends at the moment a warm transfer completes, not when the consultation starts', () => {
    const { result } = run(pausable(), assignFlow(), inbound(), [
      [5, answer()],
      [10, pause()],
      [20, transfer('warm', { type: 'agent', agentId: 'cy' })],
      [22, answer('cy')],
      [30, complete()],
      [45, hangUp()],
    ]);
    expect(spans(result)).toEqual([
      [5, 10, 'paused'],
      [30, 45, 'hang-up'],
    ]);
  });

  it('R12 (decision): a cancelled warm transfer does not end the pause', () => {
    const { result, session } = run(pausable(), assignFlow(), inbound(), [
      [5, answer()],
      [10, pause()],
      [20, transfer('warm', { type: 'agent', agentId: 'cy' })],
      [22, answer('cy')],
      [30, cancel()],
      [45, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 10, 'paused']]);
    expect(session.paused).toBe(true);
  });
});

describe('transfers and conferences (R13–R16)', () => {
  const noContinue = (extra = {}) => testWorkspace({ account: { continueOnExternalTransfer: false, ...extra } });

  it('R13: internal transfers (agent, ring group, extension) never stop recording, even with continue-on-external off', () => {
    const targets: TransferTarget[] = [
      { type: 'agent', agentId: 'cy' },
      { type: 'ringGroup', ringGroupId: 'support' },
      { type: 'extension', extension: '200', system: 'teams' },
    ];
    for (const target of targets) {
      const steps: Array<[number, CallAction]> = [
        [5, answer('ana')],
        [10, transfer('blind', target)],
      ];
      if (target.type === 'agent') steps.push([12, answer('cy')]);
      if (target.type === 'ringGroup') steps.push([12, answer('ben')]);
      steps.push([30, hangUp()]);
      const { result } = run(noContinue(), assignFlow(), inbound(), steps);
      expect(spans(result)).toEqual([[5, 30, 'hang-up']]);
      expect(result.externalPortionAt).toBeNull();
    }
  });

  it('R13: an internal warm transfer keeps recording through consultation and completion', () => {
    const { result } = run(noContinue(), assignFlow(), inbound(), [
      [5, answer()],
      [10, transfer('warm', { type: 'extension', extension: '200', system: 'pbx' })],
      [20, complete()],
      [30, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 30, 'hang-up']]);
    expect(result.segments[0]!.channelB).toEqual(['agent:ana', 'extension:pbx:200']);
  });

  it('R13/R12: a warm transfer to a ring group rings its free members; the one who answers receives the call and control', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true, continueOnExternalTransfer: false } }), assignFlow(), inbound());
    s.apply(answer('ana'), 5);
    s.apply(transfer('warm', { type: 'ringGroup', ringGroupId: 'support' }), 10);
    // Ana is on the call, so only Ben is rung.
    expect(s.available().find((a) => a.type === 'answer')).toMatchObject({ agents: [{ value: 'ben' }], ringGroupId: 'support' });
    expect(s.available().find((a) => a.type === 'completeTransfer')).toBeUndefined();
    s.apply(answer('ben'), 14);
    expect(s.parties.map((p) => [p.id, p.consulting])).toEqual([
      ['agent:ana', false],
      ['agent:ben', true],
    ]);
    s.apply(complete(), 20);
    expect(s.controllingAgentId).toBe('ben');
    s.apply(conference({ type: 'extension', extension: '300', system: 'deskPhone' }, 'ben'), 25);
    s.apply(hangUp('agent:ben'), 30);
    // Only an extension is left with the contact: internal (R13), so no external portion.
    s.apply(hangUp(), 40);
    const r = s.result();
    expect(spans(r)).toEqual([[5, 40, 'hang-up']]);
    expect(r.externalPortionAt).toBeNull();
    expect(r.segments[0]!.channelB).toEqual(['agent:ana', 'agent:ben', 'extension:deskPhone:300']);
    expect(r.handledBy).toEqual({ agentIds: ['ana', 'ben'], ringGroupIds: ['support'] });
  });

  it('R14/R15: blind external transfer, continue on: recording goes on through the external portion', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [20, transfer('blind', OUTSIDE)],
      [50, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 50, 'hang-up']]);
    expect(result.externalPortionAt).toBe(20);
    expect(result.segments[0]!.channelB).toEqual(['agent:ana', 'external:+15550100']);
  });

  it('R14/R15: blind external transfer, continue off: recording stops at the transfer, what came before is kept', () => {
    const { result } = run(noContinue(), assignFlow(), inbound(), [
      [5, answer()],
      [20, transfer('blind', OUTSIDE)],
      [50, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 20, 'external-transfer']]);
    expect(result.externalPortionAt).toBe(20);
  });

  it('R14/R15: warm external transfer, continue off: the consultation is recorded, recording stops when it completes', () => {
    const { result } = run(noContinue(), assignFlow(), inbound(), [
      [5, answer()],
      [20, transfer('warm', OUTSIDE)],
      [35, complete()],
      [60, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 35, 'external-transfer']]);
    expect(result.externalPortionAt).toBe(35);
  });

  it('R14/R15: warm external transfer, continue on: recording goes on after completion', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [20, transfer('warm', OUTSIDE)],
      [35, complete()],
      [60, hangUp('external:+15550100')],
    ]);
    expect(spans(result)).toEqual([[5, 60, 'hang-up']]);
    expect(result.externalPortionAt).toBe(35);
  });

  it('R15: a cancelled warm external transfer changes nothing, continue off or on', () => {
    for (const cont of [false, true]) {
      const { result } = run(testWorkspace({ account: { continueOnExternalTransfer: cont } }), assignFlow(), inbound(), [
        [5, answer()],
        [20, transfer('warm', OUTSIDE)],
        [35, cancel()],
        [60, hangUp()],
      ]);
      expect(spans(result)).toEqual([[5, 60, 'hang-up']]);
      expect(result.externalPortionAt).toBeNull();
    }
  });

  it('R15: the consulted outside party hanging up ends the consultation like a cancel', () => {
    const { result, session } = run(noContinue(), assignFlow(), inbound(), [
      [5, answer()],
      [20, transfer('warm', OUTSIDE)],
      [30, hangUp('external:+15550100')],
    ]);
    expect(session.ended).toBe(false);
    expect(result.externalPortionAt).toBeNull();
    expect(session.available().some((a) => a.type === 'transfer')).toBe(true);
  });

  it('R15 (decision): a conference left by every agent while an outside party remains is external from the last agent leaving', () => {
    const off = run(noContinue(), assignFlow(), inbound(), [
      [5, answer()],
      [10, conference(OUTSIDE)],
      [30, hangUp('agent:ana')],
      [50, hangUp()],
    ]);
    expect(spans(off.result)).toEqual([[5, 30, 'external-transfer']]);
    expect(off.result.externalPortionAt).toBe(30);
    const on = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [10, conference(OUTSIDE)],
      [30, hangUp('agent:ana')],
      [50, hangUp()],
    ]);
    expect(spans(on.result)).toEqual([[5, 50, 'hang-up']]);
  });

  it('R15: an outside party in a conference with an agent still on the call is not the external portion', () => {
    const { result } = run(noContinue(), assignFlow(), inbound(), [
      [5, answer()],
      [10, conference(OUTSIDE)],
      [12, conference({ type: 'agent', agentId: 'cy' })],
      [13, answer('cy')],
      [30, hangUp('agent:ana')],
      [50, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 50, 'hang-up']]);
    expect(result.segments[0]!.channelB).toEqual(['agent:ana', 'external:+15550100', 'agent:cy']);
  });

  it('R16: a flow Transfer node to an outside number follows R14 (continue off: stops; on: goes on)', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { record: 'on' }],
        ['p', 'play', { text: 'Transferring', durationSeconds: 4 }],
        ['t', 'transfer', { target: OUTSIDE }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'p'],
        ['p', 'next', 't'],
      ],
    );
    const off = run(noContinue(), flow, inbound(), [
      [9, { type: 'outsideAnswer' }],
      [30, hangUp()],
    ]);
    expect(spans(off.result)).toEqual([[0, 9, 'external-transfer']]);
    expect(off.result.path).toEqual(['s', 'r', 'p', 't']);
    expect(off.result.externalPortionAt).toBe(9);
    const on = run(testWorkspace(), flow, inbound(), [
      [9, { type: 'outsideAnswer' }],
      [30, hangUp()],
    ]);
    expect(spans(on.result)).toEqual([[0, 30, 'hang-up']]);
    expect(on.result.segments[0]!.channelB).toEqual(['external:+15550100']);
  });

  it('R16: an outside number that never answers is no external portion; the flow goes on through "failed"', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { record: 'on' }],
        ['t', 'transfer', { target: OUTSIDE, ringTimeoutSeconds: 20 }],
        ['p', 'play', { text: 'Sorry', durationSeconds: 4 }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 't'],
        ['t', 'failed', 'p'],
      ],
    );
    const s = startCall(testWorkspace({ account: { continueOnExternalTransfer: false } }), flow, inbound());
    expect(s.available()[0]).toEqual({ type: 'outsideAnswer', party: { value: 'external:+15550100', label: 'outside +15550100' } });
    s.apply({ type: 'wait' }, 60);
    expect(s.result()).toMatchObject({ path: ['s', 'r', 't', 'p'], externalPortionAt: null, ended: true, duration: 24 });
    expect(spans(s.result())).toEqual([[0, 24, 'hang-up']]);
  });

  it('R13/R16: a flow Transfer node to a ring group rings it and leaves by "failed" when nobody answers', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['t', 'transfer', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 20 }],
        ['h', 'hangup'],
      ],
      [
        ['s', 'next', 't'],
        ['t', 'failed', 'h'],
      ],
    );
    const { result } = run(testWorkspace(), flow, inbound(), [[25, { type: 'wait' }]]);
    expect(result.path).toEqual(['s', 't', 'h']);
    expect(result.ended).toBe(true);
    expect(result.duration).toBe(20);
  });
});

describe('what a recording is (R17–R21)', () => {
  it('R17: dual channel puts the contact on A and every other party on B', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [10, conference({ type: 'agent', agentId: 'cy' })],
      [11, answer('cy')],
      [20, hangUp()],
    ]);
    expect(result.channels).toBe('dual');
    expect(result.segments[0]).toMatchObject({ channelA: ['contact'], channelB: ['agent:ana', 'agent:cy'] });
  });

  it('R17: the layout is fixed when recording first starts, later Recording nodes do not change it', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r1', 'recording', { record: 'on', channels: 'mono' }],
        ['p', 'play', { text: 'x', durationSeconds: 3 }],
        ['r2', 'recording', { record: 'on', channels: 'dual' }],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' } }],
      ],
      [
        ['s', 'next', 'r1'],
        ['r1', 'next', 'p'],
        ['p', 'next', 'r2'],
        ['r2', 'next', 'a'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    s.apply(answer(), 5);
    s.apply(hangUp(), 9);
    expect(s.result().channels).toBe('mono');
    expect(s.effectiveSettings().channels).toEqual({ value: 'dual', source: { kind: 'node', nodeId: 'r2' } });
  });

  it('R17: the account dual-channel setting decides when no node sets channels', () => {
    const { result } = run(testWorkspace({ account: { dualChannel: false } }), assignFlow(), inbound(), [
      [5, answer()],
      [9, hangUp()],
    ]);
    expect(result.channels).toBe('mono');
  });

  it('R18: a mono recording is not transcribable, a dual one is', () => {
    const mono = run(testWorkspace({ account: { dualChannel: false } }), assignFlow(), inbound(), [
      [5, answer()],
      [9, hangUp()],
    ]);
    expect(mono.result.transcribable).toBe(false);
    const dual = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [9, hangUp()],
    ]);
    expect(dual.result.transcribable).toBe(true);
  });

  it('R19: voicemail is a separate mono contact-only recording, whatever the recording settings', () => {
    const ws = testWorkspace({ account: { recordInbound: false } });
    const maxed = run(ws, assignFlow(), inbound(), [[200, { type: 'wait' }]]);
    expect(maxed.result.recorded).toBe(false);
    expect(maxed.result.voicemails).toEqual([
      { nodeId: 'vm', start: 30, end: 90, maxLengthSeconds: 60, channel: 'mono', parties: ['contact'], endReason: 'max-length' },
    ]);
    expect(maxed.result.ended).toBe(true);
    expect(maxed.result.deletionDate).toBe('2026-07-01');
    const early = run(ws, assignFlow(), inbound(), [
      [50, { type: 'press', digit: '#' }],
      [60, hangUp()],
    ]);
    expect(early.result.voicemails[0]).toMatchObject({ start: 30, end: 50, endReason: 'finished' });
    const hung = run(ws, assignFlow(), inbound(), [[45, hangUp()]]);
    expect(hung.result.voicemails[0]).toMatchObject({ start: 30, end: 45, endReason: 'hang-up' });
  });

  it('R20: deletion is the end of the call plus calendar months, the day clamped (31 Aug + 6 months)', () => {
    expect(addMonthsClamped(new Date('2026-08-31T10:00:00Z'), 6).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addMonthsClamped(new Date('2027-08-31T10:00:00Z'), 6).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(deletionDate('2026-08-31T23:59:00Z', 30, { autoDelete: true, months: 6 })).toBe('2027-02-28');
  });

  it('R20: retention from 29 February', () => {
    expect(deletionDate('2028-02-29T12:00:00Z', 0, { autoDelete: true, months: 6 })).toBe('2028-08-29');
    expect(deletionDate('2028-02-29T12:00:00Z', 0, { autoDelete: true, months: 12 })).toBe('2029-02-28');
    expect(deletionDate('2028-02-29T12:00:00Z', 0, { autoDelete: true, months: 48 })).toBe('2032-02-29');
  });

  it('R20: counted from the end of the call (a call crossing midnight), never when auto-delete is off', () => {
    const ws = testWorkspace();
    const start = { ...inbound(), startedAt: '2026-08-30T23:59:00Z' };
    const { result } = run(ws, assignFlow(), start, [
      [5, answer()],
      [120, hangUp()],
    ]);
    expect(result.deletionDate).toBe('2027-02-28');
    const off = run(testWorkspace({ account: { autoDelete: { enabled: false, months: 6 } } }), assignFlow(), start, [
      [5, answer()],
      [120, hangUp()],
    ]);
    expect(off.result.recorded).toBe(true);
    expect(off.result.deletionDate).toBeNull();
  });

  it('R21: the result lists recorded, layout, ordered segments, total, transcribable, deletion, rejections and handledBy', () => {
    const { result } = run(pausable(), assignFlow(), inbound(), [
      [5, answer('ben')],
      [10, pause('ana')],
      [15, pause('ben')],
      [25, resume('ben')],
      [40, hangUp()],
    ]);
    expect(result).toMatchObject({
      recorded: true,
      channels: 'dual',
      segments: [
        { start: 5, end: 15, channelA: ['contact'], channelB: ['agent:ben'], endReason: 'paused' },
        { start: 25, end: 40, channelA: ['contact'], channelB: ['agent:ben'], endReason: 'hang-up' },
      ],
      totalRecordedSeconds: 25,
      transcribable: true,
      voicemails: [],
      deletionDate: '2026-07-01',
      rejections: [{ at: 10, code: 'not-controlling-agent', action: { type: 'pause', agentId: 'ana' } }],
      handledBy: { agentIds: ['ben'], ringGroupIds: ['support'] },
      ended: true,
      duration: 40,
    });
    expect(result.timeline.phases.map((p) => [p.kind, p.start, p.end])).toEqual([
      ['ringing', 0, 5],
      ['agent', 5, 40],
    ]);
    expect(result.timeline.markers.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['node', 'answer', 'recording-on', 'control', 'refusal', 'pause', 'resume', 'hang-up']),
    );
  });
});

describe('timers and the step API', () => {
  const menuFlow = () =>
    buildFlow(
      [
        ['s', 'start'],
        ['m', 'menu', { timeoutSeconds: 10 }],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' }, ringTimeoutSeconds: 15 }],
        ['t', 'transfer', { target: OUTSIDE }],
        ['h', 'hangup'],
      ],
      [
        ['s', 'next', 'm'],
        ['m', '1', 'a'],
        ['m', '2', 't'],
        ['m', 'timeout', 'h'],
        ['a', 'noAnswer', 'h'],
      ],
    );

  it('a timer due before the next action fires first (menu timeout wins over a late key press)', () => {
    const s = startCall(testWorkspace(), menuFlow(), inbound());
    expect(s.nextTimerAt()).toBe(10);
    const out = s.apply({ type: 'press', digit: '1' }, 12);
    expect(out).toMatchObject({ ok: true, accepted: false, rejection: { code: 'call-ended' } });
    expect(s.result().path).toEqual(['s', 'm', 'h']);
    expect(s.result().duration).toBe(10);
  });

  it('a timer due at the same moment as an action fires first', () => {
    const s = startCall(testWorkspace(), menuFlow(), inbound());
    s.apply({ type: 'press', digit: '1' }, 10);
    expect(s.ended).toBe(true);
  });

  it('menu input before the timeout follows the option; the ring timeout then fires on runToNextTimer', () => {
    const s = startCall(testWorkspace(), menuFlow(), inbound());
    expect(s.available()[0]).toMatchObject({ type: 'press', digits: expect.arrayContaining([{ value: '1', label: '1 · Sales' }]) });
    s.apply({ type: 'press', digit: '1' }, 3);
    expect(s.currentNodeId).toBe('a');
    expect(s.nextTimerAt()).toBe(18);
    expect(s.runToNextTimer()).toEqual({ ok: true, accepted: true });
    expect(s.result().path).toEqual(['s', 'm', 'a', 'h']);
    expect(s.runToNextTimer()).toMatchObject({ ok: false });
  });

  it('an unconnected menu port ends the call', () => {
    const s = startCall(testWorkspace(), menuFlow(), inbound());
    s.apply({ type: 'press', digit: '7' }, 3);
    expect(s.ended).toBe(true);
    expect(s.result().timeline.markers.some((m) => m.kind === 'hang-up' && /leads nowhere/.test(m.label))).toBe(true);
  });

  it('applying at an earlier time is a clear error and changes nothing', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 10);
    const before = JSON.stringify(s.result());
    const out = s.apply(hangUp(), 5);
    expect(out.ok).toBe(false);
    expect(out.ok === false && out.error).toMatch(/earlier than the call's current time 10s/);
    expect(JSON.stringify(s.result())).toBe(before);
    expect(s.history).toHaveLength(1);
  });

  it('goTo steps back and forward, keeping history until a new branch is taken', () => {
    const s = startCall(pausable(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(pause(), 10);
    s.apply(resume(), 20);
    s.apply(hangUp(), 30);
    const full = s.result();
    s.goTo(1);
    expect(s.time).toBe(5);
    expect(s.paused).toBe(false);
    expect(s.history).toHaveLength(4);
    s.goTo(2);
    expect(s.paused).toBe(true);
    s.goTo(4);
    expect(s.result()).toEqual(full);
    s.goTo(2);
    s.apply(hangUp(), 12);
    expect(s.history).toHaveLength(3);
    expect(spans(s.result())).toEqual([[5, 10, 'paused']]);
    expect(() => s.goTo(9)).toThrow(RangeError);
  });

  it('available() offers transfer targets with labels and which are external', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    const t = s.available().find((a) => a.type === 'transfer');
    expect(t).toMatchObject({ agents: [{ value: 'ana', label: 'Ana' }], modes: ['blind', 'warm'] });
    if (t?.type !== 'transfer') throw new Error('no transfer offered');
    expect(t.targets.find((x) => x.target.type === 'external')).toMatchObject({ external: true, label: 'outside number +15550100' });
    expect(t.targets.some((x) => x.target.type === 'agent' && x.target.agentId === 'ana')).toBe(false);
    expect(s.parties).toEqual([{ id: 'agent:ana', kind: 'agent', label: 'Ana', joinedAt: 5, controlling: true, consulting: false }]);
  });

  it('actions the state does not accept are refused as not-available, with the state in the message', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    expect(s.apply({ type: 'press', digit: '1' }, 1)).toMatchObject({ accepted: false, rejection: { code: 'not-available', message: expect.stringMatching(/ringing/) } });
    expect(s.apply({ type: 'hold', agentId: 'ana' }, 2)).toMatchObject({ accepted: false });
    expect(s.apply(answer('cy'), 3)).toMatchObject({ accepted: false, rejection: { code: 'unknown-party' } });
  });

  it('hold and unhold do not change recording', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [10, { type: 'hold', agentId: 'ana' }],
      [20, { type: 'unhold', agentId: 'ana' }],
      [30, hangUp()],
    ]);
    expect(spans(result)).toEqual([[5, 30, 'hang-up']]);
    expect(result.timeline.markers.filter((m) => m.kind === 'hold' || m.kind === 'unhold')).toHaveLength(2);
  });
});

describe('who is heard in a segment (R17, R21)', () => {
  const noContinue = () => testWorkspace({ account: { continueOnExternalTransfer: false } });
  it('R17/R21: an outside party who joins at the moment a segment ends (blind transfer, continue off) is not a party of it', () => {
    const { result } = run(noContinue(), assignFlow(), inbound(), [
      [5, answer()],
      [20, transfer('blind', OUTSIDE)],
      [50, hangUp()],
    ]);
    expect(result.segments).toEqual([{ start: 5, end: 20, channelA: ['contact'], channelB: ['agent:ana'], endReason: 'external-transfer' }]);
  });

  it('R17/R21: the outside party a flow Transfer node reaches is not a party of the segment that ends as it answers (R16)', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { record: 'on' }],
        ['t', 'transfer', { target: OUTSIDE }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 't'],
      ],
    );
    const { result } = run(noContinue(), flow, inbound(), [
      [9, { type: 'outsideAnswer' }],
      [30, hangUp()],
    ]);
    expect(result.segments).toEqual([{ start: 0, end: 9, channelA: ['contact'], channelB: [], endReason: 'external-transfer' }]);
  });

  it('R17: a party who joins during a segment and one present at its start are both on channel B', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [10, conference({ type: 'agent', agentId: 'cy' })],
      [12, answer('cy')],
      [30, hangUp()],
    ]);
    expect(result.segments[0]!.channelB).toEqual(['agent:ana', 'agent:cy']);
  });
});
