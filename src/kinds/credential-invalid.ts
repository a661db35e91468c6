/** credential.invalid: unknown, wrong-prefix, truncated and altered keys, and wrong scheme words, get one of the requirement's errors; a padded valid key is accepted or refused as invalid. */
import { defineKind } from './kind.ts';

export const credentialInvalid = defineKind({
  kind: 'credential.invalid',
  family: 'invalid-credentials',
  summary: "unknown, wrong-prefix, truncated and altered keys, and wrong scheme words, get one of the requirement's errors; a padded valid key is accepted or refused as invalid",
  needs: [],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  covers: 'unknown-refused',
});
