/** sec.login-no-enumeration: a wrong password and an unknown account are refused alike (ASVS 5.0 V6.3.8). */
import { defineKind } from './kind.ts';

export const secLoginNoEnumeration = defineKind({
  kind: 'sec.login-no-enumeration',
  family: 'security',
  summary: 'a wrong password for a known account and a login of an unknown account get the same answer',
  needs: ['login'],
  fields: ['role'],
  defaultRole: 'login',
  defects: () => [
    {
      description: 'the refusal of a login whose email names no account adds "reason": "no such account"',
      wrap: {
        loginRefusal: (next) => (rt, user) => {
          const out = next(rt, user);
          return user !== undefined ? out : { ...out, extra: { ...out.extra, reason: 'no such account' } };
        },
      },
    },
  ],
});
