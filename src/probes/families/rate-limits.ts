/**
 * Every ratelimit.* requirement. Runs LAST: exhaustion spends the valid key's budget. Within the
 * family: observations first, then exhaustion, the per-key check while limited, recovery at the end.
 */
import type { Contract, Requirement, RequirementKind } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, Outcome, ProbeContext, ProbeFamily } from '../model.ts';
import { missingRole } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { limitsOf } from '../rate-limit-figures.ts';
import { headersCase, limitCase, remainingCase, resetCase } from '../rate-limit-observations.ts';
import { dailyCase, exceededCase, perKeyCase, recoveryCase, retryAfterCase } from '../rate-limit-exhaustion.ts';
import { RATE_LIMIT_FAMILY } from '../run-case.ts';

const ID = RATE_LIMIT_FAMILY;

type Run = (ctx: ProbeContext, r: Requirement) => Promise<Outcome>;

const SINGLE: Partial<Record<RequirementKind, { title: string; run: Run }>> = {
  'ratelimit.headers': { title: 'responses carry the rate-limit headers', run: headersCase },
  'ratelimit.limit': { title: "Limit equals the plan's per-minute limit", run: limitCase },
  'ratelimit.remaining': { title: 'Remaining falls by one per request', run: remainingCase },
  'ratelimit.reset': { title: 'Reset points inside the window', run: resetCase },
  'ratelimit.retry-after': { title: '429 carries a valid Retry-After', run: retryAfterCase },
  'ratelimit.recovery': { title: 'the key is accepted again after the reset', run: recoveryCase },
  'ratelimit.per-key': { title: 'another key is accepted while the valid key is limited', run: perKeyCase },
};

function plan(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const skip = missingRole(fixtures, 'valid');
  if (r.kind === 'ratelimit.exceeded') {
    const limits = limitsOf(contract, fixtures);
    const cases = [
      makeCase(
        ID,
        r,
        limits.perMinute === undefined ? 'exceeding the per-minute limit gives 429' : `exceeding ${limits.perMinute} requests per minute gives 429`,
        (ctx) => exceededCase(ctx, r),
        skip ?? (limits.perMinute === undefined ? limits.why : undefined),
      ),
    ];
    if (limits.perDay !== undefined) {
      cases.push(makeCase(ID, r, `exceeding ${limits.perDay} requests per day gives 429`, (ctx) => dailyCase(ctx, r), skip));
    }
    return cases;
  }
  const single = SINGLE[r.kind];
  if (single === undefined) throw new Error(`the rate-limit family has no probe for ${r.kind}`);
  return [makeCase(ID, r, single.title, (ctx) => single.run(ctx, r), skip)];
}

export const rateLimits: ProbeFamily = {
  id: ID,
  title: 'Rate limits',
  kinds: [
    'ratelimit.headers',
    'ratelimit.limit',
    'ratelimit.remaining',
    'ratelimit.reset',
    'ratelimit.exceeded',
    'ratelimit.retry-after',
    'ratelimit.per-key',
    'ratelimit.recovery',
  ],
  applies: (contract) => contract.requirements.some((r) => rateLimits.kinds.includes(r.kind)),
  plan,
};
