/**
 * ratelimit.secondary: a limit that no rate-limit header reports (rateLimit.secondary, GitHub's
 * "no more than 900 points per minute" per endpoint). Sequential requests of the valid key to the
 * requirement's operation until the first that is not accepted, at most max/cost + 5; that one must
 * be the limit's error (status set and, where the docs give it, `messagePattern`), with Retry-After
 * as the limit says (always / optional / never). On a real target only with
 * fixtures.rateLimit.secondary: true when the limit is `probe: opt-in` (the docs warn that
 * continuing while limited may get an integration banned); always on the mock.
 */
import type { ErrorSpec, Requirement, SecondaryLimit } from '../../spec/contract.ts';
import { compileMessagePattern } from '../../spec/message-pattern.ts';
import { isStrictRetryAfter } from '../../transport/http-date.ts';
import type { Outcome, ProbeContext } from '../model.ts';
import { requireCredential } from '../credential.ts';
import { checkOneOf } from '../expect-error.ts';
import { messageOf } from '../families/refused-keys.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { SkipCase } from '../skip-case.ts';
import { SKIP } from '../skip-reasons.ts';
import { refusalFailure, sendBuilt, type Sent } from '../steps.ts';
import { requireCallerAccepted } from './caller.ts';
import { EXHAUSTION_SLACK } from './exhaustion.ts';

/** The secondary limit a requirement is about: the one it names (`limit`), else the only one. */
export function secondaryLimitOf(r: Requirement, limits: readonly SecondaryLimit[]): SecondaryLimit {
  const named = r.limit;
  const found = named === undefined ? (limits.length === 1 ? limits[0] : undefined) : limits.find((l) => l.id === named);
  if (found === undefined) throw new SkipCase(limits.length === 0 ? SKIP.noContractSection('rateLimit.secondary') : SKIP.whichSecondary(limits.map((l) => l.id)));
  return found;
}

/** Whether the body's message (where the error puts it) matches the documented text `pattern`. */
export function carriesMessage(s: Pick<Sent, 'res'>, e: ErrorSpec, pattern: string): boolean {
  const message = messageOf(s.res.json, e);
  return message !== undefined && compileMessagePattern(pattern).test(message);
}

/** The message check of the matched error, where the docs give its text. */
function messageProblem(s: Sent, e: ErrorSpec): string | undefined {
  if (e.messagePattern === undefined || carriesMessage(s, e, e.messagePattern)) return undefined;
  const message = messageOf(s.res.json, e);
  return `message ${message === undefined ? 'absent' : JSON.stringify(message)}, expected one matching /${e.messagePattern}/`;
}

/** Retry-After as the limit says: required (always), absent (never), valid when present. */
function retryAfterProblem(s: Sent, limit: SecondaryLimit): string | undefined {
  const value = s.res.headers['retry-after']?.trim();
  if (value === undefined) return limit.retryAfter === 'always' ? 'no Retry-After (the limit always sends one)' : undefined;
  if (limit.retryAfter === 'never') return `Retry-After: ${value} (the limit sends none)`;
  return isStrictRetryAfter(value) ? undefined : `Retry-After: ${value} is neither delay-seconds nor an HTTP-date`;
}

export async function secondaryCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const limits = ctx.contract.rateLimit?.secondary ?? [];
  const limit = secondaryLimitOf(r, limits);
  if (limit.probe === 'opt-in' && ctx.control === undefined && ctx.fixtures.rateLimit?.secondary !== true) throw new SkipCase(SKIP.secondaryOptIn(limit.id));
  const credential = requireCredential(ctx.fixtures, 'valid');
  const errors = r.errors.length > 0 ? r.errors : [ctx.contract.errors[limit.error]].filter((e): e is ErrorSpec => e !== undefined);
  const cost = limit.cost[r.operation.method] ?? 1;
  const max = Math.ceil(limit.max / cost) + EXHAUSTION_SLACK;
  let last: Sent | undefined;
  for (let index = 1; index <= max; index++) {
    last = await sendBuilt(ctx, { operation: r.operation, credential, request: r.request ?? {}, bypassRateLimitGate: true });
    if (index === 1) requireCallerAccepted(last, credential, `request 1 of the ${limit.id} limit`);
    if (last.op.acceptStatuses.includes(last.res.status)) continue;
    const note = `request ${index}, ${limit.max} points per ${limit.window} at ${cost} per ${r.operation.method}`;
    const f = refusalFailure(last, errors, { note });
    if (f) return fail(ctx, f);
    const matched = checkOneOf(last.res, errors).spec!;
    const problems = [messageProblem(last, matched), retryAfterProblem(last, limit)].filter((p): p is string => p !== undefined);
    if (problems.length > 0) return fail(ctx, expectation(`the ${matched.id} error`, problems.join('; '), last.label, note));
    return pass(ctx, `${last.label} refused with ${last.res.status} (${matched.id}) after ${index - 1} requests (${limit.max} points per ${limit.window})`);
  }
  return fail(ctx, expectation(`the ${limit.id} error within ${max} requests (${limit.max} points per ${limit.window})`, `${max} accepted requests`, last?.label ?? ''));
}
