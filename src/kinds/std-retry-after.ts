/** std.retry-after: a Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
import { defineKind } from './kind.ts';

export const stdRetryAfter = defineKind({
  kind: 'std.retry-after',
  family: 'rate-limits',
  summary: 'a Retry-After field is delay-seconds (digits only) or an HTTP-date',
  needs: ['rateLimit'],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the 429 says Retry-After with a fraction ("30.0"), which no delay-seconds has',
      wrap: {
        retryAfter: (next) => (rt, d, now) => {
          const out = next(rt, d, now);
          return { ...out, header: `${out.seconds}.0` };
        },
      },
    },
  ],
});
