/**
 * The optional rate-limit headers (X-RateLimit-Used, X-RateLimit-Resource) and windows other than
 * a minute, both ways on the mock: the conformant mock passes the rate-limit observation cases of a
 * spec that names them, and each defect fails exactly ratelimit.headers (or ratelimit.reset).
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.ts';
import type { LoadedSpec } from '../../src/spec/mock-config.ts';
import { planWithWindows } from '../../src/spec/rate-windows.ts';
import { listDefects } from '../../src/mock/defects.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';

const OBSERVED = new Set(['ratelimit.headers', 'ratelimit.limit', 'ratelimit.remaining', 'ratelimit.reset']);

/** Linkt, as if its docs named X-RateLimit-Used and X-RateLimit-Resource and the free plan counted per hour. */
async function linktWith(over: { hourly?: boolean } = {}): Promise<LoadedSpec> {
  const spec = await loadSpec('linkt');
  const c = spec.contract;
  const rl = c.rateLimit!;
  const headers = { ...rl.headers!, used: 'X-RateLimit-Used', resource: 'X-RateLimit-Resource' };
  const plans = over.hourly
    ? [planWithWindows({ name: 'free', limits: [{ id: 'core', window: 'PT1H', max: 60 }, { id: 'free-day', window: 'P1D', max: 1000 }] })]
    : rl.plans;
  return { ...spec, contract: { ...c, rateLimit: { ...rl, headers, plans } } };
}

async function verdicts(spec: LoadedSpec, defects: string[] = [], kinds = OBSERVED, variants: string[] = []): Promise<string[]> {
  const runs = await runAgainstMock(spec, { defects, variants, pick: (c) => kinds.has(c.requirement.kind) });
  return runs.map(({ c, o }) => `${c.requirement.id} ${o.verdict}${o.verdict === 'fail' ? `: ${o.message}` : ''}`);
}

describe('optional rate-limit headers on the mock', () => {
  it('lists a Used and a Resource defect for ratelimit.headers only where the spec names the headers', async () => {
    const ids = (s: LoadedSpec) => listDefects(s).map((d) => d.id).filter((id) => id.startsWith('LINKT-RATE-01'));
    expect(ids(await loadSpec('linkt'))).toEqual(['LINKT-RATE-01', 'LINKT-RATE-01/omitted']);
    expect(ids(await linktWith())).toEqual(['LINKT-RATE-01', 'LINKT-RATE-01/omitted', 'LINKT-RATE-01/used', 'LINKT-RATE-01/resource']);
  });

  it('conformant: the observation cases pass; Used off by one and Resource omitted each fail only LINKT-RATE-01', { timeout: 60_000 }, async () => {
    const c = await linktWith();
    expect(await verdicts(c)).toEqual(['LINKT-RATE-01 pass', 'LINKT-RATE-02 pass', 'LINKT-RATE-03 pass', 'LINKT-RATE-04 pass']);
    const expected =
      'Expected X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-RateLimit-Used and X-RateLimit-Resource with 0 ≤ Remaining ≤ Limit and Used + Remaining = Limit, got';
    expect(await verdicts(c, ['LINKT-RATE-01/used'])).toEqual([
      `LINKT-RATE-01 fail: ${expected} X-RateLimit-Used 2 + X-RateLimit-Remaining 59 is not X-RateLimit-Limit 60 for GET /v1/icp`,
      'LINKT-RATE-02 pass',
      'LINKT-RATE-03 pass',
      'LINKT-RATE-04 pass',
    ]);
    expect(await verdicts(c, ['LINKT-RATE-01/resource'])).toEqual([
      `LINKT-RATE-01 fail: ${expected} no X-RateLimit-Resource header for GET /v1/icp`,
      'LINKT-RATE-02 pass',
      'LINKT-RATE-03 pass',
      'LINKT-RATE-04 pass',
    ]);
  });

  it('an hourly header window: the mock resets within the hour and the reset case passes; the unit defect still fails it', { timeout: 60_000 }, async () => {
    const c = await linktWith({ hourly: true });
    expect(await verdicts(c)).toEqual(['LINKT-RATE-01 pass', 'LINKT-RATE-02 pass', 'LINKT-RATE-03 pass', 'LINKT-RATE-04 pass']);
    const broken = await verdicts(c, ['LINKT-RATE-04']);
    expect(broken.map((v) => v.split(':')[0])).toEqual(['LINKT-RATE-01 pass', 'LINKT-RATE-02 pass', 'LINKT-RATE-03 pass', 'LINKT-RATE-04 fail']);
  });

  it('"403 or 429": a mock answering 403 (the rate-limit-status variant) passes the exhaustion cases of a spec that documents both', { timeout: 120_000 }, async () => {
    const spec = await loadSpec('linkt');
    const c = spec.contract;
    const limited = c.errors[c.rateLimit!.error]!;
    const set = { ...limited, statuses: [429, 403] };
    const requirements = c.requirements.map((r) => ({ ...r, errors: r.errors.map((e) => (e.id === set.id ? set : e)) }));
    const either = { ...spec, contract: { ...c, errors: { ...c.errors, [set.id]: set }, requirements } };
    const exhaustion = new Set(['ratelimit.exceeded', 'ratelimit.retry-after', 'ratelimit.recovery']);
    const all = ['LINKT-RATE-05 pass', 'LINKT-RATE-05 pass', 'LINKT-RATE-06 pass', 'LINKT-RATE-07 pass'];
    expect(await verdicts(either, [], exhaustion, ['rate-limit-status'])).toEqual(all);
    // without a status set the variant has no other status to take: the mock answers 429 as documented
    expect(await verdicts(spec, [], exhaustion, ['rate-limit-status'])).toEqual(all);
  });
});
