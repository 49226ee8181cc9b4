/**
 * The per-call limits (limits.ts), through the public API only (`startCall`,
 * `simulate`), so that any implementation of the call keeps them.
 */
import { describe, expect, it } from 'vitest';
import { CALL_LIMITS } from './limits.ts';
import { simulate } from './scenario.ts';
import { startCall } from './session.ts';
import { assignFlow, buildFlow, inbound, testWorkspace } from './testkit.ts';

/** Start → Play 1 s → Recording on → back to the Play: a loop that waits one second a pass. */
const playLoop = () =>
  buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['p', 'play', { durationSeconds: 1 }],
      ['r', 'recording', { record: 'on' }],
    ],
    [
      ['s', 'next', 'p'],
      ['p', 'next', 'r'],
      ['r', 'next', 'p'],
    ],
  );

/** Start → Recording on → Recording off → back: a loop that never waits. */
const instantLoop = () =>
  buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['on', 'recording', { record: 'on' }],
      ['off', 'recording', { record: 'off' }],
    ],
    [
      ['s', 'next', 'on'],
      ['on', 'next', 'off'],
      ['off', 'next', 'on'],
    ],
  );

describe('per-call limits', () => {
  it('a flow looping through a Recording node for a week of runUntil ends at the step limit, quickly and with a small result', () => {
    const started = performance.now();
    const result = simulate(testWorkspace(), playLoop(), { call: inbound(), actions: [], runUntil: 7 * 24 * 3600 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.path).toHaveLength(CALL_LIMITS.steps);
    expect(result.ended).toBe(true);
    expect(result.limitReached).toMatchObject({ limit: 'steps', message: expect.stringMatching(/1,000 flow nodes.*loops/) });
    // The Start, then Play (1 s) and Recording (instant) by turns: the 500th Play ends at 500 s and the next step is refused.
    expect(result.limitReached?.at).toBe(500);
    expect(result.duration).toBe(500);
    expect(result.segments.at(-1)).toMatchObject({ end: 500, endReason: 'hang-up' });
    expect(JSON.stringify(result).length).toBeLessThan(1_000_000);
  });

  it('a loop that never waits ends at the step limit at once', () => {
    const call = startCall(testWorkspace(), instantLoop(), inbound());
    expect(call.ended).toBe(true);
    const result = call.result();
    expect(result.path).toHaveLength(CALL_LIMITS.steps);
    expect(result.limitReached).toMatchObject({ limit: 'steps', at: 0 });
    expect(result.segments).toEqual([]);
  });

  it('key presses that loop back to the menu end at the step limit; a refused action enters no node', () => {
    const menuLoop = buildFlow(
      [
        ['s', 'start', { numberIds: ['main'] }],
        ['m', 'menu', { timeoutSeconds: 10 }],
      ],
      [
        ['s', 'next', 'm'],
        ['m', '1', 'm'],
      ],
    );
    const call = startCall(testWorkspace(), menuLoop, inbound());
    // The Start and the menu, then each press of 1 enters the menu again.
    for (let i = 1; i <= CALL_LIMITS.steps - 2; i++) expect(call.apply({ type: 'press', digit: '1' }, i)).toEqual({ ok: true, accepted: true });
    expect(call.apply({ type: 'answer', agentId: 'ana' }, 999)).toMatchObject({ accepted: false, rejection: { code: 'not-available' } });
    expect(call.path).toHaveLength(CALL_LIMITS.steps);
    expect(call.ended).toBe(false);
    expect(call.apply({ type: 'press', digit: '1' }, 1000)).toEqual({ ok: true, accepted: true });
    expect(call.ended).toBe(true);
    expect(call.path).toHaveLength(CALL_LIMITS.steps);
    expect(call.result().limitReached).toMatchObject({ limit: 'steps', at: 1000 });
    expect(call.apply({ type: 'press', digit: '1' }, 1001)).toMatchObject({ accepted: false, rejection: { code: 'call-ended' } });
  });

  it('a call is ended at 24 hours of simulated time; later actions are refused as call-ended', () => {
    const call = startCall(testWorkspace(), assignFlow(), inbound());
    call.apply({ type: 'answer', agentId: 'ana' }, 5);
    expect(call.apply({ type: 'wait' }, CALL_LIMITS.seconds)).toEqual({ ok: true, accepted: true });
    expect(call.ended).toBe(false);
    const late = call.apply({ type: 'hangUp', party: 'contact' }, CALL_LIMITS.seconds + 10);
    expect(late).toMatchObject({ ok: true, accepted: false, rejection: { code: 'call-ended' } });
    const result = call.result();
    expect(result.limitReached).toMatchObject({ limit: 'seconds', at: CALL_LIMITS.seconds, message: expect.stringMatching(/24 hours/) });
    expect(result.duration).toBe(CALL_LIMITS.seconds);
    expect(result.segments).toMatchObject([{ start: 5, end: CALL_LIMITS.seconds, endReason: 'hang-up' }]);
  });

  it('an ordinary call reaches no limit', () => {
    const result = simulate(testWorkspace(), assignFlow(), {
      call: inbound(),
      actions: [
        { at: 5, type: 'answer', agentId: 'ana' },
        { at: 65, type: 'hangUp', party: 'contact' },
      ],
    });
    expect(result.limitReached).toBeNull();
  });
});
