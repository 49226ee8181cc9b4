/** R20: when a call's recordings are deleted. */
import { DEFAULT_STARTED_AT } from './types.ts';

/**
 * Adds calendar months to a UTC moment, clamping the day to the last day of
 * the target month (R20).
 *
 * @example
 * addMonthsClamped(new Date('2026-08-31T10:00:00Z'), 6).toISOString(); // '2027-02-28T10:00:00.000Z'
 */
export function addMonthsClamped(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return new Date(Date.UTC(y, m, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

let lastStartedAt: string | undefined;
let lastStartMs = Date.parse(DEFAULT_STARTED_AT);

/** `startedAt` in epoch milliseconds; batches share one start time, so the last parse is kept. */
function startMillis(startedAt: string | undefined): number {
  const text = startedAt ?? DEFAULT_STARTED_AT;
  // Stryker disable next-line ConditionalExpression: a cache of the last parse; parsing again gives the same time
  if (text !== lastStartedAt) {
    const ms = Date.parse(text);
    lastStartMs = Number.isNaN(ms) ? Date.parse(DEFAULT_STARTED_AT) : ms;
    lastStartedAt = text;
  }
  return lastStartMs;
}

/**
 * The deletion date (`YYYY-MM-DD`, UTC) of a call that started at
 * `startedAt` and ended `endSeconds` later; null when auto-delete is off.
 *
 * @example
 * deletionDate('2026-08-31T12:00:00Z', 60, { autoDelete: true, months: 6 }); // '2027-02-28'
 */
export function deletionDate(
  startedAt: string | undefined,
  endSeconds: number,
  retention: { autoDelete: boolean; months: number },
): string | null {
  if (!retention.autoDelete) return null;
  const endMs = startMillis(startedAt) + Math.round(endSeconds * 1000);
  // The date depends only on the end's UTC day and the months (the time of day is carried along, never rolls the
  // day over): the calls of a batch mostly end on one day, so the last answer is kept.
  // Stryker disable next-line ArithmeticOperator: the day is only the cache's key; any key that tells days apart gives the same dates
  const day = Math.floor(endMs / DAY_MS);
  // Stryker disable next-line ConditionalExpression: as above, a cache; working the date out again gives the same one
  if (day !== lastDay || retention.months !== lastMonths) {
    lastDate = addMonthsClamped(new Date(endMs), retention.months).toISOString().slice(0, 10);
    lastDay = day;
    lastMonths = retention.months;
  }
  return lastDate;
}

const DAY_MS = 24 * 3600 * 1000;
let lastDay = Number.NaN;
let lastMonths = Number.NaN;
let lastDate = '';
