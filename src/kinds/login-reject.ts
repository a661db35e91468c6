/** login.reject: a wrong password gets the login error. */
import { defineKind } from './kind.ts';

export const loginReject = defineKind({
  kind: 'login.reject',
  family: 'login-tokens',
  summary: 'a wrong password gets the login error',
  needs: ['login'],
  fields: ['errors', 'role'],
  defaultRole: 'login',
});
