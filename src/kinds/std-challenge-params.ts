/** std.challenge-params: no auth-param name occurs twice in one challenge (RFC 9110 §11.2). */
import { defineKind } from './kind.ts';

export const stdChallengeParams = defineKind({
  kind: 'std.challenge-params',
  family: 'standards',
  summary: 'each auth-param name occurs at most once per challenge (names compared case-insensitively)',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the first challenge of a 401 repeats its realm as "Realm" (same name, other case)',
      wrap: { challenge: (next) => (rt, presented) => next(rt, presented)?.replace(/realm="([^"]*)"/, 'realm="$1", Realm="$1"') },
    },
  ],
});
