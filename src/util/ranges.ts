/**
 * Numbers that end up in a timer or a Date, checked where they come in (CLI options, the mock's
 * control API): Node's timers overflow past 2^31-1 ms (the callback then runs at once), and a
 * Date past ±8.64e15 ms is "Invalid Date".
 */

/** Longest delay a Node timer holds: 2^31-1 ms (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Latest instant a Date can show, ms since the epoch. */
export const MAX_DATE_MS = 8.64e15;

export interface IntegerRange {
  min: number;
  max: number;
}

/** Why `value` is not an integer in [min, max] ("must be an integer from 0 to 2147483647"), or undefined. */
export function integerRangeError(value: unknown, range: IntegerRange): string | undefined {
  const ok = typeof value === 'number' && Number.isSafeInteger(value) && value >= range.min && value <= range.max;
  return ok ? undefined : `must be an integer from ${range.min} to ${range.max}`;
}
