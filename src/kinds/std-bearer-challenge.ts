/** std.bearer-challenge: a bearer-protected operation's 401s and scope 403s carry a Bearer challenge with an auth-param (RFC 6750 §3). */
import { defineKind } from './kind.ts';

const renamed = (field: string | undefined): string | undefined => field?.replace(/\bBearer\b/g, 'Token');

export const stdBearerChallenge = defineKind({
  kind: 'std.bearer-challenge',
  family: 'standards',
  summary: 'the 401s and the scope 403 of a bearer-protected operation carry a Bearer challenge with at least one auth-param',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the challenges name the scheme "Token" instead of "Bearer"',
      wrap: { challenge: (next) => (rt, presented) => renamed(next(rt, presented)), scopeChallenge: (next) => (rt) => renamed(next(rt)) },
    },
  ],
});
