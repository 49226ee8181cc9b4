/**
 * The limits every simulated call runs under, so that no flow and no
 * scenario can keep the runtime busy for long or make one result huge:
 *
 * - **steps**: a call enters at most 1,000 flow nodes. Twilio Studio ends an
 *   execution after 1,000 steps for the same reason (a flow that loops);
 *   a real call through a sane flow enters a few dozen.
 * - **seconds**: a call's clock stops at 24 hours of simulated time.
 *
 * A call that reaches a limit ends there (its open segment closes with
 * `hang-up`, like any end of call) and its result says so in `limitReached`;
 * actions after that are refused as `call-ended`.
 */
import type { LimitReached } from './types.ts';

export const CALL_LIMITS = {
  /** Flow nodes one call may enter (its `path` never grows longer). */
  steps: 1000,
  /** Simulated seconds after which a call is ended. */
  seconds: 24 * 3600,
} as const;

export type CallLimitName = keyof typeof CALL_LIMITS;

/** What a call's result says when it reached a limit at `at` seconds. */
export function limitReached(limit: CallLimitName, at: number): LimitReached {
  const message =
    limit === 'steps'
      ? `The call was ended after entering ${CALL_LIMITS.steps.toLocaleString('en-US')} flow nodes, Recflow's limit for one call (like Twilio Studio's 1,000 steps per execution): the flow probably loops.`
      : `The call was ended at ${CALL_LIMITS.seconds / 3600} hours of simulated time, Recflow's limit for one call.`;
  return { limit, at, message };
}
