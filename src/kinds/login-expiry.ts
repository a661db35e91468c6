/** login.expiry: an expired token gets the expired-token error. */
import { defineKind } from './kind.ts';

export const loginExpiry = defineKind({
  kind: 'login.expiry',
  family: 'login-tokens',
  summary: 'an expired token gets the expired-token error',
  needs: ['login'],
  fields: ['errors', 'role', 'operation', 'request'],
  defaultRole: 'expired_token',
  defects: () => [{ description: 'login tokens never expire', wrap: { tokenExpiry: () => () => undefined } }],
});
