import { describe, expect, it } from 'vitest';
import { TIMING_DEFAULTS, noetherPerGroup, planSampleSize, superiorityFromNormal, superiorityFromPilot } from '../../src/stats/sample-size.ts';

describe('Noether sample size', () => {
  it('gives 20.93 per group for p = 0.75, α = 0.05, power 0.8 ((1.95996 + 0.84162)² / 0.375)', () => {
    expect(noetherPerGroup(0.75, 0.05, 0.8)).toBeCloseTo(20.930345958264237, 10);
  });

  it('grows as 1 / (p − ½)²: halving the gap needs four times the requests', () => {
    expect(noetherPerGroup(0.55, 0.001, 0.95) / noetherPerGroup(0.6, 0.001, 0.95)).toBeCloseTo(4, 12);
    expect(noetherPerGroup(0.5, 0.05, 0.8)).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses alpha or power outside (0, 1)', () => {
    expect(() => noetherPerGroup(0.7, 0, 0.9)).toThrow('alpha must be in (0, 1), got 0');
    expect(() => noetherPerGroup(0.7, 0.05, 1)).toThrow('power must be in (0, 1), got 1');
  });
});

describe('superiority of a shift', () => {
  it('counts ordered pilot pairs with ties as ½ (by hand: 4 of 6)', () => {
    expect(superiorityFromPilot([1, 2, 3], 1)).toBeCloseTo(4 / 6, 15);
    expect(() => superiorityFromPilot([1], 1)).toThrow('at least two values');
  });

  it('is Φ(δ / (σ√2)) under the normal model (scipy: 0.7602499389065233 for δ = σ = 5)', () => {
    expect(superiorityFromNormal(5, 5)).toBeCloseTo(0.7602499389065233, 14);
  });
});

describe('the default plan', () => {
  it('asks 60 requests per class to detect 5 ms at α = 0.001 with power 0.95 (Noether: 59.94)', () => {
    expect(planSampleSize()).toEqual({
      deltaMs: 5,
      alpha: 0.001,
      power: 0.95,
      superiority: superiorityFromNormal(TIMING_DEFAULTS.sigmaMs, 5),
      required: 60,
      perClass: 60,
      feasible: true,
    });
  });

  it('raises a tiny requirement to the floor and caps a huge one, saying it is not feasible', () => {
    // every pilot pair is < 5 ms apart, so p = 1 and Noether gives 24.358 / 1.5 = 16.24 → 17
    expect(planSampleSize({ pilot: [0.5, 0.6, 0.7, 0.8] })).toMatchObject({ superiority: 1, required: 17, perClass: 20, feasible: true });
    expect(planSampleSize({ deltaMs: 0.01, sigmaMs: 5 })).toMatchObject({ perClass: 200, feasible: false });
    expect(() => planSampleSize({ deltaMs: 0 })).toThrow('deltaMs must be positive, got 0');
  });
});
