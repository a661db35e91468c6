/** key.indistinguishable: a revoked and an unknown key get the same status, documented code and JSON key set. */
import { defineKind } from './kind.ts';

export const keyIndistinguishable = defineKind({
  kind: 'key.indistinguishable',
  family: 'key-lifecycle',
  summary: 'a revoked and an unknown key get the same status, documented code and JSON key set',
  needs: [],
  fields: ['errors', 'role', 'operation'],
  defaultRole: 'revoked_expired',
  defects: () => [
    {
      description: 'the error body of a revoked key carries an extra "revoked": true field, telling it apart from an unknown key',
      wrap: {
        revocation: (next) => (rt, record, now) => {
          const out = next(rt, record, now);
          return out?.kind === 'refused' ? { ...out, extra: { revoked: true } } : out;
        },
      },
    },
  ],
});
