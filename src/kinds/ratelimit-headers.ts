/**
 * ratelimit.headers: Limit, Remaining and Reset are present, integers, 0 <= Remaining <= Limit; where the
 * docs name them, Used (used + remaining = limit) and Resource too.
 */
import type { Breakage } from '../mock/defect.ts';
import type { RateFigures } from '../mock/stages.ts';
import { defineKind } from './kind.ts';

/** A defect that edits the rate-limit figures of every response that carries them. */
function editFigures(suffix: string | undefined, description: string, edit: (f: RateFigures) => RateFigures): Breakage {
  return {
    ...(suffix === undefined ? {} : { suffix }),
    description,
    wrap: {
      rateFigures: (next) => (rt, d, now) => {
        const f = next(rt, d, now);
        return f && edit(f);
      },
    },
  };
}

export const ratelimitHeaders = defineKind({
  kind: 'ratelimit.headers',
  family: 'rate-limits',
  summary: 'Limit, Remaining and Reset are present, integers, 0 <= Remaining <= Limit',
  needs: ['rateLimit', 'rateLimit.headers'],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
  covers: 'rate-headers',
  defects: ({ contract: c }) => [
    editFigures(undefined, 'the Remaining header is reported above the Limit', (f) => ({ ...f, remaining: f.remaining + f.limit + 1 })),
    { suffix: 'omitted', description: 'rate-limit headers are omitted (also breaks the other header requirements)', wrap: { rateFigures: () => () => undefined } },
    // only where the docs name the optional headers
    ...(c.rateLimit?.headers?.used === undefined ? [] : [editFigures('used', 'the Used header is one more than Limit − Remaining', (f) => ({ ...f, used: f.used + 1 }))]),
    ...(c.rateLimit?.headers?.resource === undefined ? [] : [editFigures('resource', 'the Resource header is omitted', (f) => ({ ...f, resource: '' }))]),
  ],
});
