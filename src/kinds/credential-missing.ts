/** credential.missing: no credential at all, or the key in a header the spec does not document, gets one of the requirement's errors. */
import { defineKind } from './kind.ts';

export const credentialMissing = defineKind({
  kind: 'credential.missing',
  family: 'missing-credentials',
  summary: "no credential at all, or the key in a header the spec does not document, gets one of the requirement's errors",
  needs: [],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
});
