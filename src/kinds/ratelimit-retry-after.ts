/** ratelimit.retry-after: the 429 carries a valid Retry-After that agrees with the body field and is not beyond the reset. */
import { defineKind } from './kind.ts';

const HOUR_MS = 3_600_000;

export const ratelimitRetryAfter = defineKind({
  kind: 'ratelimit.retry-after',
  family: 'rate-limits',
  summary: 'the 429 carries a valid Retry-After that agrees with the body field and is not beyond the reset',
  needs: ['rateLimit'],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  defects: ({ contract: c }) => [
    c.rateLimit?.headers !== undefined
      ? {
          description: 'Retry-After (and the body field) point one hour beyond the window reset',
          wrap: { retryAfter: (next) => (rt, d, now) => next(rt, { ...d, resetAt: d.resetAt + HOUR_MS }, now) },
        }
      : {
          description: 'Retry-After is not a valid delay-seconds or HTTP-date value',
          wrap: { retryAfter: (next) => (rt, d, now) => ({ ...next(rt, d, now), header: 'soon' }) },
        },
    {
      suffix: 'missing',
      description: 'the 429 carries no Retry-After header',
      wrap: { retryAfter: (next) => (rt, d, now) => ({ seconds: next(rt, d, now).seconds }) },
    },
  ],
});
