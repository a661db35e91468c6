/**
 * Retry-After on some rate-limit refusals only: where the docs make it optional (a secondary limit,
 * GitHub's "If the retry-after response header is present"), a refusal without it still tells the
 * client when to retry through Remaining 0 and a future Reset; where they make it always present
 * (or state nothing), its absence is a failure.
 */
import type { Contract, RateWindow, RetryAfterRule } from '../../spec/contract.ts';
import type { Outcome, ProbeContext } from '../model.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, PreconditionFailed, coveringRequirement, type Coverage } from '../preconditions.ts';
import { sendBuilt, type Sent } from '../steps.ts';
import { callerOf } from './caller.ts';
import { errorPinsRemaining } from '../../spec/rate-windows.ts';
import { headerValue, tolerantResetSeconds } from './figures.ts';

/** The rule of the limit that refused: its own, else the section's; undefined = not stated. */
export function retryAfterRuleOf(contract: Contract, window: RateWindow | undefined): RetryAfterRule | undefined {
  return window?.retryAfter ?? contract.rateLimit?.retryAfter;
}

/**
 * Who states the presence of `missing` headers: the ratelimit.headers requirement of this operation,
 * else one of another operation when a request there lacks them too (sound: its case fails on the
 * same absence); else this operation's coverage, which no requirement meets (the case's failure).
 */
async function headersCoverage(ctx: ProbeContext, s: Sent, missing: string[]): Promise<Coverage> {
  const here = COVERAGE.rateHeaders(s.op.operationId);
  if (coveringRequirement(ctx.contract, here) !== undefined) return here;
  const elsewhere = coveringRequirement(ctx.contract, { kinds: here.kinds });
  if (elsewhere === undefined) return here;
  const credential = callerOf(ctx, elsewhere);
  const there = await sendBuilt(ctx, { operation: elsewhere.operation, request: elsewhere.request ?? {}, ...(credential === undefined ? {} : { credential }), bypassRateLimitGate: true });
  return missing.every((n) => headerValue(there.res, n) === undefined) ? COVERAGE.rateHeaders(elsewhere.operation.operationId) : here;
}

/** The verdict on a rate-limited response that carries no Retry-After. */
export async function withoutRetryAfter(ctx: ProbeContext, s: Sent, window: RateWindow, expected: string): Promise<Outcome> {
  if (retryAfterRuleOf(ctx.contract, window) !== 'optional') return fail(ctx, expectation(expected, `${s.res.status} without Retry-After`, s.label));
  const names = ctx.contract.rateLimit?.headers;
  if (names === undefined) return pass(ctx, `${s.label} answered ${s.res.status} without Retry-After (optional for this limit)`);
  const remaining = headerValue(s.res, names.remaining);
  const resetRaw = headerValue(s.res, names.reset);
  const reset = resetRaw === undefined ? undefined : tolerantResetSeconds(resetRaw, ctx.contract.rateLimit?.resetUnit ?? 'delta-seconds', s.res.date);
  if (remaining === '0' && reset !== undefined && reset > 0) {
    return pass(ctx, `${s.label} answered ${s.res.status} without Retry-After (optional) but with ${names.remaining}: 0 and ${names.reset} ${Math.round(reset)} s ahead`);
  }
  const shown = `${names.remaining}: ${remaining ?? 'none'}, ${names.reset}: ${resetRaw ?? 'none'}`;
  const failure = expectation(`a Retry-After, or ${names.remaining}: 0 with a future ${names.reset} (Retry-After is optional for this limit)`, `no Retry-After, ${shown}`, s.label);
  // what the alternative reads may be stated elsewhere: the Reset header's presence
  // (ratelimit.headers), Remaining 0 on the refusal when the rate-limit error pins it (headerEquals,
  // ratelimit.exceeded checks it); one fault, one failure
  const missing = [resetRaw === undefined ? names.reset : undefined, remaining === undefined ? names.remaining : undefined].filter((n) => n !== undefined);
  if (missing.length > 0) throw new PreconditionFailed(`no ${missing.join(' or ')} header on ${s.label}`, await headersCoverage(ctx, s, missing), failure);
  if (remaining !== '0' && errorPinsRemaining(ctx.contract)) throw new PreconditionFailed(`the rate-limit refusal reported ${names.remaining}: ${remaining} on ${s.label}`, COVERAGE.rateLimited(s.op.operationId), failure);
  return fail(ctx, failure);
}
