/**
 * scope.denied: a credential lacking the permission (or a binding, e.g. a phone number it may not
 * send from) gets 403 with a documented error on `operation`, and is accepted on `allowed`. A 403
 * that carries rate-limit signals is a rate limit, not a scope denial. Which operations a scoped
 * credential lacks and may call is the target's choice: the fixtures' `scopes.<id>` wins over the spec's.
 * Each case first needs the valid key accepted on the probe operation (valid-accepted.ts): a target
 * that refuses it fails credential.accepted, not the scope requirement.
 */
import type { Contract, Operation, RequestExample, ScopeRequirement } from '../../spec/contract.ts';
import type { FixtureRequest, Fixtures } from '../../fixtures/fixtures.ts';
import { operationById } from '../request-builder.ts';
import type { Case, ProbeFamily } from '../model.ts';
import { missingRole } from '../credential.ts';
import { placementFor } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { fail, pass } from '../outcome.ts';
import { rateLimitSignals } from '../rate-limits/signals.ts';
import { expectAccepted, refusalFailure, sendBuilt } from '../steps.ts';
import { requireValidAccepted } from '../valid-accepted.ts';

const ID = 'scopes';

type Side = { operation: Operation; request: RequestExample };

/** A side of the requirement as the fixtures choose it: their operation (with their request, else its example), else the spec's. */
function chosen(contract: Contract, spec: { operation: Operation; request?: RequestExample }, choice: FixtureRequest | undefined): Side {
  if (choice?.operation !== undefined) return { operation: operationById(contract, choice.operation), request: choice.request ?? {} };
  return { operation: spec.operation, request: choice?.request ?? spec.request ?? {} };
}

/** The denied and (when named) allowed operation of a scope.denied requirement, as the fixtures choose them. */
export function scopeSides(contract: Contract, fixtures: Fixtures, r: ScopeRequirement): { denied: Side; allowed?: Side } {
  const choice = fixtures.scopes?.[r.id];
  const denied = chosen(contract, r, choice);
  const allowedChoice = choice?.allowed;
  // the loader refuses an allowed choice without an operation when the spec names none
  const allowedSpec = r.allowed ?? (allowedChoice?.operation !== undefined ? { operation: operationById(contract, allowedChoice.operation) } : undefined);
  return allowedSpec === undefined ? { denied } : { denied, allowed: chosen(contract, allowedSpec, allowedChoice) };
}

function plan(contract: Contract, fixtures: Fixtures, r: ScopeRequirement): Case[] {
  const { role } = r;
  const sides = scopeSides(contract, fixtures, r);
  const denied = sides.denied;
  const op = denied.operation;
  const skip = missingRole(fixtures, role) ?? missingRole(fixtures, 'valid');
  const cases = [
    makeCase(
      ID,
      r,
      `${role} credential is refused on ${op.operationId}`,
      async (ctx) => {
        await requireValidAccepted(ctx);
        const s = await sendBuilt(ctx, { operation: op, credential: await placementFor(ctx, role), request: denied.request });
        const signals = s.res.status === 403 ? rateLimitSignals(s.res, ctx.contract) : [];
        if (signals.length > 0) {
          return fail(ctx, {
            message: `403 carries rate-limit signals (${signals.join(', ')}); not a scope denial for ${s.label}`,
            expected: 'a scope denial',
            actual: `403 with ${signals.join(', ')}`,
          });
        }
        const refused = refusalFailure(s, r.errors, { note: `${role} credential` });
        if (refused) return fail(ctx, refused);
        return pass(ctx, `${s.label} refused the ${role} credential with ${s.res.status}`);
      },
      skip,
    ),
  ];
  const allowed = sides.allowed;
  if (allowed !== undefined) {
    const allowedOp = allowed.operation;
    cases.push(
      makeCase(
        ID,
        r,
        `${role} credential is accepted on ${allowedOp.operationId}`,
        async (ctx) => {
          await requireValidAccepted(ctx);
          return expectAccepted(
            ctx,
            { operation: allowedOp, credential: await placementFor(ctx, role), request: allowed.request },
            `${role} credential on an operation it may call`,
          );
        },
        skip,
      ),
    );
  }
  return cases;
}

export const scopes: ProbeFamily = {
  id: ID,
  title: 'Scoped credentials are limited to their scope',
  plans: { 'scope.denied': plan },
};
