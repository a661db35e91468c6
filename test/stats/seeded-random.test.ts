import { describe, expect, it } from 'vitest';
import { lognormal, seededRandom, standardNormal } from '../../src/stats/seeded-random.ts';

describe('seeded random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(seededRandom(43)()).not.toBe(first[0]);
    for (const v of first) expect(v >= 0 && v < 1).toBe(true);
  });

  it('draws normals with mean 0 and variance 1, lognormals around their median', () => {
    const random = seededRandom(7);
    const n = 20000;
    const zs = Array.from({ length: n }, () => standardNormal(random));
    const mean = zs.reduce((s, v) => s + v, 0) / n;
    const variance = zs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
    const ln = Array.from({ length: n }, () => lognormal(random, 0.7, 0.6)).sort((p, q) => p - q);
    expect(Math.abs(ln[n / 2]! - 0.7)).toBeLessThan(0.02);
  });
});
