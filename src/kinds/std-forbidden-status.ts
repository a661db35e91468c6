/** std.forbidden-status: a valid credential lacking permission gets 403, not 401 (RFC 9110 §15.5.4). */
import { defineKind } from './kind.ts';

export const stdForbiddenStatus = defineKind({
  kind: 'std.forbidden-status',
  family: 'standards',
  summary: 'a valid credential used where it lacks permission gets 403 (not 401), the same when repeated',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'scoped',
  defects: () => [
    {
      description: 'a scope refusal is answered as an authentication failure (the invalid-credential error, 401)',
      wrap: { scopeError: (next) => (rt, route, record) => (next(rt, route, record) === undefined ? undefined : rt.errors.invalid) },
    },
  ],
});
