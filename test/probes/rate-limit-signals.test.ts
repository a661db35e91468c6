import { describe, expect, it } from 'vitest';
import { isRateLimited403, rateLimitSignals } from '../../src/probes/rate-limits/signals.ts';
import { acmeContract } from './support/acme-contract.ts';
import { response } from './support/responses.ts';
import { checkError } from '../../src/probes/expect-error.ts';

const contract = acmeContract([], {
  rateLimit: { ...acmeContract([]).rateLimit!, headers: { limit: 'Quota-Limit', remaining: 'Quota-Left', reset: 'Quota-Reset' } },
});

describe('rateLimitSignals', () => {
  it.each([
    ['Retry-After', { 'Retry-After': '30' }, ['Retry-After: 30']],
    ['X-RateLimit-Remaining 0', { 'X-RateLimit-Remaining': '0' }, ['x-ratelimit-remaining: 0']],
    ['RateLimit-Remaining 0 (draft 6)', { 'ratelimit-remaining': '0' }, ['ratelimit-remaining: 0']],
    ['the documented Remaining name', { 'quota-left': '0' }, ['quota-left: 0']],
    ['RateLimit r=0 (draft 8+)', { RateLimit: '"default";r=0;t=30' }, ['RateLimit: "default";r=0;t=30']],
    ['RateLimit remaining=0 (draft 7)', { RateLimit: 'limit=10, remaining=0, reset=5' }, ['RateLimit: limit=10, remaining=0, reset=5']],
    ['remaining above 0', { 'X-RateLimit-Remaining': '10', RateLimit: '"default";r=10' }, []],
    ['none', { 'content-type': 'application/json' }, []],
  ])('%s', (_name, headers, expected) => {
    expect(rateLimitSignals(response(403, '', headers), contract)).toEqual(expected);
  });

  it('classifies only 403s', () => {
    expect(isRateLimited403(response(403, '', { 'Retry-After': '1' }), contract)).toBe(true);
    expect(isRateLimited403(response(403, ''), contract)).toBe(false);
    expect(isRateLimited403(response(401, '', { 'Retry-After': '1' }), contract)).toBe(false);
  });
});

describe('headerEquals of the rate-limit error', () => {
  const base = acmeContract([]);
  const pinned = acmeContract([], {
    errors: { ...base.errors, [base.rateLimit!.error]: { ...base.errors[base.rateLimit!.error]!, statuses: [403, 429], headerEquals: { 'x-quota-state': 'exhausted' } } },
  });

  it('a 403 carrying every pinned value is a rate limit; another value is not', () => {
    expect(rateLimitSignals(response(403, '', { 'X-Quota-State': 'exhausted' }), pinned)).toEqual(['x-quota-state: exhausted']);
    expect(isRateLimited403(response(403, '', { 'X-Quota-State': 'open' }), pinned)).toBe(false);
  });

  it('a response is the error only with the pinned values', () => {
    const spec = { id: 'rate_limited', status: 403, statuses: [403, 429], headerEquals: { 'x-quota-state': 'exhausted' } };
    expect(checkError(response(403, '', { 'x-quota-state': 'exhausted' }), spec)).toEqual([]);
    expect(checkError(response(429, '', { 'x-quota-state': 'open' }), spec)).toEqual(['x-quota-state: open, expected exhausted']);
    expect(checkError(response(429, ''), spec)).toEqual(['no x-quota-state header (expected x-quota-state: exhausted)']);
  });
});
