/**
 * ratelimit.partition: a limit is counted per its `partition` (mode, account, user...): while the
 * valid credential has exhausted it, the same operation with another credential of another
 * partition (the requirement's role, e.g. test_mode) is still accepted.
 */
import type { Breakage } from '../mock/defect.ts';
import { defineKind } from './kind.ts';

export const ratelimitPartition = defineKind({
  kind: 'ratelimit.partition',
  family: 'rate-limits',
  summary: 'while the valid key has exhausted a limit, a key of another partition (role) is accepted',
  needs: ['rateLimit'],
  fields: ['limit', 'role', 'operation', 'request'],
  defaultRole: 'test_mode',
  defects: (): Breakage[] => [
    {
      description: 'one counter for all partitions of a partitioned limit',
      wrap: { limitCounter: (next) => (rt, limit, parts) => (next(rt, limit, parts) === undefined ? undefined : `shared:${limit.id}`) },
    },
  ],
});
