import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile, normalSf } from '../../src/stats/normal.ts';

// Reference values: scipy 1.17.1 (scipy.special.erfc, scipy.stats.norm.cdf / sf / ppf).
describe('erfc', () => {
  it.each([
    [0.1, 0.8875370839817152],
    [1, 0.15729920705028516],
    [2.5, 0.00040695201744495886],
    [3, 2.2090496998585445e-5],
    [5, 1.5374597944280347e-12],
  ])('erfc(%d)', (x, expected) => {
    expect(erfc(x) / expected).toBeCloseTo(1, 12);
  });

  it('is 1 at 0 and 2 − erfc(−x) for negative x', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028516, 15);
  });
});

describe('normal CDF and upper tail', () => {
  it.each([
    [0, 0.5, 0.5],
    [0.5, 0.6914624612740131, 0.3085375387259869],
    [1, 0.8413447460685429, 0.15865525393145707],
    [2, 0.9772498680518208, 0.022750131948179195],
    [3, 0.9986501019683699, 0.0013498980316300933],
    [4.5, 0.9999966023268753, 3.3976731247300535e-6],
    [6, 0.9999999990134123, 9.865876450376946e-10],
    [-1.5, 0.06680720126885807, 0.9331927987311419],
  ])('z = %d', (z, cdf, sf) => {
    expect(normalCdf(z)).toBeCloseTo(cdf, 14);
    expect(normalSf(z) / sf).toBeCloseTo(1, 12);
  });
});

describe('normal quantile', () => {
  it.each([
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [0.9995, 3.2905267314919255],
    [1e-4, -3.7190164854556804],
    [1e-5, -4.264890793922825],
  ])('p = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  it('inverts the CDF', () => {
    for (const p of [1e-9, 0.01, 0.3, 0.7, 0.99]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 10);
  });

  it('refuses p outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow('p must be in (0, 1), got 1');
  });
});
