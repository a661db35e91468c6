/** ratelimit.limit: Limit equals the plan's per-minute number. */
import { defineKind } from './kind.ts';
import { editFigures } from './rate-figures-defect.ts';

export const ratelimitLimit = defineKind({
  kind: 'ratelimit.limit',
  family: 'rate-limits',
  summary: "Limit equals the plan's per-minute number",
  needs: ['rateLimit'],
  fields: ['operation', 'request', 'limit', 'as'],
  defaultRole: 'valid',
  defects: ({ requirement: r }) => [editFigures(r, undefined, 'the Limit header reports twice the plan', (f) => ({ ...f, limit: f.limit * 2 }))],
});
