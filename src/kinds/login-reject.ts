/** login.reject: a wrong password gets the login error. */
import { defineKind } from './kind.ts';

export const loginReject = defineKind({
  kind: 'login.reject',
  family: 'login-tokens',
  summary: 'a wrong password gets the login error',
  needs: ['login'],
  fields: ['errors', 'role'],
  defaultRole: 'login',
  defects: () => [{ description: 'a wrong password is accepted for a known email', wrap: { passwordMatches: () => () => true } }],
});
