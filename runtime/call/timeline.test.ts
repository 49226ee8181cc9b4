/**
 * R21: the timeline the simulator draws under the canvas: every phase of the
 * call and every marker (its moment, kind, tooltip sentence, node and party),
 * for whole calls told step by step through the public step API. A marker's
 * sentence is what the reviewer reads, so each is pinned here.
 */
import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../document/flow.ts';
import { startCall } from './session.ts';
import { buildFlow, inbound, outbound, testWorkspace } from './testkit.ts';
import type { CallAction, CallResult, CallSession } from './types.ts';

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
      { start: 6, end: 20, channelA: ['contact'], channelB: ['agent:ana'], endReason: 'paused' },
      { start: 25, end: 70, channelA: ['contact'], channelB: ['agent:ana', 'agent:cy', 'agent:ben', 'external:+15550100'], endReason: 'hang-up' },
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
      { start: 8, end: 40, channelA: ['contact'], channelB: ['agent:ana', 'extension:teams:201', 'external:+15550100'], endReason: 'external-transfer' },
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
      [5, 'recording-on', 'voicemail recording starts', 'vm', null],
      [25, 'timer', 'voicemail timer', 'vm', null],
      [25, 'recording-off', 'voicemail recording ends', 'vm', null],
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
      [2, 'recording-on', 'voicemail recording starts', 'vm', null],
      [7, 'node', 'caller pressed #', 'vm', null],
      [7, 'recording-off', 'voicemail recording ends', 'vm', null],
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
