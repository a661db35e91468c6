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
  defects: () => [
    {
      description: 'test-mode keys are refused with the invalid-credential error (after the key was identified: echo headers still sent)',
      wrap: { admit: (next) => (rt, record, operationId) => (record.test ? rt.errors.invalid : next(rt, record, operationId)) },
    },
  ],
});
