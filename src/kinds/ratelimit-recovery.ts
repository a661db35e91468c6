/** ratelimit.recovery: after the reset the same key works again. */
import { defineKind } from './kind.ts';

export const ratelimitRecovery = defineKind({
  kind: 'ratelimit.recovery',
  family: 'rate-limits',
  summary: 'after the reset the same key works again',
  needs: ['rateLimit'],
  fields: ['operation', 'request', 'limit', 'as'],
  defaultRole: 'valid',
  // stateful: the limiter remembers a credential it refused
  defects: () => [
    { description: 'once limited, a credential stays limited after the window resets', wrap: { limiterMode: (next) => (rt) => ({ ...next(rt), sticky: true }) } },
  ],
});
