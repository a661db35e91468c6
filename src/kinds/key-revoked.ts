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
  defects: () => [
    {
      description: 'keys revoked while the server runs (control API) keep working past the grace window (stale revocation cache); seeded revocations still apply',
      wrap: { revocation: (next) => (rt, record, now) => (record.revokedBy === 'control' ? undefined : next(rt, record, now)) },
    },
    { suffix: 'never', description: 'revoked keys never stop working (also breaks key.indistinguishable)', wrap: { revocation: () => () => undefined } },
  ],
});
