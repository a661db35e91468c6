/**
 * Operations documented as not counting against a limit (`x-authconform.rateLimit.exemptFrom`, e.g.
 * GitHub's "Calling this endpoint does not count against your primary rate limit"): part of what
 * ratelimit.remaining states (Remaining falls by one per *counted* request). After the observation
 * sequence, a request to the exempt operation and then one counted request: Remaining must fall by
 * exactly one over the two.
 */
import type { Operation, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Contract } from '../../spec/contract.ts';
import type { ProbeContext } from '../model.ts';
import { expectation } from '../messages.ts';
import type { Failure } from '../case-failure.ts';
import { sendBuilt, type Sent } from '../steps.ts';
import { headerValue } from './figures.ts';
import { callerOf, limitsFor } from './caller.ts';

/** The first safe operation exempt from the limit the headers report (to this caller), if the spec documents one. */
export function exemptOperation(contract: Contract, fixtures: Fixtures, r: Pick<Requirement, 'as'> = {}): Operation | undefined {
  const id = limitsFor(contract, fixtures, r).short?.id;
  if (id === undefined) return undefined;
  return contract.operations.find((o) => o.safe && o.exemptFrom?.includes(id) === true);
}

/** The failure when the exempt request lowered Remaining, else undefined; `last` is the sequence's last response. */
export async function exemptFailure(ctx: ProbeContext, r: Requirement, remainingName: string, last: Sent): Promise<{ failure?: Failure; note?: string }> {
  const op = exemptOperation(ctx.contract, ctx.fixtures, r);
  if (op === undefined) return {};
  const credential = callerOf(ctx, r);
  const as = credential === undefined ? {} : { credential };
  const exempt = await sendBuilt(ctx, { operation: op, ...as, request: {}, bypassRateLimitGate: true });
  const counted = await sendBuilt(ctx, { operation: r.operation, ...as, request: r.request ?? {}, bypassRateLimitGate: true });
  const before = Number(headerValue(last.res, remainingName));
  const after = Number(headerValue(counted.res, remainingName));
  const shown = `${remainingName} ${before} before ${exempt.label}, ${after} on the next counted request`;
  if (before - after === 1) return { note: `${exempt.label} (exempt) left ${remainingName} unchanged` };
  return { failure: expectation(`${remainingName} unchanged by ${op.operationId} (exempt), so falling by one over it and the next counted request`, shown, counted.label) };
}
