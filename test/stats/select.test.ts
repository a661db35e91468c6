import { describe, expect, it } from 'vitest';
import { selectKth } from '../../src/stats/select.ts';
import { seededRandom } from '../../src/stats/seeded-random.ts';

describe('selectKth', () => {
  it('returns the k-th smallest value, as sorting would, on seeded arrays with ties', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 10));
      const sorted = Float64Array.from(values).sort();
      for (let k = 0; k < n; k++) expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
    }
  });

  it('keeps the same values in the array', () => {
    const values = Float64Array.from([5, 1, 4, 1, 3]);
    expect(selectKth(values, 2)).toBe(3);
    expect(Array.from(values).sort()).toEqual([1, 1, 3, 4, 5]);
  });

  it('refuses an index outside the array', () => {
    expect(() => selectKth(Float64Array.from([1]), 1)).toThrow('k must be an index of the array, got 1');
  });
});
