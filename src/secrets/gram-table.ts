/**
 * A set of 8-byte strings ("grams") as an open-addressing hash table of two 32-bit halves: the
 * literal multi-pattern search behind masking. Every gram of every secret goes in once; a text
 * is then scanned with a rolling window, one lookup per byte, so a search is linear in the text
 * and independent of how many secrets there are or how long they are (no regular expression is
 * ever built from a secret).
 */

/** Length of a gram: runs of this many bytes of a secret's body are masked wherever they appear. */
export const GRAM = 8;

export class GramTable {
  private hiKeys = new Uint32Array(64);
  private loKeys = new Uint32Array(64);
  private usedSlots = new Uint8Array(64);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds every gram of `bytes` (nothing when shorter than {@link GRAM}). */
  addAll(bytes: Uint8Array): void {
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < bytes.length; i++) {
      hi = ((hi << 8) | (lo >>> 24)) >>> 0;
      lo = ((lo << 8) | bytes[i]!) >>> 0;
      if (i >= GRAM - 1) this.add(hi, lo);
    }
  }

  add(hi: number, lo: number): void {
    if ((this.count + 1) * 2 > this.usedSlots.length) this.grow();
    if (insert(this.hiKeys, this.loKeys, this.usedSlots, hi, lo)) this.count += 1;
  }

  has(hi: number, lo: number): boolean {
    const used = this.usedSlots;
    const his = this.hiKeys;
    const los = this.loKeys;
    const mask = used.length - 1;
    for (let i = slot(hi, lo, mask); used[i] === 1; i = (i + 1) & mask) {
      if (his[i] === hi && los[i] === lo) return true;
    }
    return false;
  }

  private grow(): void {
    const cap = this.usedSlots.length * 2;
    const hi = new Uint32Array(cap);
    const lo = new Uint32Array(cap);
    const used = new Uint8Array(cap);
    for (let i = 0; i < this.usedSlots.length; i++) if (this.usedSlots[i] === 1) insert(hi, lo, used, this.hiKeys[i]!, this.loKeys[i]!);
    this.hiKeys = hi;
    this.loKeys = lo;
    this.usedSlots = used;
  }
}

function slot(hi: number, lo: number, mask: number): number {
  let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(lo, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 13;
  return h & mask;
}

function insert(his: Uint32Array, los: Uint32Array, used: Uint8Array, hi: number, lo: number): boolean {
  const mask = used.length - 1;
  let i = slot(hi, lo, mask);
  for (; used[i] === 1; i = (i + 1) & mask) if (his[i] === hi && los[i] === lo) return false;
  used[i] = 1;
  his[i] = hi;
  los[i] = lo;
  return true;
}
