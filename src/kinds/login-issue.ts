/** login.issue: login returns a token, an expiry in the future and the user. */
import { defineKind } from './kind.ts';

export const loginIssue = defineKind({
  kind: 'login.issue',
  family: 'login-tokens',
  summary: 'login returns a token, an expiry in the future and the user',
  needs: ['login'],
  fields: ['role'],
  defaultRole: 'login',
  covers: 'login-issued',
});
