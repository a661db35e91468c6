/**
 * The conformant behaviour of every stage (stages.ts): what the documentation says the API does.
 * Defects wrap these (src/kinds/); nothing here knows about them.
 */
import { getAtPointer } from '../spec/json-pointer.ts';
import { anonymous } from './auth.ts';
import { httpDate, jsonReply, textReply } from './reply.ts';
import type { Stages } from './stages.ts';
import { challengeOf, scopeChallengeOf } from './challenge.ts';
import { alternativeStatus } from '../spec/status-set.ts';
import type { ResponseHeaderRule } from '../spec/contract.ts';
import { errorMessage } from './errors-body.ts';
import { lockoutNumbers } from './lockout.ts';
import { allLimits } from '../spec/rate-windows.ts';
import { partitionKey } from './limit-match.ts';

function mediaType(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

export const CONFORMANT: Stages = {
  anonymous,
  missing: (rt) => ({ kind: 'refused', error: rt.errors.missing }),
  malformed: (rt) => ({ kind: 'refused', error: rt.errors.invalid }),
  unknown: (rt) => ({ kind: 'refused', error: rt.errors.invalid }),
  graceMs: (rt) => rt.contract.rotation?.graceMs ?? 0,
  revocation: (rt, record, now) =>
    record.revokedAt !== undefined && now >= record.revokedAt + rt.stages.graceMs(rt) ? { kind: 'refused', error: rt.errors.rotation } : undefined,
  tokenExpiry: (rt, record, now) =>
    record.expiresAt !== undefined && now >= record.expiresAt ? { kind: 'refused', error: rt.errors.expiredToken } : undefined,
  credential: () => undefined,
  echoValue: (_rt, record) => record.prefix,
  limiterKey: (rt, record, tenant) => ((rt.contract.rateLimit?.perCredential ?? true) ? `k:${record.value}` : `t:${tenant ?? record.value}`),
  limiterMode: (rt) => ({ never: rt.options.unlimited === true, sticky: false }),
  exemptFrom: (rt, operationId) => [
    ...new Set([
      ...(rt.contract.operations.find((o) => o.operationId === operationId)?.exemptFrom ?? []),
      ...allLimits(rt.contract.rateLimit).flatMap((w) => (w.exempt?.includes(operationId) === true ? [w.id] : [])),
    ]),
  ],
  limitCounter: (_rt, limit, parts) => partitionKey(limit, parts),
  rateFigures: (rt, d, now) => {
    if (rt.contract.rateLimit?.headers === undefined) return undefined;
    const epoch = rt.contract.rateLimit.resetUnit !== 'delta-seconds';
    const reset = epoch ? Math.ceil(d.resetAt / 1000) : Math.max(0, Math.ceil((d.resetAt - now) / 1000));
    return { limit: d.limit, remaining: d.remaining, reset, used: d.limit - d.remaining, resource: d.resource, window: Math.round(d.windowMs / 1000) };
  },
  retryAfter: (rt, d, now) => {
    const seconds = Math.max(1, Math.ceil((d.resetAt - now) / 1000));
    // the limit (or the section) says its refusals carry none
    if ((d.retryAfter ?? rt.contract.rateLimit?.retryAfter) === 'never') return { seconds };
    // the retry-after variant writes an HTTP-date where no body field has to agree with it
    const date = rt.variants.has('retry-after') && rt.contract.rateLimit?.retryAfterField === undefined;
    return { seconds, header: date ? httpDate(d.resetAt) : String(seconds) };
  },
  rateLimitedError: (rt) => {
    const spec = rt.errors.rateLimit;
    // the variant takes the other documented status of "403 or 429"
    const other = rt.variants.has('rate-limit-status') ? alternativeStatus(spec) : undefined;
    return other === undefined ? { spec } : { spec, status: other };
  },
  admit: () => undefined,
  requiredHeaderError: (rt, headers) => {
    for (const rule of rt.requiredHeaders) {
      const sent = headers.get(rule.name);
      const ok = sent !== null && (rule.mediaType ? mediaType(sent) === mediaType(rule.value) : sent.trim() === rule.value);
      if (!ok) return rule.error;
    }
    return undefined;
  },
  organizationError: (rt, named, organizations) => (organizations.includes(named) ? undefined : rt.errors.organization),
  scopeError: (rt, route, record) => {
    const needed = route.operation.scopes;
    if (needed.length === 0 || record.scopes === undefined) return undefined;
    const granted = record.scopes;
    return needed.every((s) => granted.includes(s)) ? undefined : rt.errors.scopeFor(route.operation.operationId);
  },
  bindingError: (rt, binding, sent, record) => {
    const value = getAtPointer(sent, binding.pointer);
    if (value === undefined) return undefined;
    const allowed = record.attributes[binding.attribute] ?? [];
    return allowed.includes(String(value)) ? undefined : rt.errors.byId(binding.error, 403);
  },
  visible: (_rt, item, tenant, mode) => (item.tenant === undefined || item.tenant === tenant) && (item.mode === undefined || mode === undefined || item.mode === mode),
  success: (rt, route, _p, status, body, headers, schema) => {
    const m = route.mock;
    // a static body documented in a non-JSON media type (text/plain) is served as it is
    if (m?.respond === 'static' && m.contentType !== undefined && !/json/i.test(m.contentType)) return textReply(rt, status, String(body), m.contentType, headers);
    return jsonReply(rt, status, body, headers, schema);
  },
  passwordMatches: (_rt, user, password) => password === user.password,
  loginClaims: (_rt, claims) => claims,
  plainListener: () => 'refuse',
  challenge: (rt, presented) => challengeOf(rt.contract, presented),
  scopeChallenge: (rt) => scopeChallengeOf(rt.contract),
  tokenCacheControl: () => 'no-store',
  refusalDelayMs: () => 0,
  dateField: (_rt, ms) => httpDate(ms),
  queryCredential: () => undefined,
  loginRefusal: (rt) => ({ error: rt.errors.login }),
  draftRateLimitFields: () => ({}),
  lockoutAfter: (rt) => lockoutNumbers(rt.contract, rt.mock)?.after,
  lockoutLastsMs: (rt) => lockoutNumbers(rt.contract, rt.mock)?.lastsMs ?? 0,
  refusedPrefix: (rt, value) => {
    const refused = (rt.contract.keyFormat.refused ?? []).find((p) => value.startsWith(p.prefix));
    return refused === undefined ? undefined : rt.errors.byId(refused.error, 401);
  },
  errorText: (rt, spec) => spec.message ?? errorMessage(spec, rt.variants.has('messages')),
  responseHeaderValue: (_rt, rule, status) => (ruleApplies(rule.on, status) ? (rule.example ?? 'authconform-mock') : undefined),
  refusedScheme: (rt, refused) => ({ kind: 'refused', error: rt.errors.byId(refused.error, 401) }),
  refusedPlacement: (rt, placement) => ({ kind: 'refused', error: rt.errors.byId(placement.error, 400) }),
  publicAccess: () => undefined,
  hidden: (_rt, notFound) => ({ error: notFound }),
  secondaryLimits: (rt) => rt.contract.rateLimit?.secondary ?? [],
  secondaryRefusal: (rt, { limit, resetAt }, now) => {
    const error = rt.errors.byId(limit.error, 429);
    // optional: the mock sends it (the faithful choice); never: it does not
    if (limit.retryAfter === 'never') return { error };
    return { error, retryAfter: String(Math.max(1, Math.ceil((resetAt - now) / 1000))) };
  },
};

/** Whether a response-header rule names responses of this status (accepted: below 400). */
export function ruleApplies(on: ResponseHeaderRule['on'], status: number): boolean {
  if (on === 'all') return true;
  if (on === 'accepted') return status < 400;
  if (on === 'errors') return status >= 400;
  return on.includes(status);
}
