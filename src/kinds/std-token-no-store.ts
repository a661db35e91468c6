/** std.token-no-store: a response carrying a token has `Cache-Control: no-store` (RFC 6749 §5.1). */
import { defineKind } from './kind.ts';

export const stdTokenNoStore = defineKind({
  kind: 'std.token-no-store',
  family: 'standards',
  summary: 'a login (token) response carries Cache-Control: no-store',
  needs: ['login'],
  fields: ['role'],
  defaultRole: 'login',
  defects: () => [{ description: 'the login response carries no Cache-Control field', wrap: { tokenCacheControl: () => () => undefined } }],
});
