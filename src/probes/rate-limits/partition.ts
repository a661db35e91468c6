/**
 * ratelimit.partition and ratelimit.exempt (without rate-limit headers): exhaust the limit with the
 * valid credential, then one request that must still be accepted — the same operation with a
 * credential of another partition (the requirement's role), or the exempt operation, sent the moment
 * the first limit response arrives. The follow-up must fall in the exhausted window (the responses' Date); when the window turned in between, the
 * sequence is tried again (BURST_TRIES), then the case skips.
 */
import type { Credential } from '../../fixtures/fixtures.ts';
import type { Operation, RateWindow, Requirement } from '../../spec/contract.ts';
import { requireCredential } from '../credential.ts';
import type { Outcome, ProbeContext } from '../model.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, credentialWhat, requireAccepted } from '../preconditions.ts';
import { SkipCase } from '../skip-case.ts';
import { acceptanceFailure, sendBuilt } from '../steps.ts';
import { countedTarget } from './counted.ts';
import { BURST_TRIES, exhaust, sameWindow, toLimit, type RateTarget } from './exhaustion.ts';
import { requireShort } from './figures.ts';
import { isRateLimited403 } from './signals.ts';

/** "A rate limit arrives" on an operation no exceeded requirement names: any exceeded requirement states it. */
function anyExceeded(): NonNullable<RateTarget['rateLimited']> {
  const { operation: _operation, ...any } = COVERAGE.rateLimited('');
  return any;
}

/** Exhausts `limit` through `target` with the valid key, then sends `follow`; the follow-up's verdict. */
async function whileExhausted(
  ctx: ProbeContext,
  target: RateTarget,
  limit: RateWindow,
  follow: { operation: Operation; request: NonNullable<Requirement['request']>; credential: Credential },
  what: string,
): Promise<Outcome> {
  const valid = requireCredential(ctx.fixtures, 'valid');
  // the valid key must be in play at all: accepted on the probe operation (what credential.accepted states)
  await requireInPlay(ctx, valid, limit);
  const counted = { ...target, rateLimited: anyExceeded() };
  const sendFollow = () => sendBuilt(ctx, { ...follow, bypassRateLimitGate: true });
  for (let attempt = 1; attempt <= BURST_TRIES; attempt++) {
    // the follow-up leaves as soon as the first limit response arrives (exhaust's afterLimit)
    const exhausted = await exhaust(ctx, counted, valid, limit, undefined, sendFollow);
    const limited = toLimit(ctx, counted, limit, exhausted);
    const s = exhausted.after?.follow ?? (await sendFollow());
    // the window turned between the limit and the follow-up: that proves nothing, try again
    if (!sameWindow([exhausted.after?.trigger ?? limited, s], limit)) continue;
    const f = acceptanceFailure(s, `${what}, while ${limited.label} was limited (${limited.res.status}, limit ${limit.id})`);
    if (f) return fail(ctx, f);
    return pass(ctx, `${s.label} accepted ${what} with ${s.res.status} while the valid key had exhausted ${limit.id} (${limited.label}: ${limited.res.status})`);
  }
  throw new SkipCase(`the ${limit.window} window of ${limit.id} turned between the limit and the follow-up request ${BURST_TRIES} times (by the responses' Date)`);
}

/**
 * A credential the sequence relies on is accepted on the probe operation, else the case skips
 * pointing at the requirement that states it. On a real target a short window may still be spent by
 * the case before (ratelimit.exceeded of the same mode, within the same second): a rate-limited
 * answer is sent again once, at the start of the next window of `limit` (when that fits --max-wait).
 */
async function requireInPlay(ctx: ProbeContext, credential: Credential, limit: RateWindow): Promise<void> {
  const probe = ctx.contract.operations.find((o) => o.operationId === ctx.contract.probeOperation);
  if (probe === undefined) return;
  const send = () => sendBuilt(ctx, { operation: probe, credential, request: {}, bypassRateLimitGate: true });
  let first = await send();
  const wait = limit.windowMs - (Date.now() % limit.windowMs);
  if (ctx.control === undefined && wait <= ctx.options.maxWaitMs && (first.res.status === 429 || isRateLimited403(first.res, ctx.contract))) {
    await ctx.sleep(wait);
    first = await send();
  }
  requireAccepted(first, credentialWhat(credential.role), COVERAGE.accepted(credential.role, probe.operationId));
}

export async function partitionCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const limit = requireShort(ctx.contract, ctx.fixtures, r);
  const target = countedTarget(ctx.contract, r, limit);
  const other = requireCredential(ctx.fixtures, r.role);
  // the other key must be in play at all (what credential.accepted / credential.test-mode state)
  await requireInPlay(ctx, other, limit);
  return whileExhausted(ctx, target, limit, { operation: target.operation, request: target.request ?? {}, credential: other }, `the ${r.role} key`);
}

/** ratelimit.exempt without headers: the exempt operation is accepted while the limit is exhausted. */
export async function exemptWhileExhausted(ctx: ProbeContext, r: Requirement, limit: RateWindow): Promise<Outcome> {
  const target = countedTarget(ctx.contract, r, limit, r.operation.operationId);
  const valid = requireCredential(ctx.fixtures, 'valid');
  return whileExhausted(ctx, target, limit, { operation: r.operation, request: r.request ?? {}, credential: valid }, `${r.operation.operationId} (exempt)`);
}
