/**
 * A 429 met by a probe outside the rate-limit family is still held to the documented rate-limit
 * error or a secondary limit's (body and required headers), the documented rate-limit headers (on responses to
 * credentials, or on all when documented so) and, when documented, a valid Retry-After.
 */
import type { Contract, ErrorSpec } from '../../spec/contract.ts';
import { isStrictRetryAfter } from '../../transport/http-date.ts';
import type { ProbeRequest } from '../../transport/types.ts';
import type { ProbeContext } from '../model.ts';
import { checkOneOf } from '../expect-error.ts';
import { statusMatches } from '../../spec/status-set.ts';
import { requestLabel } from '../request-label.ts';
import { headerValue } from './figures.ts';

/** The documented 429 errors: the rate-limit section's error, else every error with status 429. */
export function rateLimitErrors(contract: Contract): ErrorSpec[] {
  const id = contract.rateLimit?.error;
  const documented = id === undefined ? undefined : contract.errors[id];
  if (documented) return [documented];
  return Object.values(contract.errors).filter((e) => statusMatches(e, 429));
}

/** Whether a credential (one of the request's secrets) travels in its headers. */
function carriesCredential(req: ProbeRequest): boolean {
  const values = Object.values(req.headers);
  return (req.secrets ?? []).some((s) => s !== '' && values.some((v) => v.includes(s)));
}

/** One line per 429 of the case that does not match the documentation. */
export function strayRateLimitProblems(ctx: Pick<ProbeContext, 'contract' | 'exchanges'>): string[] {
  // a secondary limit's refusal is documented too (its own error, rateLimit.secondary[].error)
  const secondary = (ctx.contract.rateLimit?.secondary ?? []).flatMap((l) => ctx.contract.errors[l.error] ?? []);
  const specs = [...rateLimitErrors(ctx.contract), ...secondary];
  const out: string[] = [];
  for (const ex of ctx.exchanges) {
    const res = ex.response;
    if (res?.status !== 429) continue;
    const problems: string[] = [];
    if (specs.length > 0) {
      const match = checkOneOf(res, specs);
      if (!match.ok) problems.push(...match.mismatches);
    }
    const names = ctx.contract.rateLimit?.headers;
    if (names !== undefined && (ctx.contract.rateLimit?.on === 'all' || carriesCredential(ex.request))) {
      for (const name of [names.limit, names.remaining, names.reset]) {
        if (headerValue(res, name) === undefined) problems.push(`no ${name} header`);
      }
    }
    if (ctx.contract.rateLimit?.retryAfter === 'always') {
      const value = res.headers['retry-after'];
      if (value === undefined) problems.push('no Retry-After header');
      else if (!isStrictRetryAfter(value.trim())) problems.push(`Retry-After ${value} is neither delay-seconds nor an HTTP-date`);
    }
    if (problems.length > 0) {
      out.push(`429 for ${requestLabel(ex.request)} does not match the documented rate-limit error: ${problems.join('; ')}`);
    }
  }
  return out;
}
