/** credential.test-mode: the test_mode credential is accepted. */
import { defineKind } from './kind.ts';

export const credentialTestMode = defineKind({
  kind: 'credential.test-mode',
  family: 'valid-credentials',
  summary: 'the test_mode credential is accepted',
  needs: [],
  fields: ['role', 'operation', 'request'],
  defaultRole: 'test_mode',
  covers: 'accepted',
});
