/** A scenario's times (documented in the scenario schema): actions in time order, runUntil not before the last action. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from './scenario.ts';

const call = { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' };

describe('scenario times', () => {
  it('an action earlier than the one before it is refused at its time, naming both times', () => {
    const read = parseScenario({ call, actions: [{ at: 9, type: 'wait' }, { at: 4, type: 'wait' }] });
    expect(read).toEqual({ ok: false, errors: [{ path: '$.actions[1].at', message: 'time goes backwards: 4s comes after 9s' }] });
  });

  it('runUntil before the last action is refused, naming the last action’s time; at it or after is fine', () => {
    expect(parseScenario({ call, actions: [{ at: 12, type: 'wait' }], runUntil: 11 })).toEqual({
      ok: false,
      errors: [{ path: '$.runUntil', message: 'must not be before the last action (12s)' }],
    });
    expect(parseScenario({ call, actions: [{ at: 12, type: 'wait' }], runUntil: 12 }).ok).toBe(true);
  });
});
