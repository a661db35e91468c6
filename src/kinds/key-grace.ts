/** key.grace: a key revoked less than the grace window ago is accepted. */
import { defineKind } from './kind.ts';

export const keyGrace = defineKind({
  kind: 'key.grace',
  family: 'key-lifecycle',
  summary: 'a key revoked less than the grace window ago is accepted',
  needs: ['rotation'],
  fields: ['role', 'operation'],
  defaultRole: 'revoked_in_grace',
  defects: () => [{ description: 'the rotation grace window is zero: revoked keys stop working at once', wrap: { graceMs: () => () => 0 } }],
});
