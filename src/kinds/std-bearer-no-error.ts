/** std.bearer-no-error: the Bearer challenge answering a request with no credential has no error attribute (RFC 6750 §3.1). */
import { defineKind } from './kind.ts';

export const stdBearerNoError = defineKind({
  kind: 'std.bearer-no-error',
  family: 'standards',
  summary: 'the Bearer challenge answering a request without a credential has no error, error_description or error_uri',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the Bearer challenge says error="invalid_token" also when no credential was sent',
      wrap: { challenge: (next) => (rt) => next(rt, true) },
    },
  ],
});
