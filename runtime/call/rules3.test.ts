/**
 * More rules of the call runtime, through the public step API: where a call
 * enters the flow (R4, R7) and leaves it (R13, R15), and calls that wait
 * from their first moment (R19, C4). (A file of its own: StrykerJS retests
 * every mutant a changed test file killed, so new tests go in new files.)
 */
import { describe, expect, it } from 'vitest';
import type { TransferTarget } from '../../nodes/kit/fields.ts';
import { startCall } from './session.ts';
import { assignFlow, buildFlow, inbound, spans, testWorkspace } from './testkit.ts';
import type { AvailableAction, CallAction, CallSession } from './types.ts';

const answer = (agentId = 'ana'): CallAction => ({ type: 'answer', agentId });
const hangUp = (party = 'contact'): CallAction => ({ type: 'hangUp', party });
const conference = (target: TransferTarget, agentId = 'ana'): CallAction => ({ type: 'conference', agentId, target });
const press = (digit: string): CallAction => ({ type: 'press', digit });
const outside = (n: number): TransferTarget => ({ type: 'external', number: `+1555010${n}` });
const offered = (s: CallSession) => s.available().map((a) => a.type);
const find = <T extends AvailableAction['type']>(s: CallSession, type: T) =>
  s.available().find((a): a is Extract<AvailableAction, { type: T }> => a.type === type);
const noContinue = () => testWorkspace({ account: { continueOnExternalTransfer: false } });

describe('where a call enters and leaves (R7, R13, R15)', () => {
  it('R7: without a flow given, an inbound call runs the flow of the number dialled', () => {
    const ws = testWorkspace();
    ws.flows = [buildFlow([['s', 'start'], ['p', 'play', { durationSeconds: 3 }]], [['s', 'next', 'p']], 'own')];
    ws.numbers[0]!.flowId = 'own';
    const s = startCall(ws, undefined, inbound('main'));
    expect(s.path).toEqual(['s', 'p']);
    expect(s.currentNodeId).toBe('p');
    // The other number has no flow: it rings every agent.
    expect(startCall(ws, undefined, inbound('sales')).path).toEqual([]);
  });

  it('R7: a flow with no Start gives the call no way in, so it rings every agent', () => {
    const s = startCall(testWorkspace(), buildFlow([['p', 'play', { durationSeconds: 3 }]], []), inbound());
    expect(s.path).toEqual([]);
    expect(find(s, 'answer')).toEqual({
      type: 'answer',
      agents: [
        { value: 'ana', label: 'Ana' },
        { value: 'ben', label: 'Ben' },
        { value: 'cy', label: 'Cy' },
      ],
      ringGroupId: null,
    });
  });

  it('R4: a call enters at the Start that lists its number, else at the first Start', () => {
    const flow = buildFlow(
      [
        ['any', 'start'],
        ['forSales', 'start', { numberIds: ['sales'] }],
        ['p', 'play', { durationSeconds: 3 }],
        ['q', 'play', { durationSeconds: 4 }],
      ],
      [
        ['any', 'next', 'p'],
        ['forSales', 'next', 'q'],
      ],
    );
    expect(startCall(testWorkspace(), flow, inbound('sales')).path).toEqual(['forSales', 'q']);
    expect(startCall(testWorkspace(), flow, inbound('main')).path).toEqual(['any', 'p']);
  });

  it('R15 (decision): the external portion begins once, when the last agent leaves, however many outside parties stay', () => {
    const s = startCall(noContinue(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(conference(outside(1)), 6);
    s.apply(conference(outside(2)), 7);
    s.apply(hangUp('agent:ana'), 10);
    s.apply(hangUp('external:+15550101'), 12);
    s.apply(hangUp(), 20);
    const r = s.result();
    expect(r.externalPortionAt).toBe(10);
    expect(spans(r)).toEqual([[5, 10, 'external-transfer']]);
    expect(r.timeline.markers.filter((m) => m.kind === 'external-portion').map((m) => m.at)).toEqual([10]);
  });

  it('R13: an extension left alone with the contact is internal: recording goes on until it hangs up (R9)', () => {
    const s = startCall(noContinue(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(conference({ type: 'extension', extension: '7', system: 'pbx' }), 6);
    s.apply(hangUp('agent:ana'), 10);
    expect(s.ended).toBe(false);
    s.apply(hangUp('extension:pbx:7'), 20);
    const r = s.result();
    expect(r).toMatchObject({ ended: true, duration: 20, externalPortionAt: null });
    expect(spans(r)).toEqual([[5, 20, 'hang-up']]);
    expect(r.timeline.phases.map((p) => [p.kind, p.start, p.end])).toEqual([
      ['ringing', 0, 5],
      ['agent', 5, 6],
      ['conference', 6, 10],
      ['outside', 10, 20],
    ]);
  });
});

describe('calls that wait from the first moment (R19, C4)', () => {
  it('R19: a flow that starts with a voicemail offers # and records the message', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['vm', 'voicemail', { maxLengthSeconds: 20 }],
      ],
      [['s', 'next', 'vm']],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    expect(s.available()[0]).toEqual({ type: 'press', digits: [{ value: '#', label: '# (end the message)' }] });
    expect(s.nextTimerAt()).toBe(20);
    expect(s.apply(press('#'), 6)).toEqual({ ok: true, accepted: true });
    expect(s.result().voicemails).toMatchObject([{ start: 0, end: 6, endReason: 'finished' }]);
  });

  it('C4: a caller may press a key in a menu without a timeout, at any time', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['m', 'menu', { timeoutSeconds: null }],
        ['h', 'hangup'],
      ],
      [
        ['s', 'next', 'm'],
        ['m', '1', 'h'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    expect(offered(s)).toEqual(['press', 'hangUp', 'wait']);
    expect(s.apply(press('1'), 500)).toEqual({ ok: true, accepted: true });
    expect(s.result()).toMatchObject({ ended: true, duration: 500, path: ['s', 'm', 'h'] });
  });
});
