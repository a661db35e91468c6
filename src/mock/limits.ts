/**
 * Which rate limits apply to a credential: the general limits (`rateLimit.limits`) beside those of
 * its plan (contract.rateLimit.plans by the seed's `plan`, with all its windows), else beside the
 * mock section's numbers; none = not limited. The `rateLimit` option overrides them all.
 */
import type { Contract, RateLimitPlan, RateWindow } from '../spec/contract.ts';
import type { LoadedSpec } from '../spec/mock-config.ts';
import type { LimitWindow, Limits } from './rate-limiter.ts';
import type { BehaviourOptions } from './options.ts';
import { MOCK_DEFAULTS } from './options.ts';

function hasNumbers(p: RateLimitPlan): boolean {
  return p.windows.length > 0;
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

/** A limit of the contract as the limiter holds it. */
function limitWindow(w: RateWindow): LimitWindow {
  const { id, max, windowMs, headers, retryAfter, match, partition, exempt, cost } = w;
  return {
    id,
    max,
    windowMs,
    headers,
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(match === undefined ? {} : { match }),
    ...(partition === undefined ? {} : { partition }),
    ...(exempt === undefined ? {} : { exempt }),
    ...(cost === undefined ? {} : { costs: cost }),
  };
}

/** The limits of a credential with plan `planName`; undefined = not limited. */
export function limitsFor({ contract, mock }: LoadedSpec, planName: string | undefined, options: BehaviourOptions): Limits | undefined {
  if (options.rateLimit !== undefined) {
    return { windows: [{ id: 'override', max: options.rateLimit.perWindow, windowMs: options.rateLimit.windowMs ?? MOCK_DEFAULTS.minuteWindowMs, headers: true }] };
  }
  const general = (contract.rateLimit?.limits ?? []).map(limitWindow);
  const plan = effectivePlan(contract, planName);
  if (plan !== undefined) return { windows: [...plan.windows.map(limitWindow), ...general] };
  const windows: LimitWindow[] = [];
  const perMinute = mock.rateLimitPerMinute;
  const perDay = mock.rateLimitPerDay;
  if (perMinute !== undefined) windows.push({ id: 'mock-PT1M', max: perMinute, windowMs: MOCK_DEFAULTS.minuteWindowMs, headers: true });
  if (perDay !== undefined) windows.push({ id: 'mock-P1D', max: perDay, windowMs: MOCK_DEFAULTS.dayWindowMs, headers: perMinute === undefined });
  windows.push(...general);
  return windows.length === 0 ? undefined : { windows };
}

/** The limits of requests without credentials: rateLimit.anonymous when declared, else those of a credential without a plan. */
export function anonymousLimitsFor(spec: LoadedSpec, options: BehaviourOptions): Limits | undefined {
  const plan = spec.contract.rateLimit?.anonymous;
  if (plan === undefined || options.rateLimit !== undefined) return limitsFor(spec, undefined, options);
  return { windows: plan.windows.map(limitWindow) };
}
