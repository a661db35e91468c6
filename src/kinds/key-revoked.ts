/** key.revoked: a key revoked more than the grace window ago gets the rotation error. */
import { defineKind } from './kind.ts';

export const keyRevoked = defineKind({
  kind: 'key.revoked',
  family: 'key-lifecycle',
  summary: 'a key revoked more than the grace window ago gets the rotation error',
  needs: ['rotation'],
  fields: ['errors', 'role', 'operation'],
  defaultRole: 'revoked_expired',
  covers: 'revoked-refused',
});
