/**
 * Fixed-window rate limiting on the mock clock: any number of windows at once (a plan's `limits`:
 * PT1S, PT1M, PT1H, P1D...), each aligned to the clock (a window starts at a multiple of its
 * length), each counted per its own key where it has one (a limit's partition). A refused request
 * does not count against any budget; an exempt window neither counts nor refuses the request.
 */
import type { LimitMatch, LimitPartition, RetryAfterRule } from '../spec/contract.ts';

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
  /** which requests it counts (all when absent) */
  match?: LimitMatch;
  /** what it is counted per (absent: the credential's limiter key) */
  partition?: LimitPartition[];
  /** operations it neither counts nor refuses */
  exempt?: string[];
  /** cost per method (default 1) */
  costs?: Partial<Record<string, number>>;
  /** this request's counter of the window (its partition), where not the request's key */
  key?: string;
  /** what this request costs against the window (default 1) */
  cost?: number;
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
  /** limited: the ids of the windows that refused */
  refusedBy?: string[];
  /** a decision of the plan of requests without credentials (rateLimit.anonymous) */
  anonymous?: true;
}

/** Behaviour switches of the limiter (defects and options). */
export interface LimiterMode {
  /** never refuse (unlimited option, or the "never limits" defect) */
  never: boolean;
  /** once refused, keep refusing in later windows */
  sticky: boolean;
  /** ids of limits never enforced (a defect of one limit) */
  unlimited?: readonly string[];
}

interface Count {
  start: number;
  count: number;
}

export class RateLimiter {
  /** per (counter key, window id): the current window's count */
  private readonly counts = new Map<string, Count>();
  /** counters (key and window) that stay refused (the sticky mode) */
  private readonly stuck = new Set<string>();

  /**
   * @param key the request's counter key (a window's own `key`, its partition, wins)
   * @param exempt ids of the windows this request neither counts against nor is refused by
   */
  take(key: string, limits: Limits, now: number, mode: LimiterMode, exempt: readonly string[] = []): RateDecision {
    const ids = limits.windows.map((w) => `${w.key ?? key}\u0000${w.id}`);
    const counts = limits.windows.map((w, i) => {
      const id = ids[i]!;
      const start = now - (now % w.windowMs);
      let c = this.counts.get(id);
      if (c === undefined) this.counts.set(id, (c = { start, count: 0 }));
      if (c.start !== start) {
        c.start = start;
        c.count = 0;
      }
      return c;
    });
    const counted = (i: number) => !exempt.includes(limits.windows[i]!.id);
    const enforced = (i: number) => counted(i) && mode.unlimited?.includes(limits.windows[i]!.id) !== true;
    const over = limits.windows.flatMap((w, i) => (enforced(i) && counts[i]!.count + (w.cost ?? 1) > w.max ? [i] : []));
    const stuck = limits.windows.some((_w, i) => counted(i) && this.stuck.has(ids[i]!));
    const limited = !mode.never && (over.length > 0 || stuck);
    if (limited) {
      if (mode.sticky) for (const i of over) this.stuck.add(ids[i]!);
    } else {
      counts.forEach((c, i) => {
        if (counted(i)) c.count += limits.windows[i]!.cost ?? 1;
      });
    }
    const h = Math.max(0, limits.windows.findIndex((w) => w.headers));
    const header = limits.windows[h]!;
    const end = (i: number) => counts[i]!.start + limits.windows[i]!.windowMs;
    // limited by a longer window than the header's: nothing is left until that one ends
    const binding = mode.never ? [] : over.filter((i) => i !== h);
    const rule = limited ? limits.windows[binding[0] ?? h]?.retryAfter : undefined;
    const stated = { ...(rule === undefined ? {} : { retryAfter: rule }), ...(limited ? { refusedBy: over.map((i) => limits.windows[i]!.id) } : {}) };
    if (binding.length > 0) {
      return { limited, limit: header.max, remaining: 0, resetAt: Math.max(...binding.map(end)), resource: header.id, windowMs: header.windowMs, ...stated };
    }
    return { limited, limit: header.max, remaining: limited ? 0 : Math.max(0, header.max - counts[h]!.count), resetAt: end(h), resource: header.id, windowMs: header.windowMs, ...stated };
  }

  clear(): void {
    this.counts.clear();
    this.stuck.clear();
  }
}
