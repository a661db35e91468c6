/**
 * The ways a text may spell a secret, as byte "views" of the text: the text itself, decoded
 * (percent-escapes, JSON escapes, hex runs, base64/base64url runs at each alignment), reversed,
 * and every 2nd/3rd/4th character (a secret with a separator of 1-3 characters between its
 * characters: `a.c.m.e`, `a%20c%20m`). Each byte of a view knows the span of the text it came
 * from, so a secret found in a view is masked in the text. Building every view is linear in the
 * text's length.
 */

/** How a secret was spelled where it was found (the echo finding names it). */
export type SecretEncoding =
  | 'plain'
  | 'url-encoded'
  | 'json-escaped'
  | 'reversed'
  | 'hex'
  | 'base64'
  | 'separator-interleaved';

export interface TextView {
  encoding: SecretEncoding;
  length: number;
  bytes: Uint8Array;
  /** text span [from, to) of each byte */
  from: Int32Array;
  to: Int32Array;
  /** 1 where a byte does not continue the previous one (a rolling window restarts) */
  restart: Uint8Array;
}

class ViewBuilder {
  length = 0;
  bytes: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  restart: Uint8Array;
  encoding: SecretEncoding = 'plain';
  private pendingRestart = true;

  constructor(capacity: number) {
    const cap = Math.max(capacity, 4);
    this.bytes = new Uint8Array(cap);
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.restart = new Uint8Array(cap);
  }

  /**
   * Starts a new view in the same arrays (each view is scanned before the next is built: the
   * arrays are allocated once per scan, not once per view).
   */
  begin(encoding: SecretEncoding, capacity: number): this {
    this.encoding = encoding;
    this.length = 0;
    this.pendingRestart = true;
    if (capacity > this.bytes.length) this.allocate(Math.ceil(capacity), 0);
    return this;
  }

  push(byte: number, from: number, to: number): void {
    if (this.length === this.bytes.length) this.allocate(this.bytes.length * 2, this.length);
    const i = this.length++;
    this.bytes[i] = byte;
    this.from[i] = from;
    this.to[i] = to;
    this.restart[i] = this.pendingRestart ? 1 : 0;
    this.pendingRestart = false;
  }

  /** The UTF-8 bytes of one code point, all spanning [from, to). */
  pushCodePoint(cp: number, from: number, to: number): void {
    if (cp < 0x80) this.push(cp, from, to);
    else if (cp < 0x800) {
      this.push(0xc0 | (cp >> 6), from, to);
      this.push(0x80 | (cp & 63), from, to);
    } else if (cp < 0x10000) {
      this.push(0xe0 | (cp >> 12), from, to);
      this.push(0x80 | ((cp >> 6) & 63), from, to);
      this.push(0x80 | (cp & 63), from, to);
    } else {
      this.push(0xf0 | (cp >> 18), from, to);
      this.push(0x80 | ((cp >> 12) & 63), from, to);
      this.push(0x80 | ((cp >> 6) & 63), from, to);
      this.push(0x80 | (cp & 63), from, to);
    }
  }

  /** The next byte starts a new run (nothing before it continues into it). */
  cut(): void {
    this.pendingRestart = true;
  }

  done(): TextView {
    return { encoding: this.encoding, length: this.length, bytes: this.bytes, from: this.from, to: this.to, restart: this.restart };
  }

  /** Arrays of `cap` entries keeping the first `keep` of the current ones. */
  private allocate(cap: number, keep: number): void {
    const move = <T extends Uint8Array | Int32Array>(a: T, b: T): T => {
      if (keep > 0) b.set(a.subarray(0, keep));
      return b;
    };
    this.bytes = move(this.bytes, new Uint8Array(cap));
    this.from = move(this.from, new Int32Array(cap));
    this.to = move(this.to, new Int32Array(cap));
    this.restart = move(this.restart, new Uint8Array(cap));
  }
}

/** Scans keep arrays up to this many entries between calls (larger ones are dropped after the scan). */
const KEPT_CAPACITY = 1 << 16;
let spare: ViewBuilder | undefined;

/**
 * Every view of `text` worth scanning (decoding views only where the text has such runs). Each
 * view's arrays are valid until the next one is asked for: they are reused for every view.
 */
export function* textViews(text: string): Generator<TextView> {
  // a nested scan (none today) gets arrays of its own
  const v = spare ?? new ViewBuilder(text.length + 8);
  spare = undefined;
  try {
    yield plainView(text, v);
    if (text.includes('%')) yield percentView(text, v);
    if (text.includes('\\')) yield jsonView(text, v);
    yield reversedView(text, v);
    yield* hexViews(text, v);
    yield* base64Views(text, v);
    for (const stride of [2, 3, 4]) yield* strideViews(text, stride, v);
  } finally {
    if (v.bytes.length <= KEPT_CAPACITY) spare = v;
  }
}

function codePointAt(text: string, i: number): { cp: number; width: number } {
  const cp = text.codePointAt(i)!;
  return { cp, width: cp > 0xffff ? 2 : 1 };
}

function plainView(text: string, builder: ViewBuilder): TextView {
  const v = builder.begin('plain', text.length + 8);
  for (let i = 0; i < text.length; ) {
    const { cp, width } = codePointAt(text, i);
    v.pushCodePoint(cp, i, i + width);
    i += width;
  }
  return v.done();
}

function reversedView(text: string, builder: ViewBuilder): TextView {
  const v = builder.begin('reversed', text.length + 8);
  for (let i = text.length - 1; i >= 0; ) {
    const low = text.charCodeAt(i);
    const isPair = low >= 0xdc00 && low <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    const start = isPair ? i - 1 : i;
    v.pushCodePoint(text.codePointAt(start)!, start, i + 1);
    i = start - 1;
  }
  return v.done();
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

function percentView(text: string, builder: ViewBuilder): TextView {
  const v = builder.begin('url-encoded', text.length + 8);
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) === 37 && i + 2 < text.length + 0) {
      const h = hexValue(text.charCodeAt(i + 1));
      const l = hexValue(text.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        v.push(h * 16 + l, i, i + 3);
        i += 3;
        continue;
      }
    }
    const { cp, width } = codePointAt(text, i);
    v.pushCodePoint(cp, i, i + width);
    i += width;
  }
  return v.done();
}

const JSON_SIMPLE: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '"': 34, '\\': 92, '/': 47 };

function jsonView(text: string, builder: ViewBuilder): TextView {
  const v = builder.begin('json-escaped', text.length + 8);
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) === 92 && i + 1 < text.length) {
      const next = text[i + 1]!;
      const unit = next === 'u' ? hex4(text, i + 2) : -1;
      if (unit >= 0) {
        // a surrogate pair written as two escapes is one code point
        if (unit >= 0xd800 && unit <= 0xdbff && text.startsWith('\\u', i + 6)) {
          const low = hex4(text, i + 8);
          if (low >= 0xdc00 && low <= 0xdfff) {
            v.pushCodePoint(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00), i, i + 12);
            i += 12;
            continue;
          }
        }
        v.pushCodePoint(unit, i, i + 6);
        i += 6;
        continue;
      }
      const simple = JSON_SIMPLE[next];
      if (simple !== undefined) {
        v.push(simple, i, i + 2);
        i += 2;
        continue;
      }
    }
    const { cp, width } = codePointAt(text, i);
    v.pushCodePoint(cp, i, i + width);
    i += width;
  }
  return v.done();
}

function hex4(text: string, at: number): number {
  if (at + 4 > text.length) return -1;
  let n = 0;
  for (let k = 0; k < 4; k++) {
    const d = hexValue(text.charCodeAt(at + k));
    if (d < 0) return -1;
    n = n * 16 + d;
  }
  return n;
}

/** Maximal runs [start, end) of characters for which `member` holds, at least `min` long. */
function runs(text: string, member: (code: number) => boolean, min: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inside = i < text.length && member(text.charCodeAt(i));
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      if (i - start >= min) out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/** Hex runs decoded from an even and from an odd start (either case). */
function* hexViews(text: string, builder: ViewBuilder): Generator<TextView> {
  const found = runs(text, (c) => hexValue(c) >= 0, 16);
  if (found.length === 0) return;
  for (const parity of [0, 1]) {
    const v = builder.begin('hex', text.length / 2 + 8);
    for (const [start, end] of found) {
      v.cut();
      for (let i = start + parity; i + 1 < end; i += 2) v.push(hexValue(text.charCodeAt(i)) * 16 + hexValue(text.charCodeAt(i + 1)), i, i + 2);
    }
    yield v.done();
  }
}

/** base64 and base64url digits alike ('+' and '-' are 62, '/' and '_' are 63). */
function base64Value(code: number): number {
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 71;
  if (code >= 48 && code <= 57) return code + 4;
  if (code === 43 || code === 45) return 62;
  if (code === 47 || code === 95) return 63;
  if (code === 61) return 0; // padding: part of the value it ends
  return -1;
}

/**
 * base64 runs decoded from each of the four character alignments: a secret inside a longer
 * encoded value (`base64("Bearer " + key)`, a JWT) decodes to its own bytes at one of them.
 */
function* base64Views(text: string, builder: ViewBuilder): Generator<TextView> {
  const found = runs(text, (c) => base64Value(c) >= 0, 11);
  if (found.length === 0) return;
  for (const offset of [0, 1, 2, 3]) {
    const v = builder.begin('base64', (text.length * 3) / 4 + 8);
    for (const [start, end] of found) {
      v.cut();
      for (let g = start + offset; g + 1 < end; g += 4) {
        const n = Math.min(4, end - g);
        let bits = 0;
        for (let k = 0; k < 4; k++) bits = (bits << 6) | (k < n ? base64Value(text.charCodeAt(g + k)) : 0);
        const to = g + n;
        v.push((bits >>> 16) & 255, g, to);
        if (n >= 3) v.push((bits >>> 8) & 255, g, to);
        if (n === 4) v.push(bits & 255, g, to);
      }
    }
    yield v.done();
  }
}

/**
 * Every `stride`-th code point from each start: a secret with a separator of `stride - 1` code
 * points between its characters.
 */
function* strideViews(text: string, stride: number, builder: ViewBuilder): Generator<TextView> {
  if (text.length < stride * 8) return;
  if (!hasSurrogates(text)) {
    yield* asciiStrideViews(text, stride, builder);
    return;
  }
  const starts = new Int32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) starts[count++] = i;
  if (count < stride * 8) return;
  for (let r = 0; r < stride; r++) {
    const v = builder.begin('separator-interleaved', (count / stride) * 4 + 8);
    for (let k = r; k < count; k += stride) {
      const i = starts[k]!;
      const cp = text.codePointAt(i)!;
      v.pushCodePoint(cp, i, i + (cp > 0xffff ? 2 : 1));
    }
    yield v.done();
  }
}

function hasSurrogates(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** {@link strideViews} for a text without surrogate pairs: one code point per code unit. */
function* asciiStrideViews(text: string, stride: number, builder: ViewBuilder): Generator<TextView> {
  for (let r = 0; r < stride; r++) {
    const v = builder.begin('separator-interleaved', (text.length / stride) * 3 + 8);
    for (let i = r; i < text.length; i += stride) v.pushCodePoint(text.charCodeAt(i), i, i + 1);
    yield v.done();
  }
}
