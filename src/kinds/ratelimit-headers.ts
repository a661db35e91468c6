/** ratelimit.headers: Limit, Remaining and Reset are present, integers, 0 <= Remaining <= Limit. */
import { defineKind } from './kind.ts';

export const ratelimitHeaders = defineKind({
  kind: 'ratelimit.headers',
  family: 'rate-limits',
  summary: 'Limit, Remaining and Reset are present, integers, 0 <= Remaining <= Limit',
  needs: ['rateLimit', 'rateLimit.headers'],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
  covers: 'rate-headers',
});
