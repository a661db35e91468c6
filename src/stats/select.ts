/**
 * The k-th smallest value (0-based) of an array in expected linear time (Hoare's quickselect,
 * median-of-three pivot). Reorders the array in place; the values stay the same.
 */
export function selectKth(values: Float64Array, k: number): number {
  if (!Number.isInteger(k) || k < 0 || k >= values.length) throw new RangeError(`selectKth: k must be an index of the array, got ${k}`);
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
