/** credential.formats: every scheme listed for the operation works with its credential (API key or login token). */
import { defineKind } from './kind.ts';

export const credentialFormats = defineKind({
  kind: 'credential.formats',
  family: 'valid-credentials',
  summary: 'every scheme listed for the operation works with its credential (API key or login token)',
  needs: [],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
});
