/**
 * Effect sizes that go with the Mann–Whitney test:
 * - the Hodges–Lehmann shift: the median of all pairwise differences y − x, in the samples' unit
 *   (milliseconds for response times), robust to outliers;
 * - its distribution-free confidence interval (Moses): order statistics of the same differences,
 *   with the index taken from the normal approximation of U;
 * - the probability of superiority P(Y > X) + ½·P(Y = X), i.e. U₂ / (n₁·n₂).
 */
import { normalQuantile } from './normal.ts';
import { selectKth } from './select.ts';

export interface ShiftEstimate {
  /** Hodges–Lehmann estimate of the shift of y relative to x */
  shift: number;
  /** confidence interval of the shift at the requested level */
  lower: number;
  upper: number;
  level: number;
  /** P(Y > X) + ½·P(Y = X); 0.5 means no tendency either way */
  superiority: number;
}

function median(values: Float64Array): number {
  const m = values.length >> 1;
  return values.length % 2 === 1 ? selectKth(values, m) : (selectKth(values, m - 1) + selectKth(values, m)) / 2;
}

export function shiftEstimate(x: readonly number[], y: readonly number[], level = 0.95): ShiftEstimate {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('shiftEstimate: both samples need at least one value');
  if (!(level > 0 && level < 1)) throw new RangeError(`shiftEstimate: level must be in (0, 1), got ${level}`);
  const diffs = new Float64Array(n1 * n2);
  let k = 0;
  let greater = 0;
  for (const yv of y) {
    for (const xv of x) {
      const d = yv - xv;
      diffs[k++] = d;
      greater += d > 0 ? 1 : d === 0 ? 0.5 : 0;
    }
  }
  const total = diffs.length;
  const z = normalQuantile(1 - (1 - level) / 2);
  const c = Math.floor(total / 2 - z * Math.sqrt((n1 * n2 * (n1 + n2 + 1)) / 12));
  const lowIndex = Math.max(0, c - 1);
  const highIndex = Math.min(total - 1, total - Math.max(c, 1));
  return {
    shift: median(diffs),
    lower: selectKth(diffs, lowIndex),
    upper: selectKth(diffs, highIndex),
    level,
    superiority: greater / total,
  };
}
