import { describe, expect, it } from 'vitest';
import { shiftEstimate } from '../../src/stats/shift-estimate.ts';
import { seededRandom } from '../../src/stats/seeded-random.ts';
import { LOOPBACK, drawLatencies } from './latency-model.ts';

describe('Hodges–Lehmann shift', () => {
  it('is the median of the pairwise differences y − x (by hand)', () => {
    // differences: 3 2 1 5 4 3 → median 3; y above x in all 6 pairs
    expect(shiftEstimate([1, 2, 3], [4, 6])).toMatchObject({ shift: 3, superiority: 1, lower: 1, upper: 5 });
  });

  it('matches numpy on tied data (median of np.subtract.outer(y, x) = 2.5)', () => {
    const r = shiftEstimate([1, 2, 2, 3, 3, 3, 4, 5], [3, 4, 4, 5, 5, 6, 7, 7, 8]);
    expect(r.shift).toBe(2.5);
    expect(r.superiority).toBeCloseTo(64.5 / 72, 15);
  });

  it('is negative when y is faster, and ignores a single huge outlier', () => {
    expect(shiftEstimate([10, 11, 12, 13, 14], [5, 6, 7, 8, 9]).shift).toBe(-5);
    expect(shiftEstimate([1, 2, 3, 4, 5], [6, 7, 8, 9, 1000]).shift).toBe(5);
  });

  it('covers the true shift in at least 95 % of seeded trials (95 % interval)', () => {
    const random = seededRandom(2024);
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const r = shiftEstimate(drawLatencies(random, { ...LOOPBACK, outlierRate: 0 }, 40), drawLatencies(random, { ...LOOPBACK, outlierRate: 0 }, 40, 0.3));
      if (r.lower <= 0.3 && 0.3 <= r.upper) covered++;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.94);
  });

  it('refuses empty samples and levels outside (0, 1)', () => {
    expect(() => shiftEstimate([], [1])).toThrow('both samples need at least one value');
    expect(() => shiftEstimate([1], [1], 1)).toThrow('level must be in (0, 1), got 1');
  });
});
