/** std.ratelimit-syntax: a RateLimit field, when present, follows draft-ietf-httpapi-ratelimit-headers-10 §4. */
import { defineKind } from './kind.ts';

export const stdRatelimitSyntax = defineKind({
  kind: 'std.ratelimit-syntax',
  family: 'standards',
  summary: 'a RateLimit field, when present, is an SF List of String items with r (and optional t, pk)',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'every response carries RateLimit: "default";r="99" (r a String, not an Integer)',
      wrap: { draftRateLimitFields: (next) => (rt) => ({ ...next(rt), ratelimit: '"default";r="99"' }) },
    },
  ],
});
