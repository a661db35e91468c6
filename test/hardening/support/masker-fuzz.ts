/**
 * Fuzz (run in 4 parts of 250, masker-fuzz-1..4.test.ts, so that the parts run side by side and
 * each stays well inside its timeout on a loaded machine): 1,000 random secrets (1-64 KB, random alphabets, ASCII and beyond) each echoed in a
 * random spelling between two runs of noise, through the masker. Nothing of 8 or more
 * characters of a secret survives in any spelling, the noise is untouched, and the work is
 * linear: the masker's own count of lookups stays within a fixed multiple of the text's length
 * (counted, not timed). Seeded, so a failure names a reproducible case.
 */
import { expect } from 'vitest';
import { SecretSet } from '../../../src/secrets/index.ts';
import { seededRandom as rng } from '../../../src/stats/seeded-random.ts';


const POOL = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.:,;@#$&*()éжü€😀'];
/** never in a secret or an encoding of one: what is left of it must be exactly this */
const NOISE = [...'<>{}[]!~ '];
const SEPARATORS = ['.', '-', '%20', '::'];

type Spell = (s: string) => string;
const SPELLINGS: Array<[string, Spell]> = [
  ['plain', (s) => s],
  ['url-encoded', (s) => encodeURIComponent(s)],
  ['base64', (s) => Buffer.from(s).toString('base64')],
  ['base64url', (s) => Buffer.from(s).toString('base64url')],
  ['base64 inside', (s) => Buffer.from(`Bearer ${s}`).toString('base64')],
  ['base64url inside', (s) => Buffer.from(`{"k":"${s}"}`).toString('base64url')],
  ['hex', (s) => Buffer.from(s).toString('hex')],
  ['HEX', (s) => Buffer.from(s).toString('hex').toUpperCase()],
  ['reversed', (s) => [...s].reverse().join('')],
  ['json', (s) => JSON.stringify(s)],
  ['json \\u', (s) => [...s].map((c) => (c.codePointAt(0)! > 0xffff ? JSON.stringify(c).slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('')],
  ...SEPARATORS.map((sep): [string, Spell] => [`interleaved ${sep}`, (s) => [...s].join(sep)]),
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function randomSecret(r: () => number): string {
  const alphabet = POOL.filter(() => r() < 0.5);
  if (alphabet.length < 2) alphabet.push('q', 'Z');
  // 1-64 KB, log-uniform: every size class gets cases
  const bytes = Math.floor(Math.exp(Math.log(1024) + r() * Math.log(64)));
  const sizes = alphabet.map((c) => Buffer.byteLength(c));
  const chars: string[] = [];
  for (let size = 0; size < bytes; ) {
    const k = Math.floor(r() * alphabet.length);
    chars.push(alphabet[k]!);
    size += sizes[k]!;
  }
  return chars.join('');
}

function noise(r: () => number): string {
  let s = '';
  const n = 50 + Math.floor(r() * 200);
  for (let i = 0; i < n; i++) s += pick(r, NOISE);
  return s;
}

/** Every decoding of a piece an echo may use, as bytes. */
function decodings(piece: string): Buffer[] {
  const out = [Buffer.from(piece), Buffer.from([...piece].reverse().join(''))];
  for (const at of [0, 1]) out.push(Buffer.from(piece.slice(at).replace(/[^0-9a-fA-F]/g, ''), 'hex'));
  for (const at of [0, 1, 2, 3]) out.push(Buffer.from(piece.slice(at).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  out.push(Buffer.from(piece.replace(/%([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'));
  out.push(Buffer.from(piece.replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))));
  for (const sep of SEPARATORS) out.push(Buffer.from(piece.split(sep).join('')));
  return out;
}

/** The first 8-byte run of `secret` found in a decoding of `piece`, if any. */
function leakIn(secret: Buffer, piece: string): string | undefined {
  for (const decoded of decodings(piece)) {
    for (let i = 0; i + 8 <= decoded.length; i++) {
      if (secret.indexOf(decoded.subarray(i, i + 8)) >= 0) return decoded.subarray(i, i + 8).toString('latin1');
    }
  }
  return undefined;
}

/** A view of the text is at most 3 bytes per UTF-16 unit; there are 25 units' worth of views. */
const LOOKUPS_PER_CHAR = 25;

/** the secrets of the fuzz, over all parts */
export const FUZZ_SECRETS = 1000;
export const FUZZ_PARTS = 4;

/**
 * Part `part` (1-based) of the fuzz: FUZZ_SECRETS / FUZZ_PARTS secrets from its own seed (a
 * failure names the part and the case, reproducible).
 */
export function fuzzPart(part: number): void {
  const r = rng(0x5ec2e7 + part - 1);
  const count = FUZZ_SECRETS / FUZZ_PARTS;
  const failures: string[] = [];
  let textChars = 0;
  let maxRatio = 0;
  for (let n = 0; n < count; n++) {
    const secret = randomSecret(r);
    const [name, spell] = pick(r, SPELLINGS);
    const before = noise(r);
    const after = noise(r);
    const text = `${before}${spell(secret)}${after}`;
    const set = new SecretSet([secret]);
    const out = set.mask(text);
    textChars += text.length;
    maxRatio = Math.max(maxRatio, set.lookups / text.length);
    const label = `part ${part} #${n} ${name}, ${Buffer.byteLength(secret)} bytes`;
    if (set.lookups > LOOKUPS_PER_CHAR * text.length) failures.push(`${label}: ${set.lookups} lookups for ${text.length} characters`);
    if (!out.startsWith(before) || !out.endsWith(after)) {
      failures.push(`${label}: noise changed`);
      continue;
    }
    const middle = out.slice(before.length, out.length - after.length);
    // the documented mask may end in the secret's last four characters
    const tail = [...secret].slice(-4).join('');
    for (const [i, chunk] of middle.split('…').entries()) {
      const piece = i > 0 && chunk.startsWith(tail) ? chunk.slice(tail.length) : chunk;
      const leak = leakIn(Buffer.from(secret), piece);
      if (leak !== undefined) failures.push(`${label}: ${JSON.stringify(leak)} survived in ${JSON.stringify(piece.slice(0, 40))}`);
    }
  }
  expect(failures).toEqual([]);
  expect(maxRatio).toBeLessThanOrEqual(LOOKUPS_PER_CHAR);
  expect(textChars).toBeGreaterThan(count * 1024);
}
