/** credential.accepted: the role credential (default valid) in its documented placement on the operation gets one of operation.acceptStatuses; a 2xx body validates against the success schema. */
import { defineKind } from './kind.ts';

export const credentialAccepted = defineKind({
  kind: 'credential.accepted',
  family: 'valid-credentials',
  summary: 'the role credential (default valid) in its documented placement on the operation gets one of operation.acceptStatuses; a 2xx body validates against the success schema',
  needs: [],
  fields: ['role', 'operation', 'request'],
  defaultRole: 'valid',
  covers: 'accepted',
});
