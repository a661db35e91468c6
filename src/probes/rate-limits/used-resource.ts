/**
 * ratelimit.used and ratelimit.resource: the two optional X-RateLimit headers some APIs document
 * (GitHub's x-ratelimit-used and x-ratelimit-resource), each checked on the caller's sequential
 * requests (the valid key, or none: `as: anonymous`).
 * - used: Used + Remaining = Limit on every response, and Used rises by exactly one per request
 *   (a new window between two requests is allowed once, as for Remaining). When the sum fails
 *   because Remaining or Limit is wrong (Remaining not falling by one, Limit not the documented
 *   number, Remaining above Limit), that is the finding of the requirement stating it
 *   (ratelimit.remaining, .limit, .headers): a precondition of this case;
 * - resource: non-empty and the same on two requests to one operation; its value is free unless
 *   the fixtures name it (`rateLimit.resource`).
 */
import type { Requirement } from '../../spec/contract.ts';
import type { Outcome, ProbeContext } from '../model.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { SkipCase } from '../skip-case.ts';
import { SKIP } from '../skip-reasons.ts';
import type { Failure } from '../case-failure.ts';
import { COVERAGE, PreconditionFailed } from '../preconditions.ts';
import type { Sent } from '../steps.ts';
import { limitsFor } from './caller.ts';
import { headerNames, headerValue, type HeaderNames } from './figures.ts';
import { failUnlessAbsent, observe } from './observations.ts';

const INTEGER = /^\d+$/;

/** Used, Remaining and Limit of each response, checked for Used + Remaining = Limit and Used rising by one. */
export async function usedCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const names = headerNames(ctx.contract);
  const usedName = names.used;
  if (usedName === undefined) throw new SkipCase(SKIP.noContractSection('rateLimit.headers.used'));
  const sent = await observe(ctx, r);
  const expected = `${usedName} + ${names.remaining} = ${names.limit} on every response, and ${usedName} rising by one per request`;
  const used: number[] = [];
  for (const s of sent) {
    const [u, rem, lim] = [usedName, names.remaining, names.limit].map((n) => headerValue(s.res, n));
    if (u === undefined) return failUnlessAbsent(ctx, s, names, expectation(expected, `no ${usedName} header`, s.label));
    const shown = `${usedName}: ${u}, ${names.remaining}: ${rem ?? 'none'}, ${names.limit}: ${lim ?? 'none'}`;
    if (!INTEGER.test(u)) return fail(ctx, expectation(expected, shown, s.label));
    if (Number(u) + Number(rem) !== Number(lim)) {
      const failure = expectation(expected, `${shown} (sum ${Number(u) + Number(rem)})`, s.label);
      othersAtFault(ctx, r, sent, names, failure);
      return fail(ctx, failure);
    }
    used.push(Number(u));
  }
  let turns = 0;
  for (let i = 1; i < used.length; i++) {
    const rise = used[i]! - used[i - 1]!;
    if (rise < 0 && turns === 0) {
      turns += 1; // a new window began between two requests
      continue;
    }
    if (rise !== 1) return fail(ctx, expectation(expected, `${usedName} went ${used.join(', ')} over ${used.length} sequential requests`, sent[i]!.label));
  }
  return pass(ctx, `${usedName} went ${used.join(', ')}, each with ${usedName} + ${names.remaining} = ${names.limit}`);
}

/**
 * The sum failed: when Remaining or Limit is what is wrong, the requirement stating that owns the
 * finding (a precondition; it fails this case only when no such requirement exists).
 */
function othersAtFault(ctx: ProbeContext, r: Requirement, sent: Sent[], names: HeaderNames, failure: Failure): void {
  const op = r.operation.operationId;
  const remaining = sent.map((s) => headerValue(s.res, names.remaining));
  const limits = sent.map((s) => headerValue(s.res, names.limit));
  const numbers = [...remaining, ...limits].every((v) => v !== undefined && INTEGER.test(v));
  if (!numbers || sent.some((_s, i) => Number(remaining[i]) > Number(limits[i]))) {
    throw new PreconditionFailed(`${names.remaining} / ${names.limit} not integers with Remaining ≤ Limit on ${sent[0]!.label}`, COVERAGE.rateHeaders(op), failure);
  }
  const documented = limitsFor(ctx.contract, ctx.fixtures, r).short?.max;
  if (documented !== undefined && limits.some((l) => Number(l) !== documented)) {
    throw new PreconditionFailed(`${names.limit} ${limits.join(', ')} is not the documented ${documented} on ${sent[0]!.label}`, { kinds: ['ratelimit.limit'], operation: op }, failure);
  }
  const n = remaining.map(Number);
  const falls = n.slice(1).every((v, i) => n[i]! - v === 1 || v > n[i]!);
  if (!falls) throw new PreconditionFailed(`${names.remaining} went ${remaining.join(', ')} on ${sent[0]!.label}`, { kinds: ['ratelimit.remaining'], operation: op }, failure);
}

/** The Resource header on two requests to one operation: present, non-empty, equal (and the fixtures' value when named). */
export async function resourceCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const names = headerNames(ctx.contract);
  const name = names.resource;
  if (name === undefined) throw new SkipCase(SKIP.noContractSection('rateLimit.headers.resource'));
  const sent = await observe(ctx, r, 2);
  const values = sent.map((s) => headerValue(s.res, name));
  const named = ctx.control === undefined ? ctx.fixtures.rateLimit?.resource : undefined;
  const expected = named === undefined ? `a non-empty ${name}, the same on both requests` : `${name}: ${named} (fixtures.rateLimit.resource) on both requests`;
  const shown = values.map((v) => (v === undefined ? 'none' : JSON.stringify(v))).join(', ');
  const missing = sent.find((s) => !headerValue(s.res, name));
  if (missing !== undefined) return failUnlessAbsent(ctx, missing, names, expectation(expected, `${name}: ${shown}`, missing.label));
  if (values[0] !== values[1] || (named !== undefined && values[0] !== named)) return fail(ctx, expectation(expected, `${name}: ${shown}`, sent[1]!.label));
  return pass(ctx, `${name}: ${values[0]} on ${sent.length} requests to ${r.operation.operationId}`);
}
