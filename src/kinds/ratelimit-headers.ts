/**
 * ratelimit.headers: Limit, Remaining and Reset are present, integers, 0 <= Remaining <= Limit; where the
 * docs name them, Used (used + remaining = limit) and Resource too.
 */
import type { RateDecision } from '../mock/rate-limiter.ts';
import type { Runtime } from '../mock/runtime.ts';
import type { Stages } from '../mock/stages.ts';
import { defineKind } from './kind.ts';

type RateFiguresStage = Stages['rateFigures'];

export const ratelimitHeaders = defineKind({
  kind: 'ratelimit.headers',
  family: 'rate-limits',
  summary: 'Limit, Remaining and Reset are present, integers, 0 <= Remaining <= Limit',
  needs: ['rateLimit', 'rateLimit.headers'],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
  covers: 'rate-headers',
  defects: ({ contract: c }) => [
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
    // only where the docs name the optional headers
    ...(c.rateLimit?.headers?.used === undefined
      ? []
      : [
          {
            suffix: 'used',
            description: 'the Used header is one more than Limit − Remaining',
            wrap: { rateFigures: (next: RateFiguresStage) => (rt: Runtime, d: RateDecision, now: number) => {
              const f = next(rt, d, now);
              return f && { ...f, used: f.used + 1 };
            } },
          },
        ]),
    ...(c.rateLimit?.headers?.resource === undefined
      ? []
      : [
          {
            suffix: 'resource',
            description: 'the Resource header is omitted',
            wrap: { rateFigures: (next: RateFiguresStage) => (rt: Runtime, d: RateDecision, now: number) => {
              const f = next(rt, d, now);
              return f && { ...f, resource: '' };
            } },
          },
        ]),
  ],
});
