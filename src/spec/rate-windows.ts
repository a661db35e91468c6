/**
 * A rate-limit plan's windows: `limits` as written (any ISO 8601 window) plus the `perMinute`
 * (PT1M) and `perDay` (P1D) shorthand, shortest first, exactly one of them the limit the headers
 * report (`headers: true`, else the shortest).
 */
import type { RateLimitPlan, RateWindow } from './contract.ts';
import { durationMs } from './duration.ts';
import { asArray, asObject } from './spec-index.ts';

/** A plan with its windows: `limits` plus the perMinute/perDay shorthand, shortest first, one reporting in the headers. */
export function planWithWindows(p: Record<string, unknown>): RateLimitPlan {
  const name = String(p.name);
  const windows: RateWindow[] = asArray(p.limits).map((l) => {
    const o = asObject(l) ?? {};
    const window = String(o.window);
    const w: RateWindow = { id: String(o.id), window, windowMs: durationMs(window) ?? 0, max: Number(o.max), headers: o.headers === true };
    if (o.retryAfter === 'always' || o.retryAfter === 'optional' || o.retryAfter === 'never') w.retryAfter = o.retryAfter;
    return w;
  });
  const shorthand = (max: unknown, window: string, windowMs: number) => {
    if (typeof max === 'number') windows.push({ id: `${name}-${window}`, window, windowMs, max, headers: false });
  };
  shorthand(p.perMinute, 'PT1M', 60_000);
  shorthand(p.perDay, 'P1D', 86_400_000);
  windows.sort((a, b) => a.windowMs - b.windowMs);
  if (windows.length > 0 && !windows.some((w) => w.headers)) windows[0]!.headers = true;
  const plan: RateLimitPlan = { name, windows };
  if (typeof p.perMinute === 'number') plan.perMinute = p.perMinute;
  if (typeof p.perDay === 'number') plan.perDay = p.perDay;
  return plan;
}
