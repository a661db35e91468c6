/**
 * Mid-ranks of pooled samples: tied values share the average of the ranks they span (1-based).
 */
export interface RankedPool {
  /** rank of each value, in the order the values were given */
  ranks: number[];
  /** Σ (t³ − t) over the groups of t tied values: the tie term of rank-test variances */
  tieTerm: number;
}

export function midRanks(values: readonly number[]): RankedPool {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`midRanks: every value must be finite, got ${v}`);
  }
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const t = end - start;
    const rank = (start + 1 + end) / 2; // average of ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}
