/** std.ratelimit-policy-syntax: a RateLimit-Policy field, when present, follows draft-ietf-httpapi-ratelimit-headers-10 §3. */
import { defineKind } from './kind.ts';

export const stdRatelimitPolicySyntax = defineKind({
  kind: 'std.ratelimit-policy-syntax',
  family: 'standards',
  summary: 'a RateLimit-Policy field, when present, is an SF List of String items with q (and optional w, qu, pk)',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'every response carries RateLimit-Policy: default;q=100;w=60 (the policy name a Token, not a String)',
      wrap: { draftRateLimitFields: (next) => (rt) => ({ ...next(rt), 'ratelimit-policy': 'default;q=100;w=60' }) },
    },
  ],
});
