/** ratelimit.retry-after: the 429 carries a valid Retry-After that agrees with the body field and is not beyond the reset. */
import type { Contract, RetryAfterRule } from '../spec/contract.ts';
import type { Breakage } from '../mock/defect.ts';
import { errorPinsRemaining } from '../spec/rate-windows.ts';
import { defineKind } from './kind.ts';

/** The Retry-After rule of the limit the headers report (the one the probe exhausts), else the section's. */
function retryAfterOf(c: Contract): RetryAfterRule | undefined {
  const plan = c.rateLimit?.plans.find((p) => p.windows.length > 0);
  return plan?.windows.find((w) => w.headers)?.retryAfter ?? c.rateLimit?.retryAfter;
}

const HOUR_MS = 3_600_000;

export const ratelimitRetryAfter = defineKind({
  kind: 'ratelimit.retry-after',
  family: 'rate-limits',
  summary: 'the 429 carries a valid Retry-After that agrees with the body field and is not beyond the reset',
  needs: ['rateLimit'],
  fields: ['errors', 'operation', 'request', 'limit', 'as'],
  defaultRole: 'valid',
  defects: ({ contract: c }) => {
    const wrong: Breakage = c.rateLimit?.headers !== undefined
      ? {
          description: 'Retry-After (and the body field) point one hour beyond the window reset',
          wrap: { retryAfter: (next) => (rt, d, now) => next(rt, { ...d, resetAt: d.resetAt + HOUR_MS }, now) },
        }
      : {
          description: 'Retry-After is not a valid delay-seconds or HTTP-date value',
          wrap: { retryAfter: (next) => (rt, d, now) => ({ ...next(rt, d, now), header: 'soon' }) },
        };
    // optional Retry-After: its absence is a fault only beside a Remaining other than 0, which an
    // error pinning Remaining 0 (headerEquals) already forbids: then the first defect stands alone
    if (retryAfterOf(c) === 'optional' && errorPinsRemaining(c)) return [wrong];
    const missing: Breakage = retryAfterOf(c) === 'optional'
      ? {
          suffix: 'missing',
          description: 'the 429 carries no Retry-After (optional here) and reports Remaining 1 instead of 0',
          wrap: {
            retryAfter: (next) => (rt, d, now) => ({ seconds: next(rt, d, now).seconds }),
            rateFigures: (next) => (rt, d, now) => {
              const f = next(rt, d, now);
              return f && d.limited ? { ...f, remaining: 1 } : f;
            },
          },
        }
      : {
          suffix: 'missing',
          description: 'the 429 carries no Retry-After header',
          wrap: { retryAfter: (next) => (rt, d, now) => ({ seconds: next(rt, d, now).seconds }) },
        };
    return [wrong, missing];
  },
});
