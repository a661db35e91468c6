/** ratelimit.limit: Limit equals the plan's per-minute number. */
import { defineKind } from './kind.ts';

export const ratelimitLimit = defineKind({
  kind: 'ratelimit.limit',
  family: 'rate-limits',
  summary: "Limit equals the plan's per-minute number",
  needs: ['rateLimit'],
  fields: ['operation', 'request', 'limit'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the Limit header reports twice the plan',
      wrap: {
        rateFigures: (next) => (rt, d, now) => {
          const f = next(rt, d, now);
          return f && { ...f, limit: f.limit * 2 };
        },
      },
    },
  ],
});
