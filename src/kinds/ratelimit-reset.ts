/** ratelimit.reset: Reset is in the documented unit, in the future and within the window, measured from the response Date. */
import { defineKind } from './kind.ts';

export const ratelimitReset = defineKind({
  kind: 'ratelimit.reset',
  family: 'rate-limits',
  summary: 'Reset is in the documented unit, in the future and within the window, measured from the response Date',
  needs: ['rateLimit', 'rateLimit.headers'],
  fields: ['operation', 'request', 'limit'],
  defaultRole: 'valid',
  defects: ({ contract: c }) => {
    const delta = c.rateLimit?.resetUnit === 'delta-seconds';
    return [
      {
        description: `the Reset header of non-429 responses is in ${delta ? 'epoch seconds instead of delta seconds' : 'delta seconds instead of epoch seconds'}`,
        // only responses that are not 429s: the 429's Reset (which retry-after and recovery checks
        // read) stays right, so only the reset requirement breaks
        wrap: {
          rateFigures: (next) => (rt, d, now) => {
            const f = next(rt, d, now);
            if (f === undefined || d.limited) return f;
            return { ...f, reset: delta ? Math.ceil(d.resetAt / 1000) : Math.max(0, Math.ceil((d.resetAt - now) / 1000)) };
          },
        },
      },
    ];
  },
});
