/** ratelimit.reset: Reset is in the documented unit, in the future and within the window, measured from the response Date. */
import { defineKind } from './kind.ts';
import { editFigures } from './rate-figures-defect.ts';

export const ratelimitReset = defineKind({
  kind: 'ratelimit.reset',
  family: 'rate-limits',
  summary: 'Reset is in the documented unit, in the future and within the window, measured from the response Date',
  needs: ['rateLimit', 'rateLimit.headers'],
  fields: ['operation', 'request', 'limit', 'as'],
  defaultRole: 'valid',
  defects: ({ contract: c, requirement: r }) => {
    const delta = c.rateLimit?.resetUnit === 'delta-seconds';
    return [
      // only responses that are not 429s: the 429's Reset (which retry-after and recovery checks
      // read) stays right, so only the reset requirement breaks
      editFigures(r, undefined, `the Reset header of non-429 responses is in ${delta ? 'epoch seconds instead of delta seconds' : 'delta seconds instead of epoch seconds'}`, (f, d, now) =>
        d.limited ? f : { ...f, reset: delta ? Math.ceil(d.resetAt / 1000) : Math.max(0, Math.ceil((d.resetAt - now) / 1000)) },
      ),
    ];
  },
});
