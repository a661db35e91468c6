/** std.bearer-attr-charset: error, error_description and scope of a Bearer challenge use RFC 6750 §3's characters. */
import { defineKind } from './kind.ts';

export const stdBearerAttrCharset = defineKind({
  kind: 'std.bearer-attr-charset',
  family: 'standards',
  summary: 'error, error_description and scope in a Bearer challenge use only the characters RFC 6750 §3 allows',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the Bearer challenge for a presented token adds a localized error_description with non-ASCII characters',
      wrap: {
        challenge: (next) => (rt, presented) =>
          next(rt, presented)?.replace('error="invalid_token"', presented ? 'error="invalid_token", error_description="Jeton invalide ou expiré"' : 'error="invalid_token"'),
      },
    },
  ],
});
