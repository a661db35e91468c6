/**
 * The rate-limit stage of the pipeline: takes one request from the budgets it counts against (per
 * credential, or per tenant when the spec says limits are shared; a limit with a partition per its
 * own counter, limit-match.ts), writes the documented
 * Limit/Remaining/Reset headers, and answers 429 with Retry-After and the body field when over.
 */
import type { CredentialRecord } from './credentials.ts';
import type { Limits, RateDecision } from './rate-limiter.ts';
import type { SecondaryCaller } from './secondary-limits.ts';
import type { HeaderBag, Reply } from './reply.ts';
import { errorReply } from './reply.ts';
import type { Runtime } from './runtime.ts';
import { serializeItem } from '../http-auth/ratelimit-fields.ts';
import { requestWindows } from './limit-match.ts';

function writeHeaders(rt: Runtime, d: RateDecision, now: number, headers: HeaderBag): void {
  const names = rt.contract.rateLimit?.headers;
  const figures = rt.stages.rateFigures(rt, d, now);
  if (names === undefined || figures === undefined) return;
  if (names.ietf !== undefined) {
    // draft-ietf-httpapi-ratelimit-headers-10 §3 and §4: one item per field, named as the spec reads it
    const policy = names.ietf.name ?? 'default';
    headers[names.ietf.policy.toLowerCase()] = serializeItem(policy, { q: figures.limit, w: figures.window });
    headers[names.ietf.current.toLowerCase()] = serializeItem(policy, { r: figures.remaining, t: figures.reset });
    return;
  }
  headers[names.limit.toLowerCase()] = String(figures.limit);
  headers[names.remaining.toLowerCase()] = String(figures.remaining);
  headers[names.reset.toLowerCase()] = String(figures.reset);
  if (names.used !== undefined) headers[names.used.toLowerCase()] = String(figures.used);
  if (names.resource !== undefined && figures.resource !== '') headers[names.resource.toLowerCase()] = figures.resource;
}

/** Writes the headers of a budget without counting the request (a refusal before the count). */
function peekHeaders(rt: Runtime, key: string, limits: Limits, now: number, headers: HeaderBag, anonymous: boolean): void {
  const d = rt.state.limiter.take(key, limits, now, { never: true, sticky: false }, limits.windows.map((w) => w.id));
  writeHeaders(rt, anonymous ? { ...d, anonymous: true } : d, now, headers);
}

/**
 * A request over a secondary limit (rateLimit.secondary): its documented error, with Retry-After
 * where the limit gives one and the primary figures uncounted; undefined when within every limit
 * (its cost is then counted).
 */
export function secondaryLimitedReply(rt: Runtime, caller: SecondaryCaller, tenant: string | undefined, now: number, headers: HeaderBag): Reply | undefined {
  const limits = rt.stages.secondaryLimits(rt);
  if (limits.length === 0) return undefined;
  const refusal = rt.state.secondary.take(limits, caller, now, (l) => l.cost[caller.method] ?? 1);
  if (refusal === undefined) return undefined;
  const record = caller.record;
  const primary = record === undefined ? rt.anonymousLimits : rt.limits(record.plan);
  if (primary !== undefined) {
    const key = record === undefined ? `a:${caller.client}` : rt.stages.limiterKey(rt, record, tenant);
    peekHeaders(rt, key, primary, now, headers, record === undefined && rt.contract.rateLimit?.anonymous !== undefined);
  }
  const { error, retryAfter } = rt.stages.secondaryRefusal(rt, refusal, now);
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  return errorReply(rt, error, headers);
}

/** Counts the request of `record`; returns the decision, or undefined when the credential has no limit. */
export function takeRateLimit(rt: Runtime, record: CredentialRecord, tenant: string | undefined, now: number, headers: HeaderBag, operationId = ''): RateDecision | undefined {
  const all = rt.limits(record.plan);
  const method = rt.contract.operations.find((o) => o.operationId === operationId)?.method ?? '';
  const limits = all === undefined ? undefined : requestWindows(rt, all, { record, tenant, operationId, method });
  if (limits === undefined) return undefined;
  const exempt = rt.stages.exemptFrom(rt, operationId);
  const d = rt.state.limiter.take(rt.stages.limiterKey(rt, record, tenant), limits, now, rt.stages.limiterMode(rt), exempt);
  writeHeaders(rt, d, now, headers);
  return d;
}

/**
 * Headers for a response to an unauthenticated request, when the spec puts them on every response
 * (a refusal: counted against nothing when the spec declares an anonymous plan).
 */
export function anonymousRateHeaders(rt: Runtime, client: string, now: number, headers: HeaderBag): void {
  if (rt.contract.rateLimit?.on !== 'all' || rt.anonymousLimits === undefined) return;
  if (rt.contract.rateLimit.anonymous !== undefined) {
    peekHeaders(rt, `a:${client}`, rt.anonymousLimits, now, headers, true);
    return;
  }
  const d = rt.state.limiter.take(`a:${client}`, rt.anonymousLimits, now, { never: true, sticky: false });
  writeHeaders(rt, d, now, headers);
}

/**
 * Counts a request without any credential to a public operation against the anonymous plan
 * (rateLimit.anonymous), per client address; undefined when the spec declares no such plan.
 */
export function takeAnonymousLimit(rt: Runtime, client: string, now: number, headers: HeaderBag, operationId: string): RateDecision | undefined {
  if (rt.contract.rateLimit?.anonymous === undefined || rt.anonymousLimits === undefined) return undefined;
  const exempt = rt.stages.exemptFrom(rt, operationId);
  const d: RateDecision = { ...rt.state.limiter.take(`a:${client}`, rt.anonymousLimits, now, rt.stages.limiterMode(rt), exempt), anonymous: true };
  writeHeaders(rt, d, now, headers);
  return d;
}

export function rateLimitedReply(rt: Runtime, d: RateDecision, now: number, headers: HeaderBag): Reply {
  const field = rt.contract.rateLimit?.retryAfterField;
  const wait = rt.stages.retryAfter(rt, d, now);
  if (wait.header !== undefined) headers['retry-after'] = wait.header;
  const error = rt.stages.rateLimitedError(rt, d);
  return errorReply(rt, error.spec, headers, {
    ...(field !== undefined ? { retryAfterS: wait.seconds, retryAfterField: field } : {}),
    ...(error.mutate !== undefined ? { mutate: error.mutate } : {}),
    ...(error.status !== undefined ? { status: error.status } : {}),
  });
}
