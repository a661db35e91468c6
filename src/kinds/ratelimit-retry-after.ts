/** ratelimit.retry-after: the 429 carries a valid Retry-After that agrees with the body field and is not beyond the reset. */
import { defineKind } from './kind.ts';

export const ratelimitRetryAfter = defineKind({
  kind: 'ratelimit.retry-after',
  family: 'rate-limits',
  summary: 'the 429 carries a valid Retry-After that agrees with the body field and is not beyond the reset',
  needs: ['rateLimit'],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
});
