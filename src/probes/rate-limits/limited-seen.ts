/**
 * The rate-limit refusals the exhaustion of the ratelimit.* cases met in this run, for the profile
 * rows about a 429 (std.429-details, std.429-retry-after, std.retry-after, std.http-date): they
 * judge the 429 that exhaustion already brought instead of spending another window. Kept per run
 * (the run's fixtures object: one per target, one per mock), the last refusal first.
 */
import type { ProbeContext } from '../model.ts';
import type { Sent } from '../steps.ts';

const seen = new WeakMap<object, Sent[]>();

/** Called by exhaust() with the refusal that ended a sequence. */
export function recordLimited(ctx: Pick<ProbeContext, 'fixtures'>, s: Sent): void {
  const list = seen.get(ctx.fixtures) ?? [];
  list.unshift(s);
  seen.set(ctx.fixtures, list.slice(0, 4));
}

/** The 429s met so far in this run, the newest first. */
export function limitedSeen(ctx: Pick<ProbeContext, 'fixtures'>): Sent[] {
  return (seen.get(ctx.fixtures) ?? []).filter((s) => s.res.status === 429);
}
