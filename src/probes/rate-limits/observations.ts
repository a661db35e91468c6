/**
 * ratelimit.headers, .limit, .remaining, .reset: one sequence of a few sequential requests with the
 * valid key (names compared case-insensitively), each case checking its own aspect of it. A
 * response that carries none of the three headers is ratelimit.headers' finding: for the limit,
 * remaining and reset cases their presence is a precondition (preconditions.ts).
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Outcome, ProbeContext } from '../model.ts';
import { resetDelaySeconds } from '../../transport/reset.ts';
import { expectation } from '../messages.ts';
import type { Failure } from '../case-failure.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, PreconditionFailed } from '../preconditions.ts';
import { headerNames, headerValue, rateLimitSpec, windowSeconds, type HeaderNames } from './figures.ts';
import { callerOf, isAnonymous, limitsFor, requireCallerAccepted } from './caller.ts';
import { SkipCase } from '../skip-case.ts';
import { sendBuilt, type Sent } from '../steps.ts';
import { exemptFailure } from './exempt.ts';

/** requests in the observation sequence */
export const SEQUENCE_LENGTH = 3;
const INTEGER = /^\d+$/;

/** Sequential requests of the case's caller (the valid key, or none: `as: anonymous`). */
export async function observe(ctx: ProbeContext, r: Requirement, length = SEQUENCE_LENGTH): Promise<Sent[]> {
  const op = r.operation;
  const credential = callerOf(ctx, r);
  const out: Sent[] = [];
  for (let i = 0; i < length; i++) {
    out.push(await sendBuilt(ctx, { operation: op, ...(credential === undefined ? {} : { credential }), request: r.request ?? {}, bypassRateLimitGate: true }));
    // the first request refused: it is credential.accepted's finding (no cascade)
    if (i === 0) requireCallerAccepted(out[0]!, credential, 'the first request of the sequence');
  }
  return out;
}

/**
 * The case's failure — unless the header it reads (`own`: Limit, Remaining or Reset, whose presence
 * ratelimit.headers states) or all three are absent: then "the headers are present" was not met (a
 * precondition that ratelimit.headers covers), and one missing header fails one requirement.
 */
export function failUnlessAbsent(ctx: ProbeContext, s: Sent, names: HeaderNames, failure: Failure, own?: string): Outcome {
  const trio = [names.limit, names.remaining, names.reset];
  const absent = trio.every((n) => headerValue(s.res, n) === undefined);
  const ownAbsent = own !== undefined && headerValue(s.res, own) === undefined;
  if (!absent && !ownAbsent) return fail(ctx, failure);
  throw new PreconditionFailed(
    absent ? `no rate-limit headers (${trio.join(', ')}) on ${s.label}` : `no ${own} header on ${s.label}`,
    COVERAGE.rateHeaders(s.op.operationId),
    failure,
  );
}

function headerProblems(s: Sent, names: HeaderNames): string[] {
  const limit = headerValue(s.res, names.limit);
  const remaining = headerValue(s.res, names.remaining);
  const reset = headerValue(s.res, names.reset);
  const out: string[] = [];
  for (const [name, value] of [
    [names.limit, limit],
    [names.remaining, remaining],
    [names.reset, reset],
  ] as const) {
    if (value === undefined) out.push(`no ${name} header`);
  }
  if (limit !== undefined && !INTEGER.test(limit)) out.push(`${names.limit} ${limit} is not an integer`);
  if (remaining !== undefined && !INTEGER.test(remaining)) out.push(`${names.remaining} ${remaining} is not an integer`);
  if (limit !== undefined && remaining !== undefined && INTEGER.test(limit) && INTEGER.test(remaining)) {
    if (Number(remaining) > Number(limit)) out.push(`${names.remaining} ${remaining} is above ${names.limit} ${limit}`);
  }
  out.push(...usedProblems(s, names, limit, remaining));
  if (names.resource !== undefined && !headerValue(s.res, names.resource)) out.push(`no ${names.resource} header`);
  return out;
}

/** Where the docs name a Used header: an integer, and used + remaining = limit. */
function usedProblems(s: Sent, names: HeaderNames, limit: string | undefined, remaining: string | undefined): string[] {
  if (names.used === undefined) return [];
  const used = headerValue(s.res, names.used);
  if (used === undefined) return [`no ${names.used} header`];
  if (!INTEGER.test(used)) return [`${names.used} ${used} is not an integer`];
  if (limit === undefined || remaining === undefined || !INTEGER.test(limit) || !INTEGER.test(remaining)) return [];
  if (Number(used) + Number(remaining) === Number(limit)) return [];
  return [`${names.used} ${used} + ${names.remaining} ${remaining} is not ${names.limit} ${limit}`];
}

/** What ratelimit.headers expects, naming the optional headers the docs name. */
function headersExpected(names: HeaderNames): string {
  const extra = [names.used, names.resource].filter((n): n is string => n !== undefined);
  const all = [names.limit, names.remaining, names.reset, ...extra];
  const listed = `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
  return `${listed} with 0 ≤ Remaining ≤ Limit${names.used === undefined ? '' : ' and Used + Remaining = Limit'}`;
}

/**
 * The headers ratelimit.headers checks: Used and Resource only where no ratelimit.used /
 * ratelimit.resource requirement states them (one fault, one failure).
 */
export function headersOwnNames(contract: Contract): HeaderNames {
  const names = { ...headerNames(contract) };
  const stated = new Set(contract.requirements.map((q) => q.kind));
  if (stated.has('ratelimit.used')) delete names.used;
  if (stated.has('ratelimit.resource')) delete names.resource;
  return names;
}

export async function headersCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const names = headersOwnNames(ctx.contract);
  const sent = await observe(ctx, r);
  if (rateLimitSpec(ctx.contract).on === 'all' && !isAnonymous(r)) {
    sent.push(await sendBuilt(ctx, { operation: r.operation, request: r.request ?? {}, bypassRateLimitGate: true }));
  }
  for (const s of sent) {
    const problems = headerProblems(s, names);
    if (problems.length > 0) {
      return fail(ctx, expectation(headersExpected(names), problems.join('; '), s.label));
    }
  }
  return pass(ctx, `${sent.length} responses carried ${headersExpected(names).split(' with ')[0]}`);
}

export async function limitCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const names = headerNames(ctx.contract);
  const limits = limitsFor(ctx.contract, ctx.fixtures, r);
  const short = limits.short;
  if (short === undefined) throw new SkipCase(limits.why ?? '');
  const [s] = await observe(ctx, r);
  if (s === undefined) throw new Error('empty observation sequence');
  const value = headerValue(s.res, names.limit);
  const source = limits.plan ? `the ${limits.plan.name} plan` : 'fixtures.rateLimit.perMinute';
  if (value === undefined || /^\s*(\d+)/.exec(value)?.[1] !== String(short.max)) {
    const actual = value === undefined ? `no ${names.limit} header` : `${names.limit}: ${value}`;
    return failUnlessAbsent(ctx, s, names, expectation(`${names.limit}: ${short.max} (${source})`, actual, s.label), names.limit);
  }
  return pass(ctx, `${s.label} answered ${names.limit}: ${value} (${source})`);
}

export async function remainingCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const names = headerNames(ctx.contract);
  const sent = await observe(ctx, r);
  const values = sent.map((s) => headerValue(s.res, names.remaining));
  const label = sent[0]?.label ?? '';
  const shown = values.map((v) => v ?? 'none').join(', ');
  const expected = `${names.remaining} falling by one per request`;
  const missing = sent.find((x) => headerValue(x.res, names.remaining) === undefined);
  if (missing !== undefined) return failUnlessAbsent(ctx, missing, names, expectation(expected, shown, label), names.remaining);
  if (values.some((v) => v === undefined || !INTEGER.test(v))) return fail(ctx, expectation(expected, shown, label));
  const n = values.map(Number);
  let rises = 0;
  for (let i = 1; i < n.length; i++) {
    const drop = (n[i - 1] ?? 0) - (n[i] ?? 0);
    if (drop < 0 && rises === 0) {
      rises += 1; // a new window began between two requests
      continue;
    }
    if (drop !== 1) return fail(ctx, expectation(expected, shown, label));
  }
  const exempt = await exemptFailure(ctx, r, names.remaining, sent.at(-1)!);
  if (exempt.failure !== undefined) return fail(ctx, exempt.failure);
  return pass(ctx, `${names.remaining} went ${shown} over ${sent.length} sequential requests${exempt.note === undefined ? '' : `; ${exempt.note}`}`);
}

export async function resetCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const names = headerNames(ctx.contract);
  const window = windowSeconds(limitsFor(ctx.contract, ctx.fixtures, r));
  const sent = await observe(ctx, r);
  const expected = `${names.reset} in ${names.resetUnit}, within (0, ${window}] s of the response Date`;
  for (const s of sent) {
    const value = headerValue(s.res, names.reset);
    if (value === undefined) return failUnlessAbsent(ctx, s, names, expectation(expected, `no ${names.reset} header`, s.label), names.reset);
    const unitProblem = unitMismatch(value, names.resetUnit);
    if (unitProblem) return fail(ctx, expectation(expected, `${names.reset}: ${value} (${unitProblem})`, s.label));
    const delay = resetDelaySeconds(value, names.resetUnit, s.res.date);
    // +1 s: Date has whole seconds, an epoch reset is usually rounded up
    if (delay === undefined || delay <= 0 || delay > window + 1) {
      const d = delay === undefined ? 'not a number' : `${Math.round(delay)} s away`;
      return fail(ctx, expectation(expected, `${names.reset}: ${value} (${d})`, s.label));
    }
  }
  return pass(ctx, `${names.reset} pointed inside the ${window} s window on ${sent.length} responses`);
}

/** Epoch values are ~1.7e9; a small number where epoch seconds are documented (or the reverse) is the wrong unit. */
function unitMismatch(value: string, unit: HeaderNames['resetUnit']): string | undefined {
  const n = Number(value);
  if (!Number.isFinite(n)) return undefined;
  if (unit === 'epoch-seconds' && n < 1e9) return 'looks like delta-seconds; the docs say epoch-seconds';
  if (unit === 'delta-seconds' && n >= 1e9) return 'looks like epoch-seconds; the docs say delta-seconds';
  return undefined;
}
