/**
 * credential.refused-placement: the valid key in a place the docs say is refused
 * (x-authconform.refusedPlacements: a query parameter, a cookie or another header), with no
 * credential where the schemes put it, gets one of the requirement's errors.
 */
import { defineKind } from './kind.ts';

export const credentialRefusedPlacement = defineKind({
  kind: 'credential.refused-placement',
  family: 'missing-credentials',
  summary: 'the valid key in a place the docs refuse (refusedPlacements), and none where the schemes put it, gets one of the errors',
  needs: ['refusedPlacements'],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'a key in a refused place (refusedPlacements) is honoured',
      wrap: {
        refusedPlacement: (next) => (rt, placement, value) => {
          const record = rt.state.lookup(value);
          return record !== undefined ? { kind: 'ok', record, anonymous: false } : next(rt, placement, value);
        },
      },
    },
  ],
});
