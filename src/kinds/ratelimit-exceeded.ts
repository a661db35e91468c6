/** ratelimit.exceeded: exhausting the limit gives 429 with the rate-limit error. */
import type { ErrorSpec } from '../spec/contract.ts';
import type { Breakage } from '../mock/defect.ts';
import { defineKind } from './kind.ts';

/** Replaces every value equal to the error's code (or a const of its schema) so the 429 no longer carries it. */
function dropCode(spec: ErrorSpec, body: Record<string, unknown>): void {
  const props = (spec.schema?.properties ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [k, v] of Object.entries(body)) {
    const isConst = props[k] !== undefined && 'const' in (props[k] ?? {});
    if (v === spec.code || isConst) body[k] = typeof v === 'number' ? 0 : 'throttled';
  }
}

export const ratelimitExceeded = defineKind({
  kind: 'ratelimit.exceeded',
  family: 'rate-limits',
  summary: 'exhausting the limit gives 429 with the rate-limit error',
  needs: ['rateLimit'],
  fields: ['errors', 'role', 'operation', 'request', 'limit', 'as'],
  defaultRole: 'valid',
  covers: 'rate-limited',
  // a requirement naming its `limit` breaks that limit only (a spec with several exceeded requirements, one per limit)
  defects: ({ errors, requirement }): Breakage[] => {
    const coded = errors.rateLimit.schema !== undefined || errors.rateLimit.code !== undefined;
    const how = coded ? 'answers 429 with a body lacking the documented code' : 'answers 503 instead of 429';
    const limit = requirement.limit;
    const of = limit === undefined ? '' : ` of limit ${limit}`;
    return [
      {
        description: `over the limit${of}, the server ${how}`,
        wrap: {
          rateLimitedError: (next) => (rt, d) => {
            const e = next(rt, d);
            if (limit !== undefined && d?.refusedBy?.includes(limit) !== true) return e;
            return coded ? { ...e, mutate: (body) => dropCode(e.spec, body) } : { ...e, status: 503 };
          },
        },
      },
      {
        suffix: 'never',
        description: limit === undefined ? 'no request is ever limited (also breaks the other 429-based requirements)' : `limit ${limit} is never enforced (also breaks the other requirements about it)`,
        wrap: { limiterMode: (next) => (rt) => (limit === undefined ? { ...next(rt), never: true } : { ...next(rt), unlimited: [limit] }) },
      },
    ];
  },
});
