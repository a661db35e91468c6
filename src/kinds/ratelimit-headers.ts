/**
 * ratelimit.headers: Limit, Remaining and Reset are present, integers, 0 <= Remaining <= Limit; where the
 * docs name them, Used (used + remaining = limit) and Resource too.
 */
import type { Contract } from '../spec/contract.ts';
import { editFigures } from './rate-figures-defect.ts';
import { defineKind } from './kind.ts';

/** Whether a requirement of the contract is of this kind. */
const stated = (c: Contract, kind: string): boolean => c.requirements.some((q) => q.kind === kind);

export const ratelimitHeaders = defineKind({
  kind: 'ratelimit.headers',
  family: 'rate-limits',
  summary: 'Limit, Remaining and Reset are present, integers, 0 <= Remaining <= Limit',
  needs: ['rateLimit', 'rateLimit.headers'],
  fields: ['operation', 'request', 'as'],
  defaultRole: 'valid',
  covers: 'rate-headers',
  defects: ({ contract: c, requirement: r }) => [
    editFigures(r, undefined, 'the Remaining header is reported above the Limit', (f) => ({ ...f, remaining: f.remaining + f.limit + 1 })),
    editFigures(r, 'omitted', 'rate-limit headers are omitted (also breaks the other header requirements)', () => undefined),
    // only where the docs name the optional headers and no ratelimit.used / ratelimit.resource requirement states them
    ...(c.rateLimit?.headers?.used === undefined || stated(c, 'ratelimit.used') ? [] : [editFigures(r, 'used', 'the Used header is one more than Limit − Remaining', (f) => ({ ...f, used: f.used + 1 }))]),
    ...(c.rateLimit?.headers?.resource === undefined || stated(c, 'ratelimit.resource') ? [] : [editFigures(r, 'resource', 'the Resource header is omitted', (f) => ({ ...f, resource: '' }))]),
  ],
});
