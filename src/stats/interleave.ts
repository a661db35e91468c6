/**
 * The order in which the timing probe sends its request classes.
 *
 * Requests go in blocks holding one request of every class. Block b rotates the class list by
 * b mod K, and every other cycle of K blocks runs in reverse (for two classes: AB BA BA AB …). Over
 * each 2K blocks every class takes every position in a block equally often and the classes' mean
 * positions are equal, so a load drift that is linear in time (another process warming up, a GC
 * schedule, thermal throttling) adds the same amount to every class instead of to one of them.
 */
export interface InterleavedRequest<C extends string> {
  /** position in the send order, from 0 */
  index: number;
  block: number;
  class: C;
}

export function interleave<C extends string>(classes: readonly C[], perClass: number): InterleavedRequest<C>[] {
  const k = classes.length;
  if (k < 2) throw new RangeError('interleave: at least two classes are needed');
  if (new Set(classes).size !== k) throw new RangeError('interleave: class names must be distinct');
  if (!Number.isInteger(perClass) || perClass < 1) throw new RangeError(`interleave: perClass must be a positive integer, got ${perClass}`);
  const out: InterleavedRequest<C>[] = [];
  for (let block = 0; block < perClass; block++) {
    const rotated = classes.map((_, i) => classes[(i + block) % k]!);
    const order = Math.floor(block / k) % 2 === 1 ? rotated.reverse() : rotated;
    for (const c of order) out.push({ index: out.length, block, class: c });
  }
  return out;
}
