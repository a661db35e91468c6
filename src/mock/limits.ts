/**
 * Which rate limit applies to a credential: the plan of the credential (contract.rateLimit.plans by
 * the seed's `plan`), else the mock section's numbers, else none; the `rateLimit` option overrides.
 */
import type { Contract, RateLimitPlan } from '../spec/contract.ts';
import type { Limits } from './rate-limiter.ts';
import type { BehaviourOptions } from './options.ts';
import { MOCK_DEFAULTS } from './options.ts';

function hasNumbers(p: RateLimitPlan): boolean {
  return p.perMinute !== undefined || p.perDay !== undefined;
}

/** The plan a credential with plan name `name` gets: its own when it has numbers, else the only/first plan with numbers when it names none. */
export function effectivePlan(contract: Contract, name: string | undefined): RateLimitPlan | undefined {
  const plans = contract.rateLimit?.plans ?? [];
  if (name !== undefined) {
    const own = plans.find((p) => p.name.toLowerCase() === name.toLowerCase());
    return own !== undefined && hasNumbers(own) ? own : undefined;
  }
  return plans.find(hasNumbers);
}

/** The limits of a credential with plan `planName`; undefined = not limited. */
export function limitsFor(contract: Contract, planName: string | undefined, options: BehaviourOptions): Limits | undefined {
  const dayMs = MOCK_DEFAULTS.dayWindowMs;
  if (options.rateLimit !== undefined) {
    return { perWindow: options.rateLimit.perWindow, windowMs: options.rateLimit.windowMs ?? MOCK_DEFAULTS.minuteWindowMs, dayMs };
  }
  const plan = effectivePlan(contract, planName);
  const perWindow = plan !== undefined ? plan.perMinute : contract.mock.rateLimitPerMinute;
  const perDay = plan !== undefined ? plan.perDay : contract.mock.rateLimitPerDay;
  if (perWindow === undefined && perDay === undefined) return undefined;
  const limits: Limits = { windowMs: MOCK_DEFAULTS.minuteWindowMs, dayMs };
  if (perWindow !== undefined) limits.perWindow = perWindow;
  if (perDay !== undefined) limits.perDay = perDay;
  return limits;
}
