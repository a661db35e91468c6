/**
 * The standards rows about the IETF RateLimit fields (draft -10), judged where present:
 * - std.ratelimit-policy-syntax: every RateLimit-Policy met is a non-empty SF List of String items
 *   with q (Integer ≥ 0) and optional w (Integer ≥ 1), qu (String), pk (Byte Sequence);
 * - std.ratelimit-syntax: every RateLimit met is an SF List of String items with r (Integer ≥ 0)
 *   and optional t (Integer ≥ 0), pk; each names a policy of the same response's RateLimit-Policy
 *   when that field is there.
 * Responses: the valid credential's answer and the answer to no credential on the requirement's
 * operation (the fields may come on any status, draft §6). Older generations (-06/-07) are reported
 * with their generation, not judged; no field at all passes as "nothing to judge".
 */
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Requirement } from '../../spec/contract.ts';
import { checkPolicyField, checkRateLimitField, type FieldCheck } from '../../http-auth/ratelimit-field-syntax.ts';
import { credentialOf, missingRole } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import type { Case, PlanCases, ProbeContext } from '../model.ts';
import { fail, pass } from '../outcome.ts';
import { sendBuilt, type Sent } from '../steps.ts';

const ID = 'standards';

async function answers(ctx: ProbeContext, r: Requirement): Promise<Sent[]> {
  const valid = credentialOf(ctx.fixtures, 'valid');
  const out = [await sendBuilt(ctx, { operation: r.operation, request: r.request ?? {} })];
  if (valid !== undefined) out.unshift(await sendBuilt(ctx, { operation: r.operation, credential: valid, request: r.request ?? {} }));
  return out;
}

type Field = 'RateLimit-Policy' | 'RateLimit';

function fieldCase(fixtures: Fixtures, r: Requirement, field: Field, expected: string, check: (s: Sent, raw: string) => FieldCheck): Case {
  return makeCase(
    ID,
    r,
    `a ${field} field, when present, follows the draft -10 grammar`,
    async (ctx) => {
      const sent = await answers(ctx, r);
      const notes: string[] = [];
      for (const s of sent) {
        const raw = s.res.headers[field.toLowerCase()];
        if (raw === undefined) continue;
        const c = check(s, raw);
        if (c.problems.length > 0) return fail(ctx, expectation(expected, `${field}: ${raw} (${c.problems.slice(0, 3).join('; ')})`, s.label));
        notes.push(`${s.res.status}: ${c.generation}`);
      }
      if (notes.length === 0) return pass(ctx, `no ${field} field on ${sent.length} answers (${sent.map((s) => s.res.status).join(', ')}): nothing to judge`);
      return pass(ctx, `${field} held to its grammar on ${notes.join(', ')}`);
    },
    missingRole(fixtures, 'valid'),
  );
}

export const RATELIMIT_FIELD_PLANS: Record<'std.ratelimit-policy-syntax' | 'std.ratelimit-syntax', PlanCases> = {
  'std.ratelimit-policy-syntax': (_c, f, r) => [
    fieldCase(f, r, 'RateLimit-Policy', 'a List of "name";q=<Integer ≥ 0>[;w=<Integer ≥ 1>] items', (_s, raw) => checkPolicyField(raw)),
  ],
  'std.ratelimit-syntax': (_c, f, r) => [
    fieldCase(f, r, 'RateLimit', 'a List of "name";r=<Integer ≥ 0>[;t=<Integer ≥ 0>] items', (s, raw) => {
      const policy = s.res.headers['ratelimit-policy'];
      // names are matched only against a policy field that holds to its own grammar (else that is the policy row's)
      const policies = policy === undefined ? undefined : checkPolicyField(policy);
      return checkRateLimitField(raw, policies?.problems.length === 0 ? policies.names : undefined);
    }),
  ],
};
