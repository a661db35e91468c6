/**
 * scope.denied: a credential lacking the permission (or a binding, e.g. a phone number it may not
 * send from) gets 403 with a documented error on `operation`, and is accepted on `allowed`. A 403
 * that carries rate-limit signals is a rate limit, not a scope denial.
 */
import type { Contract, ScopeRequirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, ProbeFamily } from '../model.ts';
import { missingRole } from '../credential.ts';
import { placementFor } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { fail, pass } from '../outcome.ts';
import { rateLimitSignals } from '../rate-limits/signals.ts';
import { expectAccepted, refusalFailure, sendBuilt } from '../steps.ts';

const ID = 'scopes';

function plan(_contract: Contract, fixtures: Fixtures, r: ScopeRequirement): Case[] {
  const { role } = r;
  const op = r.operation;
  const skip = missingRole(fixtures, role);
  const cases = [
    makeCase(
      ID,
      r,
      `${role} credential is refused on ${op.operationId}`,
      async (ctx) => {
        const s = await sendBuilt(ctx, { operation: op, credential: await placementFor(ctx, role), request: r.request ?? {} });
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
  if (r.allowed !== undefined) {
    const allowed = r.allowed;
    const allowedOp = allowed.operation;
    cases.push(
      makeCase(
        ID,
        r,
        `${role} credential is accepted on ${allowedOp.operationId}`,
        async (ctx) =>
          expectAccepted(
            ctx,
            { operation: allowedOp, credential: await placementFor(ctx, role), request: allowed.request ?? {} },
            `${role} credential on an operation it may call`,
          ),
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
