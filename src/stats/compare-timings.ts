/**
 * The timing probe's verdict for two request classes: does class B answer slower or faster than
 * class A by at least the stated size?
 *
 * A difference is reported only when it is both statistically significant (Mann–Whitney p < alpha)
 * and practically large (|Hodges–Lehmann shift| ≥ minEffectMs, by default half the size the run was
 * planned to detect). The second condition keeps sub-millisecond scheduling noise on a loaded
 * machine from ever being reported as a leak, however many requests were sent; a significant but
 * smaller shift is reported as such, with its numbers, and is not a failure.
 */
import { mannWhitneyU } from './mann-whitney.ts';
import { shiftEstimate } from './shift-estimate.ts';
import { TIMING_DEFAULTS } from './sample-size.ts';

export type TimingVerdict = 'difference' | 'small-difference' | 'no-difference';

export interface TimingComparison {
  verdict: TimingVerdict;
  nA: number;
  nB: number;
  medianA: number;
  medianB: number;
  /** Hodges–Lehmann shift of B relative to A (ms); positive: B is slower */
  shiftMs: number;
  /** 95 % confidence interval of the shift (ms) */
  shiftLowerMs: number;
  shiftUpperMs: number;
  /** P(B > A) + ½·P(B = A) */
  superiority: number;
  z: number;
  pValue: number;
  alpha: number;
  minEffectMs: number;
}

export interface CompareOptions {
  alpha?: number;
  /** smallest |shift| reported as a difference; default half of TIMING_DEFAULTS.deltaMs */
  minEffectMs?: number;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function compareTimings(a: readonly number[], b: readonly number[], options: CompareOptions = {}): TimingComparison {
  const alpha = options.alpha ?? TIMING_DEFAULTS.alpha;
  const minEffectMs = options.minEffectMs ?? TIMING_DEFAULTS.deltaMs / 2;
  const test = mannWhitneyU(a, b);
  const effect = shiftEstimate(a, b, 0.95);
  const significant = test.pValue < alpha;
  const verdict: TimingVerdict = !significant ? 'no-difference' : Math.abs(effect.shift) >= minEffectMs ? 'difference' : 'small-difference';
  return {
    verdict,
    nA: a.length,
    nB: b.length,
    medianA: median(a),
    medianB: median(b),
    shiftMs: effect.shift,
    shiftLowerMs: effect.lower,
    shiftUpperMs: effect.upper,
    superiority: effect.superiority,
    z: test.z,
    pValue: test.pValue,
    alpha,
    minEffectMs,
  };
}

/** One line for a report: the verdict with its effect size and p-value. */
export function describeComparison(labelA: string, labelB: string, c: TimingComparison): string {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const p = c.pValue < 1e-4 ? c.pValue.toExponential(1) : c.pValue.toFixed(4);
  const numbers = `shift ${ms(c.shiftMs)} (95% CI ${ms(c.shiftLowerMs)} to ${ms(c.shiftUpperMs)}), P(${labelB} > ${labelA}) = ${c.superiority.toFixed(2)}, p = ${p}, n = ${c.nA}+${c.nB}`;
  switch (c.verdict) {
    case 'difference':
      return `${labelB} answers ${c.shiftMs > 0 ? 'slower' : 'faster'} than ${labelA}: ${numbers} (p < ${c.alpha}, |shift| ≥ ${ms(c.minEffectMs)})`;
    case 'small-difference':
      return `${labelB} and ${labelA} differ by less than ${ms(c.minEffectMs)}: ${numbers}`;
    case 'no-difference':
      return `no difference between ${labelA} and ${labelB} detected at α = ${c.alpha}: ${numbers}`;
  }
}
