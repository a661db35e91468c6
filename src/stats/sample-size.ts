/**
 * How many requests per class the timing probe needs to detect a shift of a stated size.
 *
 * Noether's formula for the Mann–Whitney test with two equal groups (Noether 1987, JASA 82:645):
 *   n per group = (z₁₋α/₂ + z₁₋β)² / (6 · (p − ½)²)
 * where p = P(Y > X) under the alternative "Y is X shifted by δ". p comes either from a pilot sample
 * of the baseline latency (every ordered pair of distinct pilot values, x′ + δ against x, ties ½) or,
 * without a pilot, from a normal model with spread σ: p = Φ(δ / (σ·√2)).
 */
import { normalCdf, normalQuantile } from './normal.ts';

/** Defaults of the timing probe: detect 5 ms at α = 0.001 (two-sided) with power 0.95. */
export const TIMING_DEFAULTS = {
  deltaMs: 5,
  alpha: 0.001,
  power: 0.95,
  /**
   * Spread assumed without a pilot: loopback answers of 0.3–2 ms with occasional 20 ms stalls have a
   * standard deviation of a few ms; 5 ms is the conservative end.
   */
  sigmaMs: 5,
  /** below this the normal approximation and an α of 0.001 are out of reach whatever the data */
  minPerClass: 20,
  /** request budget per class; a plan needing more reports that δ is not detectable */
  maxPerClass: 200,
} as const;

/** P(X′ + δ > X) over ordered pairs of distinct pilot values, ties counting ½. */
export function superiorityFromPilot(pilot: readonly number[], delta: number): number {
  if (pilot.length < 2) throw new RangeError('superiorityFromPilot: the pilot needs at least two values');
  let wins = 0;
  for (let i = 0; i < pilot.length; i++) {
    for (let j = 0; j < pilot.length; j++) {
      if (i === j) continue;
      const d = pilot[i]! + delta - pilot[j]!;
      wins += d > 0 ? 1 : d === 0 ? 0.5 : 0;
    }
  }
  return wins / (pilot.length * (pilot.length - 1));
}

/** P(X′ + δ > X) for X, X′ independent normal with standard deviation sigma. */
export function superiorityFromNormal(sigma: number, delta: number): number {
  if (!(sigma > 0)) throw new RangeError(`superiorityFromNormal: sigma must be positive, got ${sigma}`);
  return normalCdf(delta / (sigma * Math.SQRT2));
}

/** Noether's n per group (not rounded) for a two-sided test at alpha with the given power. */
export function noetherPerGroup(superiority: number, alpha: number, power: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`noetherPerGroup: alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`noetherPerGroup: power must be in (0, 1), got ${power}`);
  const gap = superiority - 0.5;
  if (gap === 0) return Number.POSITIVE_INFINITY;
  const zSum = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return (zSum * zSum) / (6 * gap * gap);
}

export interface SampleSizeRequest {
  deltaMs?: number;
  alpha?: number;
  power?: number;
  /** baseline latencies (ms) measured before the run; wins over sigmaMs */
  pilot?: readonly number[];
  sigmaMs?: number;
  minPerClass?: number;
  maxPerClass?: number;
}

export interface SampleSizePlan {
  deltaMs: number;
  alpha: number;
  power: number;
  /** P(Y > X) that a shift of deltaMs would produce */
  superiority: number;
  /** Noether's n, rounded up, before the budget bounds */
  required: number;
  /** requests per class to send: required, raised to minPerClass, capped at maxPerClass */
  perClass: number;
  /** false when required exceeds maxPerClass: the run cannot promise to detect deltaMs */
  feasible: boolean;
}

export function planSampleSize(request: SampleSizeRequest = {}): SampleSizePlan {
  const deltaMs = request.deltaMs ?? TIMING_DEFAULTS.deltaMs;
  const alpha = request.alpha ?? TIMING_DEFAULTS.alpha;
  const power = request.power ?? TIMING_DEFAULTS.power;
  const minPerClass = request.minPerClass ?? TIMING_DEFAULTS.minPerClass;
  const maxPerClass = request.maxPerClass ?? TIMING_DEFAULTS.maxPerClass;
  if (!(deltaMs > 0)) throw new RangeError(`planSampleSize: deltaMs must be positive, got ${deltaMs}`);
  const superiority = request.pilot
    ? superiorityFromPilot(request.pilot, deltaMs)
    : superiorityFromNormal(request.sigmaMs ?? TIMING_DEFAULTS.sigmaMs, deltaMs);
  const raw = noetherPerGroup(superiority, alpha, power);
  const required = Number.isFinite(raw) ? Math.ceil(raw) : Number.POSITIVE_INFINITY;
  const perClass = Math.min(maxPerClass, Math.max(minPerClass, required));
  return { deltaMs, alpha, power, superiority, required, perClass, feasible: required <= maxPerClass };
}
