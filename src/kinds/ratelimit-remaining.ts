/** ratelimit.remaining: Remaining falls by exactly one per sequential request. */
import type { Breakage } from '../mock/defect.ts';
import { defineKind } from './kind.ts';
import { exemptionStated } from '../spec/rate-windows.ts';
import { editFigures } from './rate-figures-defect.ts';

export const ratelimitRemaining = defineKind({
  kind: 'ratelimit.remaining',
  family: 'rate-limits',
  summary: 'Remaining falls by exactly one per sequential request',
  needs: ['rateLimit', 'rateLimit.headers'],
  fields: ['operation', 'request', 'limit', 'as'],
  defaultRole: 'valid',
  defects: ({ contract: c, requirement: r }): Breakage[] => [
    editFigures(r, undefined, 'the Remaining header never decreases', (f, d) => ({ ...f, remaining: Math.max(0, d.limit - 1) })),
    // only where the docs name operations that do not count, and no ratelimit.exempt requirement states it
    ...(c.operations.some((o) => o.exemptFrom !== undefined) && !exemptionStated(c.requirements)
      ? [{ suffix: 'exempt-counted', description: 'requests to operations documented as exempt count against the limit', wrap: { exemptFrom: () => () => [] } }]
      : []),
  ],
});
