import { MAX_TIMER_MS } from '../util/ranges.ts';
import type { RateLimitHeaderNames, TransportOptions } from './types.ts';
import type { RequestBudget } from './budget.ts';

/** Every transport default, in one place. */
export const TRANSPORT_DEFAULTS = {
  concurrency: 10,
  timeoutMs: 10_000,
  maxBodyBytes: 1_048_576,
  bodyOverflow: 'error',
  rateLimitAware: true,
  maxPauseMs: 65_000,
  useEnvProxy: true,
  rateLimitHeaders: {
    remaining: 'x-ratelimit-remaining',
    reset: 'x-ratelimit-reset',
    resetUnit: 'delta-seconds',
  },
  /** the overall deadline is this many times timeoutMs unless deadlineMs is given */
  deadlineFactor: 2,
} as const satisfies Record<string, unknown>;

export interface ResolvedTransportOptions {
  concurrency: number;
  timeoutMs: number;
  deadlineMs: number;
  maxBodyBytes: number;
  bodyOverflow: 'error' | 'truncate';
  budget: RequestBudget | undefined;
  rateLimitAware: boolean;
  maxPauseMs: number;
  rateLimitHeaders: RateLimitHeaderNames;
  useEnvProxy: boolean;
  onRateLimitPause: TransportOptions['onRateLimitPause'];
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** Real-timer sleep. */
export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Applies defaults and validates figures (throws RangeError on nonsense). */
export function resolveTransportOptions(options: TransportOptions = {}): ResolvedTransportOptions {
  const concurrency = options.concurrency ?? TRANSPORT_DEFAULTS.concurrency;
  const timeoutMs = options.timeoutMs ?? TRANSPORT_DEFAULTS.timeoutMs;
  // a Node timer past 2^31-1 ms fires at once
  const deadlineMs = Math.min(options.deadlineMs ?? timeoutMs * TRANSPORT_DEFAULTS.deadlineFactor, MAX_TIMER_MS);
  const maxBodyBytes = options.maxBodyBytes ?? TRANSPORT_DEFAULTS.maxBodyBytes;
  const maxPauseMs = options.maxPauseMs ?? TRANSPORT_DEFAULTS.maxPauseMs;
  positiveInteger('concurrency', concurrency);
  positiveInteger('timeoutMs', timeoutMs);
  positiveInteger('deadlineMs', deadlineMs);
  nonNegativeInteger('maxBodyBytes', maxBodyBytes);
  nonNegativeInteger('maxPauseMs', maxPauseMs);
  return {
    concurrency,
    timeoutMs,
    deadlineMs,
    maxBodyBytes,
    bodyOverflow: options.bodyOverflow ?? TRANSPORT_DEFAULTS.bodyOverflow,
    budget: options.budget,
    rateLimitAware: options.rateLimitAware ?? TRANSPORT_DEFAULTS.rateLimitAware,
    maxPauseMs,
    rateLimitHeaders: options.rateLimitHeaders ?? { ...TRANSPORT_DEFAULTS.rateLimitHeaders },
    useEnvProxy: options.useEnvProxy ?? TRANSPORT_DEFAULTS.useEnvProxy,
    onRateLimitPause: options.onRateLimitPause,
    sleep: options.sleep ?? realSleep,
    now: options.now ?? Date.now,
  };
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`transport option ${name} must be a positive integer, got ${String(value)}`);
  }
}

function nonNegativeInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`transport option ${name} must be a non-negative integer, got ${String(value)}`);
  }
}
