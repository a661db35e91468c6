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
  defects: ({ contract: c }) =>
    c.login?.organizationPointer !== undefined
      ? [
          {
            description: 'the login response carries an empty organization id for the user',
            wrap: { loginClaims: (next) => (rt, claims, now) => {
              const out = next(rt, claims, now);
              return out.organization !== undefined ? { ...out, organization: '' } : out;
            } },
          },
        ]
      : [
          {
            description: 'the login response reports an expiry in the past',
            wrap: { loginClaims: (next) => (rt, claims, now) => ({ ...next(rt, claims, now), expiresAt: now - 60_000 }) },
          },
        ],
});
