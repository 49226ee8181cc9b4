import { describe, expect, it } from 'vitest';
import { CallStartError, callStartProblems, checkExpectation, formatMismatch, parseScenario, simulate } from './scenario.ts';
import { assignFlow, testWorkspace } from './testkit.ts';

const base = {
  format: 'recflow.scenario',
  version: 1,
  call: { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' },
  actions: [
    { at: 5, type: 'answer', agentId: 'ana' },
    { at: 65, type: 'hangUp', party: 'contact' },
  ],
};

describe('scenario format', () => {
  it('parses a scenario and simulates it (R21)', () => {
    const parsed = parseScenario(JSON.stringify(base));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = simulate(testWorkspace(), assignFlow(), parsed.value);
    expect(result.segments).toMatchObject([{ start: 5, end: 65, endReason: 'hang-up' }]);
  });

  it('refuses times that go backwards, unknown action types and hostile keys, with JSON paths', () => {
    const back = parseScenario({ ...base, actions: [{ at: 9, type: 'wait' }, { at: 2, type: 'wait' }] });
    expect(back).toMatchObject({ ok: false, errors: [{ path: '$.actions[1].at' }] });
    expect(parseScenario({ ...base, actions: [{ at: 1, type: 'dance' }] }).ok).toBe(false);
    expect(parseScenario('{"call": {"__proto__": {}}}')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/__proto__/) }] });
    expect(parseScenario({ ...base, runUntil: 3 })).toMatchObject({ ok: false, errors: [{ path: '$.runUntil' }] });
  });

  it('runUntil moves the clock on so due timers fire (R19 voicemail max length)', () => {
    const parsed = parseScenario({ ...base, actions: [], runUntil: 500 });
    if (!parsed.ok) throw new Error('bad scenario');
    const result = simulate(testWorkspace(), assignFlow(), parsed.value);
    expect(result.voicemails).toMatchObject([{ start: 30, end: 90, endReason: 'max-length' }]);
  });

  it('checkExpectation compares only the fields given, lists item by item and by length', () => {
    const parsed = parseScenario(base);
    if (!parsed.ok) throw new Error('bad scenario');
    const result = simulate(testWorkspace(), assignFlow(), parsed.value);
    expect(checkExpectation(result, { recorded: true, segments: [{ end: 65 }] })).toEqual([]);
    const m = checkExpectation(result, { totalRecordedSeconds: 50, segments: [{ start: 5 }, { start: 70 }], handledBy: { agentIds: ['ben'] } });
    expect(m.map(formatMismatch)).toEqual([
      '$.totalRecordedSeconds: expected 50, got 60',
      '$.segments.length: expected 2, got 1',
      '$.handledBy.agentIds[0]: expected "ben", got "ana"',
    ]);
  });
});

describe('a call the workspace cannot place (R4)', () => {
  const run = (call: object) => () => simulate(testWorkspace(), assignFlow(), { call: call as never, actions: [{ at: 5, type: 'answer', agentId: 'ana' }] });

  it('R4: refuses an inbound call to a number the workspace lacks, with or without a flow, instead of using the account settings', () => {
    // The flow is given: before, the call ran with the account's settings (R2/R3 fell through a number that is not there).
    expect(run({ direction: 'inbound', numberId: 'mian', callerNumber: '+15550111' })).toThrow(CallStartError);
    expect(run({ direction: 'inbound', numberId: 'mian', callerNumber: '+15550111' })).toThrow('$.call.numberId: no phone number "mian" in the workspace');
    expect(() => simulate(testWorkspace(), undefined, { call: { direction: 'inbound', numberId: 'mian', callerNumber: '+15550111' }, actions: [] })).toThrow(
      /no phone number "mian"/,
    );
  });

  it('R4/R8: refuses an outbound call from a number or by an agent the workspace lacks, naming each field', () => {
    let thrown: unknown;
    try {
      run({ direction: 'outbound', agentId: 'zz', fromNumberId: 'mian', contactNumber: '+15550199' })();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CallStartError);
    expect((thrown as CallStartError).errors).toEqual([
      { path: '$.call.fromNumberId', message: 'no phone number "mian" in the workspace' },
      { path: '$.call.agentId', message: 'no agent "zz" in the workspace' },
    ]);
    // The message a caller without the list reads names both, by path.
    expect((thrown as CallStartError).message).toBe('$.call.fromNumberId: no phone number "mian" in the workspace; $.call.agentId: no agent "zz" in the workspace');
  });

  it('callStartProblems is empty for a call the workspace can place', () => {
    expect(callStartProblems(testWorkspace(), { direction: 'outbound', agentId: 'ana', fromNumberId: 'sales', contactNumber: '+15550199' })).toEqual([]);
    expect(callStartProblems(testWorkspace(), { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' })).toEqual([]);
    expect(run({ direction: 'outbound', agentId: 'ana', fromNumberId: 'sales', contactNumber: '+15550199' })).not.toThrow();
  });
});
