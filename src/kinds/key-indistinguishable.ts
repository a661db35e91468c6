/** key.indistinguishable: a revoked and an unknown key get the same status, documented code and JSON key set. */
import { defineKind } from './kind.ts';

export const keyIndistinguishable = defineKind({
  kind: 'key.indistinguishable',
  family: 'key-lifecycle',
  summary: 'a revoked and an unknown key get the same status, documented code and JSON key set',
  needs: [],
  fields: ['errors', 'role', 'operation'],
  defaultRole: 'revoked_expired',
});
