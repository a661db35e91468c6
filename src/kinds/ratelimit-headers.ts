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
  defects: () => [
    {
      description: 'the Remaining header is reported above the Limit',
      wrap: {
        rateFigures: (next) => (rt, d, now) => {
          const f = next(rt, d, now);
          return f && { ...f, remaining: f.remaining + f.limit + 1 };
        },
      },
    },
    { suffix: 'omitted', description: 'rate-limit headers are omitted (also breaks the other header requirements)', wrap: { rateFigures: () => () => undefined } },
  ],
});
