/** ratelimit.reset: Reset is in the documented unit, in the future and within the window, measured from the response Date. */
import { defineKind } from './kind.ts';

export const ratelimitReset = defineKind({
  kind: 'ratelimit.reset',
  family: 'rate-limits',
  summary: 'Reset is in the documented unit, in the future and within the window, measured from the response Date',
  needs: ['rateLimit', 'rateLimit.headers'],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
});
