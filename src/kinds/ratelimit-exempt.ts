/**
 * ratelimit.exempt: the operation (`operation`) does not count against the limit (`limit`): the
 * limit's `exempt` list, or the operation's `x-authconform.rateLimit.exemptFrom` (one model, two
 * spellings). With rate-limit headers reporting that limit: Remaining falls by exactly one over a
 * request to the exempt operation and one counted request; without: while the limit is exhausted,
 * the exempt operation is still accepted.
 */
import type { Breakage } from '../mock/defect.ts';
import { defineKind } from './kind.ts';

export const ratelimitExempt = defineKind({
  kind: 'ratelimit.exempt',
  family: 'rate-limits',
  summary: 'requests to an exempt operation neither count against the limit nor are refused by it',
  needs: ['rateLimit'],
  fields: ['limit', 'operation', 'request'],
  defaultRole: 'valid',
  defects: (): Breakage[] => [{ description: 'requests to operations documented as exempt count against the limit', wrap: { exemptFrom: () => () => [] } }],
});
