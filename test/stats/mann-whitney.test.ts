import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../../src/stats/mann-whitney.ts';
import { midRanks } from '../../src/stats/ranks.ts';

describe('mid-ranks', () => {
  it('gives tied values the average of the ranks they span and counts the tie term', () => {
    expect(midRanks([10, 20, 20, 30, 20])).toEqual({ ranks: [1, 3, 3, 5, 3], tieTerm: 24 });
  });

  it('refuses non-finite values', () => {
    expect(() => midRanks([1, Number.NaN])).toThrow('every value must be finite, got NaN');
  });
});

// Reference values: scipy 1.17.1, scipy.stats.mannwhitneyu(x, y, method='asymptotic', alternative='two-sided').
describe('Mann–Whitney U', () => {
  it('counts U by hand on separated samples', () => {
    const r = mannWhitneyU([1, 2, 3], [4, 5]);
    expect([r.u1, r.u2]).toEqual([0, 6]);
  });

  it('matches scipy on the Hollander & Wolfe depression-scale data', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const r = mannWhitneyU(x, y);
    expect(r.u1).toBe(58);
    expect(r.u2).toBe(23);
    expect(r.pValue).toBeCloseTo(0.13291945818531892, 12);
  });

  it('matches scipy with ties, in both orders, with and without continuity correction', () => {
    const x = [1, 2, 2, 3, 3, 3, 4, 5];
    const y = [3, 4, 4, 5, 5, 6, 7, 7, 8];
    const r = mannWhitneyU(x, y);
    expect(r.u1).toBe(7.5);
    expect(r.pValue).toBeCloseTo(0.006373133838085873, 12);
    const swapped = mannWhitneyU(y, x);
    expect(swapped.u1).toBe(64.5);
    expect(swapped.pValue).toBeCloseTo(0.006373133838085873, 12);
    expect(mannWhitneyU(x, y, { continuity: false }).pValue).toBeCloseTo(0.0054921866892152955, 12);
  });

  it('gives p = 1 when every value ties', () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5, 5])).toEqual({ n1: 3, n2: 3, u1: 4.5, u2: 4.5, z: 0, pValue: 1 });
  });

  it('refuses an empty sample', () => {
    expect(() => mannWhitneyU([], [1])).toThrow('both samples need at least one value');
  });
});
