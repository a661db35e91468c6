/**
 * A stage-setting request of the valid key that meets a rate limit an earlier case spent (the
 * secondary limit's 900 points on the endpoint the lockout cases use, a primary window left at 0)
 * is not the target's fault: the limit is waited out once (a secondary limit's refusal, told by its
 * documented message: its Retry-After, else its window; any other: the Reset header, else
 * Retry-After; bounded by --max-wait; the mock's clock is moved) and the request
 * sent again. A limit that outlasts the bound, or is still there after the wait, skips the case
 * saying which limit and how long.
 */
import { parseRetryAfter } from '../../transport/http-date.ts';
import type { Contract } from '../../spec/contract.ts';
import type { ProbeContext } from '../model.ts';
import { SkipCase } from '../skip-case.ts';
import type { Sent } from '../steps.ts';
import { secondsUntilReset } from './figures.ts';
import { carriesMessage } from './secondary.ts';
import { isRateLimited403 } from './signals.ts';

/** The secondary limit whose documented message the refusal carries. */
function secondaryOf(contract: Contract, s: Sent): { windowMs: number; id: string } | undefined {
  for (const limit of contract.rateLimit?.secondary ?? []) {
    const error = contract.errors[limit.error];
    if (error?.messagePattern !== undefined && carriesMessage(s, error, error.messagePattern)) return limit;
  }
  return undefined;
}

/** What limits the response, as said in a skip reason; undefined when it is no rate limit's refusal. */
function limitedBy(contract: Contract, s: Sent): { what: string; waitMs: number } | undefined {
  const secondary = secondaryOf(contract, s);
  const signalled = s.res.status === 429 || isRateLimited403(s.res, contract);
  if (secondary === undefined && !signalled) return undefined;
  // a secondary limit's refusal: its Retry-After, else its window (the Reset header is the primary limit's)
  const retryAfter = s.res.headers['retry-after'];
  const retrySeconds = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter.trim(), s.res.date);
  const waitMs = secondary === undefined ? secondsUntilReset(contract, s.res) * 1000 : retrySeconds === undefined ? secondary.windowMs : retrySeconds * 1000;
  return { what: `${secondary === undefined ? 'a rate limit' : `the ${secondary.id} limit`} (${s.res.status} on ${s.label})`, waitMs: Math.max(0, Math.ceil(waitMs)) + 1000 };
}

/** Sends; when a rate limit refuses, waits it out once and sends again. */
export async function sendPastRateLimit(ctx: ProbeContext, send: () => Promise<Sent>): Promise<Sent> {
  const first = await send();
  const limited = limitedBy(ctx.contract, first);
  if (limited === undefined) return first;
  if (ctx.control !== undefined) await ctx.control.advance(limited.waitMs);
  else if (limited.waitMs > ctx.options.maxWaitMs) {
    throw new SkipCase(`the valid key is held by ${limited.what}, spent by earlier cases; it ends in ${Math.ceil(limited.waitMs / 1000)} s, beyond the wait bound (--max-wait: ${Math.round(ctx.options.maxWaitMs / 1000)} s)`);
  } else await ctx.sleep(limited.waitMs, 'a rate limit spent by earlier cases');
  const again = await send();
  const still = limitedBy(ctx.contract, again);
  if (still !== undefined) throw new SkipCase(`the valid key is still held by ${still.what} after waiting ${Math.ceil(limited.waitMs / 1000)} s`);
  return again;
}
