/**
 * The Mann–Whitney U test (Wilcoxon rank-sum) with the normal approximation, the tie correction of
 * the variance and a continuity correction, two-sided. Same definitions as
 * scipy.stats.mannwhitneyu(method='asymptotic', use_continuity=True).
 *
 * Why a rank test for response times: latencies are skewed with rare large outliers (GC pauses,
 * scheduler hiccups, a 20 ms stall among 0.5 ms answers). A mean-based test (Welch's t) lets one
 * outlier inflate the variance of its whole sample and hides a real shift; ranks give an outlier the
 * weight of one observation, need no normality, and are unchanged by any monotone transform (log or
 * not), so no trimming threshold has to be chosen.
 */
import { midRanks } from './ranks.ts';
import { normalSf } from './normal.ts';

export interface MannWhitneyResult {
  n1: number;
  n2: number;
  /** U of the first sample: the number of pairs (x, y) with x > y, ties counting ½ */
  u1: number;
  /** U of the second sample; u1 + u2 = n1·n2 */
  u2: number;
  /** standardised statistic of max(u1, u2), after continuity correction (0 when every value ties) */
  z: number;
  /** two-sided p-value */
  pValue: number;
}

export function mannWhitneyU(x: readonly number[], y: readonly number[], options: { continuity?: boolean } = {}): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU: both samples need at least one value');
  const { ranks, tieTerm } = midRanks([...x, ...y]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { n1, n2, u1, u2, z: 0, pValue: 1 };
  const correction = options.continuity === false ? 0 : 0.5;
  const z = (Math.max(u1, u2) - mean - correction) / Math.sqrt(variance);
  const pValue = Math.min(1, 2 * normalSf(z));
  return { n1, n2, u1, u2, z, pValue };
}
