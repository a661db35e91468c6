/**
 * credential.refused-prefix: a real key of a documented but refused kind (keyFormat.refused, e.g. a
 * publishable `pk_live_` key on a secret-key endpoint) gets the refused prefix's documented error.
 */
import { defineKind } from './kind.ts';

export const credentialRefusedPrefix = defineKind({
  kind: 'credential.refused-prefix',
  family: 'invalid-credentials',
  summary: 'a key of a documented but refused prefix (keyFormat.refused) gets its documented error',
  needs: [],
  fields: ['errors', 'role', 'operation', 'request'],
  defaultRole: 'publishable',
  covers: 'refused-prefix',
  defects: ({ requirement: r }) => [
    {
      description: `keys of the refused prefix of role ${r.role} are accepted like secret keys`,
      wrap: {
        refusedPrefix: (next) => (rt, value) => {
          const refused = (rt.contract.keyFormat.refused ?? []).find((p) => value.startsWith(p.prefix));
          return refused?.role === r.role ? undefined : next(rt, value);
        },
      },
    },
  ],
});
