/**
 * Every ratelimit.* requirement. Runs LAST: exhaustion spends the valid key's budget. Within the
 * family: observations first, then exhaustion, the per-key check while limited, recovery at the end.
 */
import type { Requirement } from '../../spec/contract.ts';
import type { Outcome, PlanCases, ProbeContext, ProbeFamily } from '../model.ts';
import { makeCase } from '../make-case.ts';
import { windowNoun } from '../rate-limits/figures.ts';
import { callerMissing, isAnonymous, limitsFor } from '../rate-limits/caller.ts';
import { headersCase, limitCase, remainingCase, resetCase } from '../rate-limits/observations.ts';
import { exceededCase, longWindowCase, perKeyCase, recoveryCase, retryAfterCase } from '../rate-limits/exhaustion.ts';
import { RATE_LIMIT_FAMILY } from '../run-case.ts';
import { resourceCase, usedCase } from '../rate-limits/used-resource.ts';
import { secondaryCase } from '../rate-limits/secondary.ts';
import { missingRole } from '../credential.ts';
import { PROFILE_429_PLANS } from '../rate-limits/profile-429.ts';
import { partitionCase } from '../rate-limits/partition.ts';
import { exemptCase } from '../rate-limits/exempt.ts';

const ID = RATE_LIMIT_FAMILY;

type Run = (ctx: ProbeContext, r: Requirement) => Promise<Outcome>;

/** A case title, naming the caller when it sends no credential (`as: anonymous`). */
function titled(title: string, r: Requirement): string {
  return isAnonymous(r) ? `${title} (without credentials)` : title;
}

/** A kind probed by one case. */
function single(title: string, run: Run): PlanCases {
  return (_contract, fixtures, r) => [makeCase(ID, r, titled(title, r), (ctx) => run(ctx, r), callerMissing(fixtures, r))];
}

const exceeded: PlanCases = (contract, fixtures, r) => {
  const skip = callerMissing(fixtures, r, r.role);
  const limits = limitsFor(contract, fixtures, r);
  const cases = [
    makeCase(
      ID,
      r,
      titled(limits.short === undefined ? 'exceeding the per-minute limit gives 429' : `exceeding ${limits.short.max} requests per ${windowNoun(limits.short)} gives 429`, r),
      (ctx) => exceededCase(ctx, r),
      skip ?? (limits.short === undefined ? limits.why : undefined),
    ),
  ];
  if (limits.long !== undefined && !isAnonymous(r)) {
    const long = limits.long;
    cases.push(makeCase(ID, r, `exceeding ${long.max} requests per ${windowNoun(long)} gives 429`, (ctx) => longWindowCase(ctx, r), skip));
  }
  return cases;
};

export const rateLimits: ProbeFamily = {
  id: ID,
  title: 'Rate limits',
  plans: {
    'ratelimit.headers': single('responses carry the rate-limit headers', headersCase),
    'ratelimit.limit': single("Limit equals the plan's per-minute limit", limitCase),
    'ratelimit.remaining': single('Remaining falls by one per request', remainingCase),
    'ratelimit.reset': single('Reset points inside the window', resetCase),
    'ratelimit.exceeded': exceeded,
    'ratelimit.retry-after': single('429 carries a valid Retry-After', retryAfterCase),
    'ratelimit.per-key': single('another key is accepted while the valid key is limited', perKeyCase),
    'ratelimit.partition': (_contract, fixtures, r) => [
      makeCase(ID, r, `a ${r.role} key is accepted while the valid key has exhausted ${r.limit ?? 'the limit'}`, (ctx) => partitionCase(ctx, r), missingRole(fixtures, 'valid') ?? missingRole(fixtures, r.role)),
    ],
    'ratelimit.exempt': single(`requests to the exempt operation do not count against the limit`, exemptCase),
    'ratelimit.recovery': single('the key is accepted again after the reset', recoveryCase),
    'ratelimit.used': single('Used + Remaining = Limit, and Used rises by one per request', usedCase),
    'ratelimit.resource': single('Resource names the same limit on repeated requests', resourceCase),
    'ratelimit.secondary': (_contract, fixtures, r) => [makeCase(ID, r, 'over the secondary limit, its documented error', (ctx) => secondaryCase(ctx, r), missingRole(fixtures, 'valid'))],
    // profile rows about the 429 these cases meet (standards.yaml), planned after them
    ...PROFILE_429_PLANS,
  },
};
