/** std.429-details: a 429 explains the condition in its representation (RFC 6585 §4). */
import { defineKind } from './kind.ts';

export const std429Details = defineKind({
  kind: 'std.429-details',
  family: 'rate-limits',
  summary: 'a 429 carries a representation explaining the condition (words, not only a status or code)',
  needs: ['rateLimit'],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: ({ errors }) => [
    {
      description: 'the 429 body holds the documented code and nothing explaining it: every text of words repeats the code instead',
      wrap: {
        rateLimitedError: (next) => (rt) => {
          const out = next(rt);
          const code = String(out.spec.code ?? errors.rateLimit.code ?? out.spec.status);
          const bare = (body: Record<string, unknown>): void => {
            for (const [k, v] of Object.entries(body)) {
              if (typeof v === 'string' && /\p{L}\s+\p{L}/u.test(v)) body[k] = code;
              else if (v !== null && typeof v === 'object' && !Array.isArray(v)) bare(v as Record<string, unknown>);
            }
          };
          return { ...out, mutate: (body) => (out.mutate?.(body), bare(body)) };
        },
      },
    },
  ],
});
