/**
 * x-authconform.rateLimit → RateLimitSpec. The exhausted-limit statuses come from one place: the
 * rate-limit error's status set. `rateLimit.statuses` ("403 or 429") is shorthand folded into that
 * error here (the error's own status first: what the mock answers), so a spec writing either
 * behaves the same; semantic checks refuse the two when they disagree (rate-limit-checks.ts).
 */
import type { ErrorSpec, LimitPartition, Operation, RateHeaderNames, RateLimitSpec, RetryAfterRule, SecondaryLimit } from './contract.ts';
import { durationMs } from './duration.ts';
import { allLimits, mergeExemptFrom, planWithWindows, rateWindowOf } from './rate-windows.ts';
import { asArray, asObject } from './spec-index.ts';
import type { Json } from './spec-index.ts';

/** @param operations the loaded operations, whose `exemptFrom` joins the limits' `exempt` */
export function normalizeRateLimit(x: Json, operations: ReadonlyArray<Pick<Operation, 'operationId' | 'exemptFrom'>> = []): RateLimitSpec | undefined {
  const r = asObject(x.rateLimit);
  if (r === undefined) return undefined;
  const spec: RateLimitSpec = {
    on: (r.on as RateLimitSpec['on'] | undefined) ?? 'authenticated',
    plans: asArray(r.plans).map((p) => planWithWindows(asObject(p) ?? {})),
    error: String(r.error),
    perCredential: r.perCredential !== false,
  };
  const limits = asArray(r.limits).map(rateWindowOf);
  if (limits.length > 0) spec.limits = limits;
  if (r.exactLimit === false) spec.exactLimit = false;
  const anonymous = asObject(r.anonymous);
  if (anonymous !== undefined) spec.anonymous = planWithWindows({ ...anonymous, name: 'anonymous' });
  mergeExemptFrom(allLimits(spec), operations);
  const rule = retryAfterRule(r.retryAfter);
  if (rule !== undefined) spec.retryAfter = rule;
  const headers = asObject(r.headers);
  if (headers?.style === 'ietf') {
    spec.headers = ietfNames(headers);
    spec.resetUnit = 'delta-seconds';
  } else {
    if (headers !== undefined) {
      const { style: _style, ...names } = headers;
      spec.headers = names as unknown as RateHeaderNames;
    }
    if (r.resetUnit !== undefined) spec.resetUnit = r.resetUnit as NonNullable<RateLimitSpec['resetUnit']>;
  }
  if (typeof r.retryAfterField === 'string') spec.retryAfterField = r.retryAfterField;
  const secondary = asArray(r.secondary).map((l) => secondaryLimit(asObject(l) ?? {}));
  if (secondary.length > 0) spec.secondary = secondary;
  return spec;
}

/**
 * The operation `as: anonymous` requirements probe when they name none: the first safe public
 * operation (no credential needed) that the anonymous limits count (exempt from none of them).
 */
export function anonymousOperation(operations: Operation[], x: Json): string | undefined {
  const ids = asArray(asObject(asObject(x.rateLimit)?.anonymous)?.limits).map((l) => String(asObject(l)?.id));
  return operations.find((o) => o.public === true && o.safe && !(o.exemptFrom ?? []).some((id) => ids.includes(id)))?.operationId;
}

/** A secondary limit as written, its defaults filled: partition user + operation, Retry-After optional, probed always. */
function secondaryLimit(o: Record<string, unknown>): SecondaryLimit {
  const window = String(o.window);
  const partition = asArray(o.partition).map(String) as LimitPartition[];
  return {
    id: String(o.id),
    window,
    windowMs: durationMs(window) ?? 0,
    max: Number(o.max),
    cost: Object.fromEntries(Object.entries(asObject(o.cost) ?? {}).map(([m, n]) => [m.toUpperCase(), Number(n)])),
    partition: partition.length > 0 ? partition : ['user', 'operation'],
    error: String(o.error),
    retryAfter: retryAfterRule(o.retryAfter) ?? 'optional',
    probe: o.probe === 'opt-in' ? 'opt-in' : 'always',
  };
}

/** Folds `rateLimit.statuses` into the rate-limit error's status set (in place); the error's own status stays first. */
export function foldRateLimitStatuses(errors: Record<string, ErrorSpec>, x: Json): void {
  const r = asObject(x.rateLimit);
  const statuses = asArray(r?.statuses).map(Number);
  const error = errors[String(r?.error)];
  if (error === undefined || statuses.length === 0 || error.statuses !== undefined) return;
  error.statuses = [error.status, ...statuses.filter((s) => s !== error.status)];
}

/** `true` = always, `always | optional | never` as written; `false` and absent state nothing. */
export function retryAfterRule(v: unknown): RetryAfterRule | undefined {
  if (v === true) return 'always';
  return v === 'always' || v === 'optional' || v === 'never' ? v : undefined;
}

/** IETF style: each figure as `<field> <param>` (draft-ietf-httpapi-ratelimit-headers-10 §3.1 q, §4.1 r, §4.2 t). */
function ietfNames(h: Record<string, unknown>): RateHeaderNames {
  const policy = typeof h.policy === 'string' ? h.policy : 'RateLimit-Policy';
  const current = typeof h.current === 'string' ? h.current : 'RateLimit';
  const name = typeof h.name === 'string' ? h.name : undefined;
  const of = name === undefined ? '' : ` of "${name}"`;
  return {
    limit: `${policy} q${of}`,
    remaining: `${current} r${of}`,
    reset: `${current} t${of}`,
    style: 'ietf',
    ietf: { policy, current, ...(name === undefined ? {} : { name }) },
  };
}
