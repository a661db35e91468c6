/** std.bearer-insufficient-scope: the 403 for a bearer token lacking scope says error="insufficient_scope" (RFC 6750 §3.1). */
import { defineKind } from './kind.ts';

export const stdBearerInsufficientScope = defineKind({
  kind: 'std.bearer-insufficient-scope',
  family: 'standards',
  summary: 'the 403 for a bearer token lacking the scope has error="insufficient_scope" in its Bearer challenge',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'scoped',
  defects: () => [
    {
      description: 'the Bearer challenge of a scope refusal has no error attribute (realm only)',
      wrap: { scopeChallenge: (next) => (rt) => next(rt)?.replace(/, error="insufficient_scope"/, '') },
    },
  ],
});
