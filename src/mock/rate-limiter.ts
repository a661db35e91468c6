/**
 * Fixed-window rate limiting on the mock clock: any number of windows at once (a plan's `limits`:
 * PT1S, PT1M, PT1H, P1D...), each aligned to the clock (a window starts at a multiple of its
 * length). A refused request does not count against any budget.
 */
import type { RetryAfterRule } from '../spec/contract.ts';

export interface LimitWindow {
  /** the limit's id (what a Resource header names) */
  id: string;
  /** requests per window */
  max: number;
  windowMs: number;
  /** the window the Limit/Remaining/Reset headers report */
  headers: boolean;
  /** whether its refusals carry Retry-After, where the limit says (else rateLimit.retryAfter) */
  retryAfter?: RetryAfterRule;
}

export interface Limits {
  /** shortest first; exactly one reports in the headers */
  windows: LimitWindow[];
}

export interface RateDecision {
  limited: boolean;
  /** what the Limit header reports: the header window's maximum */
  limit: number;
  remaining: number;
  /** mock time at which the binding window ends */
  resetAt: number;
  /** the id of the header window */
  resource: string;
  /** the length of the header window */
  windowMs: number;
  /** limited: the Retry-After rule of the window that refused, where it states one */
  retryAfter?: RetryAfterRule;
  /** a decision of the plan of requests without credentials (rateLimit.anonymous) */
  anonymous?: true;
}

/** Behaviour switches of the limiter (defects and options). */
export interface LimiterMode {
  /** never refuse (unlimited option, or the "never limits" defect) */
  never: boolean;
  /** once refused, keep refusing in later windows */
  sticky: boolean;
}

interface Count {
  start: number;
  count: number;
}

interface Bucket {
  counts: Count[];
  stuck: boolean;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** @param exempt ids of the windows this request does not count against */
  take(key: string, limits: Limits, now: number, mode: LimiterMode, exempt: readonly string[] = []): RateDecision {
    const starts = limits.windows.map((w) => now - (now % w.windowMs));
    let b = this.buckets.get(key);
    if (b === undefined || b.counts.length !== limits.windows.length) {
      b = { counts: starts.map((start) => ({ start, count: 0 })), stuck: false };
      this.buckets.set(key, b);
    }
    const counts = b.counts;
    starts.forEach((start, i) => {
      const c = counts[i]!;
      if (c.start !== start) {
        c.start = start;
        c.count = 0;
      }
    });
    const over = limits.windows.flatMap((w, i) => (counts[i]!.count >= w.max ? [i] : []));
    const limited = !mode.never && (over.length > 0 || b.stuck);
    if (limited) {
      if (mode.sticky) b.stuck = true;
    } else {
      counts.forEach((c, i) => {
        if (!exempt.includes(limits.windows[i]!.id)) c.count++;
      });
    }
    const h = Math.max(0, limits.windows.findIndex((w) => w.headers));
    const header = limits.windows[h]!;
    const end = (i: number) => counts[i]!.start + limits.windows[i]!.windowMs;
    // limited by a longer window than the header's: nothing is left until that one ends
    const binding = mode.never ? [] : over.filter((i) => i !== h);
    const rule = limited ? limits.windows[binding[0] ?? h]?.retryAfter : undefined;
    const stated = rule === undefined ? {} : { retryAfter: rule };
    if (binding.length > 0) {
      return { limited, limit: header.max, remaining: 0, resetAt: Math.max(...binding.map(end)), resource: header.id, windowMs: header.windowMs, ...stated };
    }
    return { limited, limit: header.max, remaining: limited ? 0 : Math.max(0, header.max - counts[h]!.count), resetAt: end(h), resource: header.id, windowMs: header.windowMs, ...stated };
  }

  clear(): void {
    this.buckets.clear();
  }
}
