/**
 * Operations documented as not counting against a limit (a limit's `exempt`, or the operation's
 * `x-authconform.rateLimit.exemptFrom`, e.g. GitHub's "Calling this endpoint does not count against
 * your primary rate limit"): what ratelimit.exempt states, and part of what ratelimit.remaining
 * states (Remaining falls by one per *counted* request) where no ratelimit.exempt requirement is
 * written. After the observation
 * sequence, a request to the exempt operation and then one counted request: Remaining must fall by
 * exactly one over the two; when it does not, one more counted request tells whether counted
 * requests lower it by one at all (else ratelimit.remaining's finding, a precondition here).
 */
import type { Operation, Requirement } from '../../spec/contract.ts';
import type { Credential, Fixtures } from '../../fixtures/fixtures.ts';
import type { Contract } from '../../spec/contract.ts';
import type { ProbeContext } from '../model.ts';
import { expectation } from '../messages.ts';
import type { Failure } from '../case-failure.ts';
import { sendBuilt, type Sent } from '../steps.ts';
import { headerValue, requireShort } from './figures.ts';
import type { Outcome } from '../model.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, PreconditionFailed, credentialWhat, requireAccepted } from '../preconditions.ts';
import { countedTarget } from './counted.ts';
import { exemptWhileExhausted } from './partition.ts';
import { exemptionStated } from '../../spec/rate-windows.ts';
import { callerOf, limitsFor, type LimitTarget } from './caller.ts';
import { requireCredential } from '../credential.ts';

/** The first safe operation exempt from the limit the headers report (to this caller), if the spec documents one. */
export function exemptOperation(contract: Contract, fixtures: Fixtures, r: LimitTarget = {}): Operation | undefined {
  const limit = limitsFor(contract, fixtures, r).short;
  if (limit === undefined) return undefined;
  return contract.operations.find((o) => o.safe && (limit.exempt?.includes(o.operationId) === true || o.exemptFrom?.includes(limit.id) === true));
}

/** The failure when the exempt request lowered Remaining, else undefined; `last` is the sequence's last response. */
export async function exemptFailure(ctx: ProbeContext, r: Requirement, remainingName: string, last: Sent): Promise<{ failure?: Failure; note?: string }> {
  const op = exemptionStated(ctx.contract.requirements) ? undefined : exemptOperation(ctx.contract, ctx.fixtures, r);
  if (op === undefined) return {};
  return exemptSequence(ctx, { operation: r.operation, request: r.request ?? {} }, op, remainingName, last, callerOf(ctx, r));
}

/**
 * After `last` (a counted request), a request to the exempt operation and one more counted request
 * of the same caller (`credential`, or none): Remaining must fall by exactly one over the two.
 */
export async function exemptSequence(
  ctx: ProbeContext,
  countedReq: { operation: Operation; request: NonNullable<Requirement['request']> },
  op: Operation,
  remainingName: string,
  last: Sent,
  credential: Credential | undefined,
  exemptRequest: NonNullable<Requirement['request']> = {},
): Promise<{ failure?: Failure; note?: string }> {
  const as = credential === undefined ? {} : { credential };
  const exempt = await sendBuilt(ctx, { operation: op, ...as, request: exemptRequest, bypassRateLimitGate: true });
  const counted = await sendBuilt(ctx, { ...countedReq, ...as, bypassRateLimitGate: true });
  const before = Number(headerValue(last.res, remainingName));
  const after = Number(headerValue(counted.res, remainingName));
  const shown = `${remainingName} ${before} before ${exempt.label}, ${after} on the next counted request`;
  if (before - after === 1) return { note: `${exempt.label} (exempt) left ${remainingName} unchanged` };
  const failure = expectation(`${remainingName} unchanged by ${op.operationId} (exempt), so falling by one over it and the next counted request`, shown, counted.label);
  // not one less: does Remaining fall by one over two counted requests at all (not by none, not by
  // two each)? If not, that is the finding of the requirement stating it (ratelimit.remaining), not
  // this one's; if it does, the exempt request counted
  const again = await sendBuilt(ctx, { ...countedReq, ...as, bypassRateLimitGate: true });
  const next = Number(headerValue(again.res, remainingName));
  if (after - next !== 1) {
    throw new PreconditionFailed(`${remainingName} went ${after}, ${next} over two counted requests (${again.label})`, { kinds: ['ratelimit.remaining'], operation: countedReq.operation.operationId }, failure);
  }
  return { failure };
}

/**
 * ratelimit.exempt: requests to `operation` do not count against `limit`. Where the rate-limit
 * headers report that limit: a counted request (Remaining R), the exempt operation, a counted
 * request → Remaining R − 1 (three requests, no exhaustion). Otherwise: exhaust the limit, and the
 * exempt operation is still accepted (partition.ts).
 */
export async function exemptCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const limit = requireShort(ctx.contract, ctx.fixtures, r);
  const names = ctx.contract.rateLimit?.headers;
  if (names === undefined || !limit.headers) return exemptWhileExhausted(ctx, r, limit);
  const target = countedTarget(ctx.contract, r, limit, r.operation.operationId);
  const valid = requireCredential(ctx.fixtures, 'valid');
  const countedReq = { operation: target.operation, request: target.request ?? {} };
  const first = await sendBuilt(ctx, { ...countedReq, credential: valid, bypassRateLimitGate: true });
  requireAccepted(first, credentialWhat('valid'), COVERAGE.accepted('valid', first.op.operationId));
  if (headerValue(first.res, names.remaining) === undefined) {
    throw new PreconditionFailed(`no ${names.remaining} on ${first.label}`, COVERAGE.rateHeaders(first.op.operationId), expectation(`${names.remaining} on a counted request`, 'none', first.label));
  }
  const { failure, note } = await exemptSequence(ctx, countedReq, r.operation, names.remaining, first, valid, r.request ?? {});
  if (failure !== undefined) return fail(ctx, failure);
  return pass(ctx, note ?? `${r.operation.operationId} (exempt) left ${names.remaining} unchanged`);
}
