/**
 * Fixed-window rate limiting on the mock clock: a short window (one minute, or `windowMs`) and a
 * day window, both aligned to the clock (a window starts at a multiple of its length). A refused
 * request does not count against the budget.
 */
export interface Limits {
  /** requests per short window; undefined = no short-window limit */
  perWindow?: number;
  windowMs: number;
  /** requests per day; undefined = no daily limit */
  perDay?: number;
  dayMs: number;
}

export interface RateDecision {
  limited: boolean;
  /** what the Limit header reports: the short-window limit (else the daily one) */
  limit: number;
  remaining: number;
  /** mock time at which the binding window ends */
  resetAt: number;
}

/** Behaviour switches of the limiter (defects and options). */
export interface LimiterMode {
  /** never refuse (unlimited option, or the "never limits" defect) */
  never: boolean;
  /** once refused, keep refusing in later windows */
  sticky: boolean;
}

interface Bucket {
  windowStart: number;
  windowCount: number;
  dayStart: number;
  dayCount: number;
  stuck: boolean;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  take(key: string, limits: Limits, now: number, mode: LimiterMode): RateDecision {
    const windowStart = now - (now % limits.windowMs);
    const dayStart = now - (now % limits.dayMs);
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { windowStart, windowCount: 0, dayStart, dayCount: 0, stuck: false };
      this.buckets.set(key, b);
    }
    if (b.windowStart !== windowStart) {
      b.windowStart = windowStart;
      b.windowCount = 0;
    }
    if (b.dayStart !== dayStart) {
      b.dayStart = dayStart;
      b.dayCount = 0;
    }
    const overWindow = limits.perWindow !== undefined && b.windowCount >= limits.perWindow;
    const overDay = limits.perDay !== undefined && b.dayCount >= limits.perDay;
    const limited = !mode.never && (overWindow || overDay || b.stuck);
    if (limited) {
      if (mode.sticky) b.stuck = true;
    } else {
      b.windowCount++;
      b.dayCount++;
    }
    const windowEnd = windowStart + limits.windowMs;
    if (limits.perWindow === undefined) {
      const perDay = limits.perDay ?? 0;
      return { limited, limit: perDay, remaining: limited ? 0 : Math.max(0, perDay - b.dayCount), resetAt: dayStart + limits.dayMs };
    }
    if (overDay && !mode.never) {
      return { limited, limit: limits.perWindow, remaining: 0, resetAt: dayStart + limits.dayMs };
    }
    return { limited, limit: limits.perWindow, remaining: limited ? 0 : Math.max(0, limits.perWindow - b.windowCount), resetAt: windowEnd };
  }

  clear(): void {
    this.buckets.clear();
  }
}
