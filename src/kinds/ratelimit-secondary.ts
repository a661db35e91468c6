/**
 * ratelimit.secondary: over a limit no header reports (rateLimit.secondary), requests get that
 * limit's error (status set and documented message), with Retry-After as the limit says.
 */
import { defineKind } from './kind.ts';

export const ratelimitSecondary = defineKind({
  kind: 'ratelimit.secondary',
  family: 'rate-limits',
  summary: "over a secondary limit (no header reports it), requests get that limit's documented error",
  needs: ['rateLimit', 'rateLimit.secondary'],
  fields: ['errors', 'operation', 'request', 'limit'],
  defaultRole: 'valid',
  defects: ({ errors }) => [
    { description: 'no secondary limit is enforced', wrap: { secondaryLimits: () => () => [] } },
    {
      suffix: 'primary-like',
      description: 'over the secondary limit, the server answers the primary rate-limit error (Remaining 0) instead',
      wrap: { secondaryRefusal: (next) => (rt, refusal, now) => ({ ...next(rt, refusal, now), error: errors.rateLimit }) },
    },
  ],
});
