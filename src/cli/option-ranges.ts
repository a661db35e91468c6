/**
 * Ranges of the numeric CLI options, and their one-line errors (pure: the parser calls
 * {@link parseIntegerOption} and throws the usage error it returns). Durations go to Node timers,
 * so they stop at 2^31-1 ms.
 */
import { integerRangeError, MAX_TIMER_MS, type IntegerRange } from '../util/ranges.ts';

export const OPTION_RANGES = {
  '--timeout': { min: 1, max: MAX_TIMER_MS },
  '--max-wait': { min: 0, max: MAX_TIMER_MS },
  '--concurrency': { min: 1, max: 1024 },
  '--max-requests': { min: 0, max: Number.MAX_SAFE_INTEGER },
  '--port': { min: 0, max: 65_535 },
} as const satisfies Record<string, IntegerRange>;

export type RangedOption = keyof typeof OPTION_RANGES;

/** The option's value, or the one-line reason it is refused (the value quoted: options hold no secret). */
export function parseIntegerOption(flag: RangedOption, raw: string): { value: number } | { error: string } {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const why = integerRangeError(value, OPTION_RANGES[flag]);
  return why === undefined ? { value } : { error: `${flag} ${why}, got "${raw}"` };
}
