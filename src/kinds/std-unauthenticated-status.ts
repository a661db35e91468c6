/** std.unauthenticated-status: no credential or an unknown one gets 401, not 403, 404 or 2xx (RFC 9110 §11.4). */
import type { ErrorSpec } from '../spec/contract.ts';
import { defineKind } from './kind.ts';

export const stdUnauthenticatedStatus = defineKind({
  kind: 'std.unauthenticated-status',
  family: 'standards',
  summary: 'a request without a credential, or with an unknown one, gets 401 (not 403, 404 or 2xx)',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: ({ contract }) => {
    // the spec's own 403 (so a spec allowing it for a missing key still sees its documented body)
    const forbidden = (missing: ErrorSpec): ErrorSpec => Object.values(contract.errors).find((e) => e.status === 403) ?? { ...missing, status: 403 };
    return [
      {
        description: 'a request without a credential is answered 403 (the documented 403 error) instead of 401',
        wrap: { missing: () => (rt) => ({ kind: 'refused', error: forbidden(rt.errors.missing) }) },
      },
    ];
  },
});
