/**
 * The rate-limit stage of the pipeline: takes one request from the credential's budget (per
 * credential, or per tenant when the spec says limits are shared), writes the documented
 * Limit/Remaining/Reset headers, and answers 429 with Retry-After and the body field when over.
 */
import type { CredentialRecord } from './credentials.ts';
import type { RateDecision } from './rate-limiter.ts';
import type { HeaderBag, Reply } from './reply.ts';
import { errorReply, httpDate } from './reply.ts';
import type { Runtime } from './runtime.ts';

const HOUR_S = 3600;

function writeHeaders(rt: Runtime, d: RateDecision, now: number, headers: HeaderBag): void {
  // the reset-unit defect only touches responses that are not 429s: the 429's Reset (which
  // retry-after and recovery checks read) stays right, so only the reset requirement breaks
  const spec = rt.contract.rateLimit;
  const f = rt.faults;
  if (spec?.headers === undefined || f.rateHeadersOmitted) return;
  const limit = f.limitDoubled ? d.limit * 2 : d.limit;
  let remaining = f.remainingFrozen ? Math.max(0, d.limit - 1) : d.remaining;
  if (f.remainingAboveLimit) remaining += limit + 1;
  const epoch = (spec.resetUnit !== 'delta-seconds') !== (f.resetWrongUnit && !d.limited);
  const reset = epoch ? Math.ceil(d.resetAt / 1000) : Math.max(0, Math.ceil((d.resetAt - now) / 1000));
  headers[spec.headers.limit.toLowerCase()] = String(limit);
  headers[spec.headers.remaining.toLowerCase()] = String(remaining);
  headers[spec.headers.reset.toLowerCase()] = String(reset);
}

/** Counts the request of `record`; returns the decision, or undefined when the credential has no limit. */
export function takeRateLimit(rt: Runtime, record: CredentialRecord, tenant: string | undefined, now: number, headers: HeaderBag): RateDecision | undefined {
  const limits = rt.limits(record.plan);
  if (limits === undefined) return undefined;
  const perCredential = (rt.contract.rateLimit?.perCredential ?? true) && !rt.faults.sharedLimits;
  const key = perCredential ? `k:${record.value}` : `t:${tenant ?? record.value}`;
  const d = rt.state.limiter.take(key, limits, now, {
    never: rt.faults.neverLimit || rt.options.unlimited === true,
    sticky: rt.faults.stuckLimited,
  });
  writeHeaders(rt, d, now, headers);
  return d;
}

/** Headers for a response to an unauthenticated request, when the spec puts them on every response. */
export function anonymousRateHeaders(rt: Runtime, client: string, now: number, headers: HeaderBag): void {
  if (rt.contract.rateLimit?.on !== 'all' || rt.anonymousLimits === undefined) return;
  const d = rt.state.limiter.take(`a:${client}`, rt.anonymousLimits, now, { never: true, sticky: false });
  writeHeaders(rt, d, now, headers);
}

/** Replaces every value equal to the error's code (or a const of its schema) so the 429 no longer carries it. */
function dropCode(rt: Runtime, body: Record<string, unknown>): void {
  const spec = rt.errors.rateLimit;
  const props = (spec.schema?.properties ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [k, v] of Object.entries(body)) {
    const isConst = props[k] !== undefined && 'const' in (props[k] ?? {});
    if (v === spec.code || isConst) body[k] = typeof v === 'number' ? 0 : 'throttled';
  }
}

export function rateLimitedReply(rt: Runtime, d: RateDecision, now: number, headers: HeaderBag): Reply {
  const f = rt.faults;
  const spec = rt.errors.rateLimit;
  const field = rt.contract.rateLimit?.retryAfterField;
  let seconds = Math.max(1, Math.ceil((d.resetAt - now) / 1000));
  if (f.retryAfterBeyondReset) seconds += HOUR_S;
  if (!f.retryAfterMissing) {
    if (f.retryAfterInvalid) headers['retry-after'] = 'soon';
    else if (rt.variants.has('retry-after') && field === undefined) headers['retry-after'] = httpDate(d.resetAt + (f.retryAfterBeyondReset ? HOUR_S * 1000 : 0));
    else headers['retry-after'] = String(seconds);
  }
  const coded = spec.schema !== undefined || spec.code !== undefined;
  return errorReply(rt, spec, headers, {
    ...(field !== undefined ? { retryAfterS: seconds, retryAfterField: field } : {}),
    mutate: (body) => {
      if (f.rateErrorWrong && coded) dropCode(rt, body);
    },
    ...(f.rateErrorWrong && !coded ? { status: 503 } : {}),
  });
}
