/** ratelimit.per-key: while one key is limited, another key of the same tenant is accepted. */
import { defineKind } from './kind.ts';

export const ratelimitPerKey = defineKind({
  kind: 'ratelimit.per-key',
  family: 'rate-limits',
  summary: 'while one key is limited, another key of the same tenant is accepted',
  needs: ['rateLimit'],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  defects: () => [{ description: 'all keys of a tenant share one budget', wrap: { limiterKey: () => (_rt, record, tenant) => `t:${tenant ?? record.value}` } }],
});
