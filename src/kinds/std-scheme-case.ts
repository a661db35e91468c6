/** std.scheme-case: the auth-scheme name is matched case-insensitively (`bearer`, `BEARER` work as `Bearer`). */
import { defineKind } from './kind.ts';

export const stdSchemeCase = defineKind({
  kind: 'std.scheme-case',
  family: 'standards',
  summary: 'the authentication scheme name is matched case-insensitively',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the scheme word is matched case-sensitively: "bearer" or "BEARER" is refused as an invalid credential',
      wrap: {
        credential: (next) => (rt, record, scheme, headers, now) => {
          const sent = scheme?.type === 'bearer' ? headers.get(scheme.header)?.trim() : undefined;
          if (sent !== undefined && !sent.startsWith('Bearer ')) return { kind: 'refused', error: rt.errors.invalid };
          return next(rt, record, scheme, headers, now);
        },
      },
    },
  ],
});
