/**
 * Tells a rate-limit refusal from an authorization one: some servers answer 403 when a client is
 * throttled (GitHub, @fastify/rate-limit's `ban`). A response is rate-limit shaped when it carries
 * Retry-After, a Remaining of 0 (the contract's header name or the common ones), or an IETF
 * `RateLimit` field with `r=0` (draft ≥ 8) / `remaining=0` (draft 7), or every header value the
 * rate-limit error pins (`headerEquals`, e.g. GitHub's `x-ratelimit-remaining: 0` on a 403).
 */
import type { Contract } from '../../spec/contract.ts';
import type { ProbeResponse } from '../../transport/types.ts';
import { headerEqualsMismatches } from '../expect-error.ts';

const COMMON_REMAINING = ['x-ratelimit-remaining', 'ratelimit-remaining'];

/** The signals found, as "Name: value" (names as documented or common); [] when none. */
export function rateLimitSignals(res: Pick<ProbeResponse, 'headers'>, contract?: Pick<Contract, 'rateLimit' | 'errors'>): string[] {
  const out: string[] = [];
  const error = contract?.rateLimit === undefined ? undefined : contract.errors[contract.rateLimit.error];
  if (error?.headerEquals !== undefined && headerEqualsMismatches(res, error).length === 0) {
    out.push(...Object.entries(error.headerEquals).map(([name, value]) => `${name}: ${value}`));
  }
  const retryAfter = res.headers['retry-after'];
  if (retryAfter !== undefined) out.push(`Retry-After: ${retryAfter}`);
  const names = new Set<string>(COMMON_REMAINING);
  const documented = contract?.rateLimit?.headers?.remaining;
  if (documented !== undefined) names.add(documented.toLowerCase());
  for (const name of names) {
    const value = res.headers[name];
    if (value !== undefined && /^\s*0\s*(,|$)/.test(value)) out.push(`${name}: ${value}`);
  }
  const field = res.headers['ratelimit'];
  if (field !== undefined && /(^|[;,\s])(r|remaining)\s*=\s*0(?![\d.])/.test(field)) out.push(`RateLimit: ${field}`);
  return [...new Set(out)];
}

/** True for a 403 that is really a rate limit. */
export function isRateLimited403(res: Pick<ProbeResponse, 'status' | 'headers'>, contract?: Pick<Contract, 'rateLimit' | 'errors'>): boolean {
  return res.status === 403 && rateLimitSignals(res, contract).length > 0;
}
