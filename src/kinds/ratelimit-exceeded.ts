/** ratelimit.exceeded: exhausting the limit gives 429 with the rate-limit error. */
import { defineKind } from './kind.ts';

export const ratelimitExceeded = defineKind({
  kind: 'ratelimit.exceeded',
  family: 'rate-limits',
  summary: 'exhausting the limit gives 429 with the rate-limit error',
  needs: ['rateLimit'],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  covers: 'rate-limited',
});
