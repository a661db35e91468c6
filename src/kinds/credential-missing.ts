/** credential.missing: no credential at all, or the key in a header the spec does not document, gets one of the requirement's errors. */
import { defineKind } from './kind.ts';
import { statusOutside } from '../spec/status-set.ts';

export const credentialMissing = defineKind({
  kind: 'credential.missing',
  family: 'missing-credentials',
  summary: "no credential at all, or the key in a header the spec does not document, gets one of the requirement's errors",
  needs: [],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  defects: ({ errors }) => {
    const same = errors.invalid.status === errors.missing.status && errors.invalid.code === errors.missing.code;
    const wrong = statusOutside(errors.missing);
    const other = same ? `status ${wrong}` : `the invalid-credential error (${errors.invalid.id})`;
    return [
      { description: 'requests with no credential header at all are served as if authenticated', wrap: { missing: () => (rt) => rt.stages.anonymous(rt) } },
      {
        suffix: 'wrong-error',
        description: `requests with no credential are answered with ${other} instead of the documented error`,
        wrap: { missing: () => (rt) => ({ kind: 'refused', error: same ? { id: 'forbidden', status: wrong } : rt.errors.invalid }) },
      },
    ];
  },
});
