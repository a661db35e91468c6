/** sec.login-password-exact: the password is verified exactly as received (ASVS 5.0 V6.2.8). */
import { defineKind } from './kind.ts';

export const secLoginPasswordExact = defineKind({
  kind: 'sec.login-password-exact',
  family: 'security',
  summary: 'a login with an altered password (case flipped, last character changed, cut, appended) is refused',
  needs: ['login'],
  fields: ['role'],
  defaultRole: 'login',
  covers: 'password-refused',
  defects: () => [
    {
      description: 'passwords are compared case-insensitively',
      wrap: { passwordMatches: () => (_rt, user, password) => password.toLowerCase() === user.password.toLowerCase() },
    },
  ],
});
