/**
 * The timing probe's statistics on seeded, realistic loopback latencies (no clock is read: every
 * sample comes from latency-model.ts). Binomial tolerances are stated where a rate is estimated.
 */
import { describe, expect, it } from 'vitest';
import { compareTimings, describeComparison } from '../../src/stats/compare-timings.ts';
import { interleave } from '../../src/stats/interleave.ts';
import { mannWhitneyU } from '../../src/stats/mann-whitney.ts';
import { planSampleSize, superiorityFromPilot } from '../../src/stats/sample-size.ts';
import { seededRandom } from '../../src/stats/seeded-random.ts';
import { LOOPBACK, NOISY_LOOPBACK, drawLatencies, type LatencyModel } from './latency-model.ts';

const MODELS: [string, LatencyModel][] = [
  ['loopback (median 0.7 ms, 2 % stalls of ~20 ms)', LOOPBACK],
  ['noisy loopback (median 2 ms, 5 % stalls of ~20 ms)', NOISY_LOOPBACK],
];
const DEFAULT_PER_CLASS = planSampleSize().perClass;

describe.each(MODELS)('on %s', (_name, model) => {
  it('the rank test is calibrated: same-distribution samples reject at α = 0.05 in 5 % ± 3 SE of 1500 trials', () => {
    const random = seededRandom(11);
    const trials = 1500;
    let rejected = 0;
    for (let t = 0; t < trials; t++) {
      if (mannWhitneyU(drawLatencies(random, model, DEFAULT_PER_CLASS), drawLatencies(random, model, DEFAULT_PER_CLASS)).pValue < 0.05) rejected++;
    }
    const se = Math.sqrt((0.05 * 0.95) / trials);
    expect(Math.abs(rejected / trials - 0.05)).toBeLessThanOrEqual(3 * se);
  });

  it('the default verdict raises no false alarm on 600 same-distribution trials (rate 0 ≤ α = 0.001)', () => {
    const random = seededRandom(12);
    const verdicts = { difference: 0, 'small-difference': 0, 'no-difference': 0 };
    for (let t = 0; t < 600; t++) {
      verdicts[compareTimings(drawLatencies(random, model, DEFAULT_PER_CLASS), drawLatencies(random, model, DEFAULT_PER_CLASS)).verdict]++;
    }
    expect(verdicts.difference).toBe(0);
    expect(verdicts['small-difference']).toBeLessThanOrEqual(3);
  });

  it('the default budget (60 per class) detects a 5 ms delay in at least 95 % of 500 trials', () => {
    expect(DEFAULT_PER_CLASS).toBe(60);
    const random = seededRandom(13);
    let detected = 0;
    for (let t = 0; t < 500; t++) {
      const c = compareTimings(drawLatencies(random, model, DEFAULT_PER_CLASS), drawLatencies(random, model, DEFAULT_PER_CLASS, 5));
      if (c.verdict === 'difference' && c.shiftMs > 0) detected++;
    }
    expect(detected / 500).toBeGreaterThanOrEqual(0.95);
  });
});

describe('sample size from a pilot', () => {
  it('plans enough requests: simulated power at the planned n reaches the requested 0.95 (± 2 points, 1000 trials)', () => {
    const pilot = drawLatencies(seededRandom(9), LOOPBACK, 200);
    const plan = planSampleSize({ deltaMs: 0.3, pilot, minPerClass: 1, maxPerClass: 1000 });
    expect(plan.superiority).toBeCloseTo(superiorityFromPilot(pilot, 0.3), 15);
    expect(plan.perClass).toBe(111);
    const random = seededRandom(14);
    let detected = 0;
    for (let t = 0; t < 1000; t++) {
      if (mannWhitneyU(drawLatencies(random, LOOPBACK, plan.perClass), drawLatencies(random, LOOPBACK, plan.perClass, 0.3)).pValue < plan.alpha) detected++;
    }
    expect(detected / 1000).toBeGreaterThanOrEqual(0.93);
  });

  it('a budget well below the plan misses the 5 ms delay on noisy loopback often (20 per class: under 0.9)', () => {
    const random = seededRandom(15);
    let detected = 0;
    for (let t = 0; t < 500; t++) {
      if (compareTimings(drawLatencies(random, NOISY_LOOPBACK, 20), drawLatencies(random, NOISY_LOOPBACK, 20, 5)).verdict === 'difference') detected++;
    }
    expect(detected / 500).toBeLessThan(0.9);
  });
});

describe('interleaving against load drift', () => {
  // The machine slows down linearly by 8 ms over the run; both classes are the same distribution.
  const driftMs = (index: number, total: number) => (8 * index) / total;

  function run(order: ('A' | 'B')[], seed: number) {
    const random = seededRandom(seed);
    const samples = { A: [] as number[], B: [] as number[] };
    order.forEach((c, i) => samples[c].push(drawLatencies(random, LOOPBACK, 1)[0]! + driftMs(i, order.length)));
    return compareTimings(samples.A, samples.B);
  }

  it('sending all A then all B turns the drift into a false leak', () => {
    const order = [...Array<'A'>(60).fill('A'), ...Array<'B'>(60).fill('B')];
    const c = run(order, 16);
    expect(c.verdict).toBe('difference');
    expect(c.shiftMs).toBeGreaterThan(3);
  });

  it('the interleaved plan spreads it over both classes: no difference in 200 seeded runs', () => {
    const order = interleave(['A', 'B'] as const, 60).map((r) => r.class);
    let alarms = 0;
    for (let seed = 100; seed < 300; seed++) if (run(order, seed).verdict === 'difference') alarms++;
    expect(alarms).toBe(0);
  });
});

describe('the verdict line', () => {
  it('states the effect size and the p-value', () => {
    // b − a takes 5 + k/10 for k = −9 … 9, 10 − |k| times; the interval is the 24th and 77th of the
    // 100 sorted differences (24 = ⌊50 − 1.96·√(100·21/12)⌋): 4.7 and 5.3.
    const a = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9];
    const b = a.map((v) => v + 5);
    const c = compareTimings(a, b);
    expect(c.verdict).toBe('difference');
    expect(describeComparison('unknown key', 'revoked key', c)).toBe(
      'revoked key answers slower than unknown key: shift 5.00 ms (95% CI 4.70 ms to 5.30 ms), P(revoked key > unknown key) = 1.00, p = 0.0002, n = 10+10 (p < 0.001, |shift| ≥ 2.50 ms)',
    );
  });

  it('reports a significant shift below the threshold as small, and no shift as none', () => {
    const a = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9];
    const small = compareTimings(a, a.map((v) => v + 1));
    expect(small.verdict).toBe('small-difference');
    expect(describeComparison('A', 'B', small)).toMatch(/^B and A differ by less than 2\.50 ms: shift 1\.00 ms/);
    const none = compareTimings(a, [...a].reverse());
    expect(none.verdict).toBe('no-difference');
    expect(describeComparison('A', 'B', none)).toMatch(/^no difference between A and B detected at α = 0\.001: shift 0\.00 ms/);
  });
});
