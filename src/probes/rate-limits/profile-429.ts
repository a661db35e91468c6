/**
 * The standards rows about a 429, its Retry-After and HTTP-dates (profiles/standards.yaml), planned
 * in the rate-limits family after the ratelimit.* cases: they judge the 429s the exhaustion of
 * those cases already met (limited-seen.ts) and spend no window of their own.
 * - std.429-details: each 429 met has a body with words explaining it, not only a status or code
 *   (RFC 6585 §4); any media type.
 * - std.429-retry-after: the newest 429 carries Retry-After (MAY: informational). Not planned where
 *   a ratelimit.retry-after requirement of the spec states it.
 * - std.retry-after: each Retry-After met is delay-seconds (`^[0-9]+$`) or an HTTP-date in any of
 *   the three formats (the date's format is std.http-date's). Not planned where a
 *   ratelimit.retry-after requirement already judges the 429's Retry-After strictly.
 * - std.http-date: the Date of a request without a credential and of each 429 met, and a
 *   date-valued Retry-After (unless ratelimit.retry-after covers it), are IMF-fixdate.
 * No 429 met in the run: the 429 rows skip naming the ratelimit.exceeded requirement whose
 * exhaustion brings it; std.http-date then judges its own response alone.
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, PlanCases, ProbeContext } from '../model.ts';
import { isImfFixdate, parseHttpDate } from '../../transport/http-date.ts';
import { missingRole } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { SkipCase } from '../skip-case.ts';
import { sendBuilt, type Sent } from '../steps.ts';
import { RATE_LIMIT_FAMILY } from '../run-case.ts';
import { headerValue } from './figures.ts';
import { limitedSeen } from './limited-seen.ts';

const ID = RATE_LIMIT_FAMILY;

function requirementOfKind(contract: Contract, kind: string): Requirement | undefined {
  return contract.requirements.find((q) => q.kind === kind);
}

/** Plan-time: the 429 rows need a ratelimit.exceeded requirement (its exhaustion brings the 429). */
function noExhaustion(contract: Contract, fixtures: Fixtures): string | undefined {
  if (requirementOfKind(contract, 'ratelimit.exceeded') === undefined) return 'the spec has no ratelimit.exceeded requirement whose exhaustion would bring a 429';
  return missingRole(fixtures, 'valid');
}

function coveredBy(contract: Contract, kind: string, what: string): string | undefined {
  const q = requirementOfKind(contract, kind);
  return q === undefined ? undefined : `${what} is ${q.id}'s to judge (${kind})`;
}

/** The 429s met so far, copied into this case's evidence; a skip when there is none. */
function the429s(ctx: ProbeContext): Sent[] {
  const seen = limitedSeen(ctx);
  if (seen.length === 0) {
    const exceeded = requirementOfKind(ctx.contract, 'ratelimit.exceeded')?.id ?? 'ratelimit.exceeded';
    throw new SkipCase(`no 429 met in this run: the row reads the 429 that the exhaustion of ${exceeded} brings (run it in the same run)`);
  }
  for (const s of seen) ctx.exchanges.push({ request: s.req, response: s.res });
  return seen;
}

const WORDS = /\p{L}{2,}[\s,.:;!-]+\p{L}{2,}/u;

/** The texts of a body: every string of a JSON body, or the text of any other (tags dropped). */
function texts(s: Sent): string[] {
  if (s.res.json === undefined) return [s.res.body.replace(/<[^>]*>/g, ' ')];
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(s.res.json);
  return out;
}

function detailsCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'a 429 explains the condition in its body',
    async (ctx) => {
      const seen = the429s(ctx);
      for (const s of seen) {
        if (!texts(s).some((t) => WORDS.test(t))) {
          const actual = s.res.body.trim() === '' ? '429 with an empty body' : '429 whose body has no words explaining it (a status or code only)';
          return fail(ctx, expectation('a 429 body explaining the condition (RFC 6585 §4)', actual, s.label));
        }
      }
      return pass(ctx, `${seen.length} 429 answers explained the condition (${seen[0]?.res.headers['content-type'] ?? 'no content-type'})`);
    },
    noExhaustion(contract, fixtures),
  );
}

function retryAfterPresentCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'a 429 carries Retry-After (informational)',
    async (ctx) => {
      const s = the429s(ctx)[0]!;
      const value = headerValue(s.res, 'retry-after');
      if (value === undefined) return fail(ctx, expectation('a 429 with Retry-After (MAY, RFC 6585 §4)', '429 without Retry-After', s.label));
      return pass(ctx, `${s.label} answered 429 with Retry-After: ${value}`);
    },
    noExhaustion(contract, fixtures) ?? coveredBy(contract, 'ratelimit.retry-after', "the 429's Retry-After"),
  );
}

/** Why a Retry-After value is no delay-seconds and no HTTP-date (any of the three formats), or undefined. */
export function retryAfterProblem(value: string): string | undefined {
  const v = value.trim();
  if (/^[0-9]+$/.test(v)) return undefined;
  if (parseHttpDate(v) !== undefined) return undefined;
  if (/^[+-]?[0-9]*\.[0-9]+$|^[+-][0-9]+$/.test(v)) return 'a signed or fractional number: delay-seconds is digits only';
  return 'neither delay-seconds nor an HTTP-date';
}

function retryAfterSyntaxCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'every Retry-After is delay-seconds or an HTTP-date',
    async (ctx) => {
      const seen = the429s(ctx);
      let judged = 0;
      for (const s of seen) {
        const value = headerValue(s.res, 'retry-after');
        if (value === undefined) continue;
        judged++;
        const problem = retryAfterProblem(value);
        if (problem !== undefined) return fail(ctx, expectation('Retry-After: <digits> or an HTTP-date (RFC 9110 §10.2.3)', `Retry-After: ${value} (${problem})`, s.label));
      }
      return pass(ctx, judged === 0 ? 'no Retry-After to judge on the 429s met' : `${judged} Retry-After values were delay-seconds or an HTTP-date`);
    },
    noExhaustion(contract, fixtures) ?? coveredBy(contract, 'ratelimit.retry-after', "the 429's Retry-After syntax"),
  );
}

function httpDateCase(contract: Contract, r: Requirement): Case {
  const retryAfterCovered = requirementOfKind(contract, 'ratelimit.retry-after') !== undefined;
  return makeCase(ID, r, 'Date (and a date-valued Retry-After) is IMF-fixdate', async (ctx) => {
    const own = await sendBuilt(ctx, { operation: r.operation, request: r.request ?? {} });
    const seen = limitedSeen(ctx);
    for (const s of seen) ctx.exchanges.push({ request: s.req, response: s.res });
    const fields: Array<{ s: Sent; name: string; value: string }> = [];
    for (const s of [own, ...seen]) {
      const date = headerValue(s.res, 'date');
      if (date !== undefined) fields.push({ s, name: 'Date', value: date });
      const retryAfter = headerValue(s.res, 'retry-after');
      // a Retry-After that is no date at all is std.retry-after's; judged strictly by ratelimit.retry-after where the spec has one
      if (!retryAfterCovered && retryAfter !== undefined && parseHttpDate(retryAfter) !== undefined) fields.push({ s, name: 'Retry-After', value: retryAfter });
    }
    for (const f of fields) {
      if (!isImfFixdate(f.value.trim())) {
        return fail(ctx, expectation(`${f.name} in IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT")`, `${f.name}: ${f.value}`, f.s.label));
      }
    }
    return pass(ctx, fields.length === 0 ? `no Date field on ${own.label} (${own.res.status})` : `${fields.length} HTTP-date fields were IMF-fixdate (${fields.map((f) => f.name).join(', ')})`);
  });
}

/** The plans of these rows, spread into the rate-limits family. */
export const PROFILE_429_PLANS: Record<'std.429-details' | 'std.429-retry-after' | 'std.retry-after' | 'std.http-date', PlanCases> = {
  'std.429-details': (c, f, r) => [detailsCase(c, f, r)],
  'std.429-retry-after': (c, f, r) => [retryAfterPresentCase(c, f, r)],
  'std.retry-after': (c, f, r) => [retryAfterSyntaxCase(c, f, r)],
  'std.http-date': (c, _f, r) => [httpDateCase(c, r)],
};
