/** std.429-retry-after: a 429 carries Retry-After (RFC 6585 §4: MAY, informational). */
import { defineKind } from './kind.ts';

export const std429RetryAfter = defineKind({
  kind: 'std.429-retry-after',
  family: 'rate-limits',
  summary: 'a 429 carries Retry-After (informational: RFC 6585 makes it optional)',
  needs: ['rateLimit'],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the 429 has no Retry-After field',
      wrap: {
        retryAfter: (next) => (rt, d, now) => {
          const { seconds } = next(rt, d, now);
          return { seconds };
        },
      },
    },
  ],
});
