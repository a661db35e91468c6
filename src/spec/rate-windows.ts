/**
 * Rate limits as written (`rateLimit.limits`, `plans[].limits`): any ISO 8601 window, which requests
 * they count (`match`), what they are counted per (`partition`), the operations they skip (`exempt`,
 * merged with the operations' `rateLimit.exemptFrom`). A plan's windows add the `perMinute` (PT1M)
 * and `perDay` (P1D) shorthand, shortest first, exactly one of them the limit the headers report
 * (`headers: true`, else the shortest).
 */
import type { Contract, LimitMatch, LimitPartition, RateLimitPlan, RateWindow } from './contract.ts';
import { durationMs } from './duration.ts';
import { asArray, asObject } from './spec-index.ts';

function matchOf(v: unknown): LimitMatch | undefined {
  const m = asObject(v);
  if (m === undefined) return undefined;
  const out: LimitMatch = {};
  if (Array.isArray(m.methods)) out.methods = m.methods.map((x) => String(x).toUpperCase());
  if (m.mode === 'live' || m.mode === 'test') out.mode = m.mode;
  if (Array.isArray(m.operations)) out.operations = m.operations.map(String);
  return out;
}

/** One limit as written (`headers` false unless it says so). */
export function rateWindowOf(l: unknown): RateWindow {
  const o = asObject(l) ?? {};
  const window = String(o.window);
  const w: RateWindow = { id: String(o.id), window, windowMs: durationMs(window) ?? 0, max: Number(o.max), headers: o.headers === true };
  if (o.retryAfter === 'always' || o.retryAfter === 'optional' || o.retryAfter === 'never') w.retryAfter = o.retryAfter;
  const match = matchOf(o.match);
  if (match !== undefined) w.match = match;
  if (Array.isArray(o.partition)) w.partition = o.partition.map(String) as LimitPartition[];
  if (Array.isArray(o.exempt)) w.exempt = o.exempt.map(String);
  const cost = asObject(o.cost);
  if (cost !== undefined) w.cost = Object.fromEntries(Object.entries(cost).map(([k, v]) => [k.toUpperCase(), Number(v)]));
  return w;
}

/** A plan with its windows: `limits` plus the perMinute/perDay shorthand, shortest first, one reporting in the headers. */
export function planWithWindows(p: Record<string, unknown>): RateLimitPlan {
  const name = String(p.name);
  const windows: RateWindow[] = asArray(p.limits).map(rateWindowOf);
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

/** Adds to each limit's `exempt` the operations that name it in `rateLimit.exemptFrom` (in place). */
export function mergeExemptFrom(windows: readonly RateWindow[], operations: ReadonlyArray<{ operationId: string; exemptFrom?: string[] }>): void {
  for (const w of windows) {
    const from = operations.filter((o) => o.exemptFrom?.includes(w.id) === true).map((o) => o.operationId);
    const all = [...new Set([...(w.exempt ?? []), ...from])];
    if (all.length > 0) w.exempt = all;
  }
}

/** Every limit of the spec: the general ones, then each plan's windows, then the anonymous plan's. */
export function allLimits(r: { limits?: RateWindow[]; plans: RateLimitPlan[]; anonymous?: RateLimitPlan } | undefined): RateWindow[] {
  if (r === undefined) return [];
  return [...(r.limits ?? []), ...r.plans.flatMap((p) => p.windows), ...(r.anonymous?.windows ?? [])];
}

/** Whether a ratelimit.exempt requirement states the exemptions (then ratelimit.remaining leaves them to it). */
export function exemptionStated(requirements: ReadonlyArray<{ kind: string }>): boolean {
  return requirements.some((q) => q.kind === 'ratelimit.exempt');
}

/** Whether the rate-limit error pins the Remaining header's value (`headerEquals`): then a 429 cannot report another. */
export function errorPinsRemaining(c: Pick<Contract, 'rateLimit' | 'errors'>): boolean {
  const name = c.rateLimit?.headers?.remaining.toLowerCase();
  const pinned = c.rateLimit === undefined ? undefined : c.errors[c.rateLimit.error]?.headerEquals;
  return name !== undefined && pinned !== undefined && Object.keys(pinned).some((h) => h.toLowerCase() === name);
}
