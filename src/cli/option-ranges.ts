/**
 * Ranges of the numeric CLI options (declared on each option as `integer:`; the parser refuses a
 * value outside with one line). Durations go to Node timers, so they stop at 2^31-1 ms.
 */
import { MAX_TIMER_MS } from '../util/ranges.ts';

export const OPTION_RANGES = {
  '--timeout': { min: 1, max: MAX_TIMER_MS },
  '--max-wait': { min: 0, max: MAX_TIMER_MS },
  '--concurrency': { min: 1, max: 1024 },
  '--max-requests': { min: 0 },
  '--port': { min: 0, max: 65_535 },
} as const satisfies Record<string, { min: number; max?: number }>;
