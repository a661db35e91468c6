/** std.bearer-invalid-token: a 401 for a presented bearer token says error="invalid_token" (RFC 6750 §3.1). */
import { defineKind } from './kind.ts';

export const stdBearerInvalidToken = defineKind({
  kind: 'std.bearer-invalid-token',
  family: 'standards',
  summary: 'the 401 for an unknown or revoked bearer token has error="invalid_token" in its Bearer challenge',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the Bearer challenge of a 401 for a presented token has no error attribute (realm only)',
      wrap: { challenge: (next) => (rt) => next(rt, false) },
    },
  ],
});
