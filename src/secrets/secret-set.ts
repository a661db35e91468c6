/**
 * The run's secrets (fixture credentials, then tokens and keys learnt on the way) and the one
 * masker every output goes through. A secret is split into its documented prefix (public) and
 * its body; every run of 8 bytes of a body goes into a {@link GramTable}. Masking scans each
 * view of the text (plain, percent-decoded, JSON-unescaped, reversed, hex, base64/base64url at
 * every alignment, separator-interleaved; see text-views.ts) once and replaces every stretch of
 * the text that spells a run of >= 8 bytes of a body with '…' — the documented mask
 * (`prefix…last4`) where a whole body stands there in plain. Time is linear in the text; no
 * regular expression is built from a secret, so no secret length breaks it.
 *
 * Secrets whose body is shorter than 8 bytes are found by exact search of their plain,
 * URL-encoded and base64 spellings.
 */
import { GRAM, GramTable } from './gram-table.ts';
import { longestPrefix, maskSecret, maskTail } from './mask-secret.ts';
import { keyShape } from './key-shape.ts';
import { TextMemo } from './text-memo.ts';
import { textViews, type SecretEncoding, type TextView } from './text-views.ts';

/** Secrets shorter than this are not reported as echoed (they could match by chance). */
export const MIN_ECHO_SECRET_LENGTH = 8;
/** Secrets shorter than this are left alone (masking them would mask ordinary text). */
export const MIN_MASKED_SECRET_LENGTH = 3;

export interface SecretSetOptions {
  /** documented key prefixes: public, kept visible in masks (`sk_live_…p7dc`) */
  prefixes?: readonly string[];
}

interface ShortSecret {
  /** longest first */
  forms: Array<{ text: string; encoding: SecretEncoding }>;
  mask: string;
  /** long enough to count as an echo */
  echo: boolean;
}

/** What one scan found: covered spans and, per view, whether it hit. */
interface Scan {
  cover: Int32Array | undefined;
  /** exact plain bodies: span start → [end, tail] */
  tails: Map<number, [number, string]>;
  first: SecretEncoding | undefined;
}

export class SecretSet {
  #prefixes: string[];
  #grams = new GramTable();
  #values = new Set<string>();
  /** long bodies by their text, with the tail their mask may show ('' when none) */
  #bodies = new Map<string, string>();
  /** the same bodies by their UTF-8 bytes (as latin1 text), as a view holds them */
  #bodyBytes = new Map<string, string>();
  #byteLengths = new Set<number>();
  #short: ShortSecret[] = [];
  /** anything shaped like a key with a documented prefix (built from the prefixes, never from a secret) */
  #shape: RegExp | undefined;
  /** byte lookups made by scans so far (linearity is checked by counting, not timing) */
  lookups = 0;
  /** results by text, emptied whenever the secrets change */
  #masked = new TextMemo<string>();
  #echoes = new TextMemo<SecretEncoding | undefined>();

  constructor(secrets: Iterable<string> = [], options: SecretSetOptions = {}) {
    this.#prefixes = [...new Set((options.prefixes ?? []).filter((p) => p !== ''))];
    this.#shape = keyShape(this.#prefixes);
    this.addAll(secrets);
  }

  get size(): number {
    return this.#values.size;
  }

  get prefixes(): readonly string[] {
    return this.#prefixes;
  }

  has(secret: string): boolean {
    return this.#values.has(secret);
  }

  /** Adds documented key prefixes (public: masks keep them visible). */
  addPrefixes(prefixes: Iterable<string>): this {
    const merged = [...new Set([...this.#prefixes, ...prefixes].filter((p) => p !== ''))];
    if (merged.length === this.#prefixes.length) return this;
    const values = [...this.#values];
    this.#prefixes = merged;
    this.#shape = keyShape(merged);
    this.#masked.clear();
    this.#echoes.clear();
    this.#grams = new GramTable();
    this.#values = new Set();
    this.#bodies = new Map();
    this.#bodyBytes = new Map();
    this.#byteLengths = new Set();
    this.#short = [];
    return this.addAll(values);
  }

  /** A new set with these secrets and this set's secrets and prefixes. */
  with(extra: Iterable<string>): SecretSet {
    const out = new SecretSet(this.#values, { prefixes: this.#prefixes });
    out.addAll(extra);
    return out;
  }

  addAll(secrets: Iterable<string>): this {
    for (const s of secrets) this.add(s);
    return this;
  }

  /** Adds a secret (surrounding whitespace is no part of it: a padded key is the key). */
  add(value: string): this {
    const secret = value.trim();
    if (secret.length < MIN_MASKED_SECRET_LENGTH || this.#values.has(secret)) return this;
    this.#values.add(secret);
    this.#masked.clear();
    this.#echoes.clear();
    const prefix = longestPrefix(secret, this.#prefixes);
    const body = secret.slice(prefix.length);
    const bytes = Buffer.from(body, 'utf8');
    if (bytes.length >= GRAM) {
      this.#grams.addAll(bytes);
      this.#bodies.set(body, this.#tailShown(body));
      this.#byteLengths.add(bytes.length);
      // a body inside a longer one (a truncated key) would show characters from that one's middle
      for (const other of this.#bodies.keys()) {
        if (other.length < body.length && body.includes(other) && !body.endsWith(other)) this.#bodies.set(other, '');
      }
      this.#bodyBytes.clear();
      for (const [b, tail] of this.#bodies) this.#bodyBytes.set(Buffer.from(b, 'utf8').toString('latin1'), tail);
    } else {
      const forms = [
        { text: secret, encoding: 'plain' as const },
        { text: encodeURIComponent(secret), encoding: 'url-encoded' as const },
        ...base64Forms(secret).map((text) => ({ text, encoding: 'base64' as const })),
      ].filter((f, i, all) => all.findIndex((g) => g.text === f.text) === i);
      forms.sort((a, b) => b.text.length - a.text.length);
      this.#short.push({ forms, mask: maskSecret(secret, this.#prefixes), echo: secret.length >= MIN_ECHO_SECRET_LENGTH });
    }
    return this;
  }

  /** Every secret spelling in `text` masked ('…', or `prefix…last4` for a whole key in plain). */
  mask(text: string): string {
    if (text === '' || (this.#values.size === 0 && this.#shape === undefined)) return text;
    const known = this.#masked.get(text);
    if (known !== undefined) return known;
    const out = this.#maskNow(text);
    this.#masked.set(text, out);
    return out;
  }

  #maskNow(text: string): string {
    const scan = this.#scan(text, false);
    let out = scan.cover === undefined ? text : this.#apply(text, scan);
    for (const s of this.#short) out = maskShort(out, s);
    return this.#shape === undefined ? out : out.replace(this.#shape, (key) => maskSecret(key, this.#prefixes));
  }

  /**
   * How `text` spells one of the secrets (at least 8 characters long), if it does: the whole
   * secret or a run of at least half of its body, in any spelling masking knows.
   */
  findEcho(text: string): SecretEncoding | undefined {
    if (this.#values.size === 0 || text === '') return undefined;
    if (this.#echoes.has(text)) return this.#echoes.get(text);
    const found = this.#findEchoNow(text);
    this.#echoes.set(text, found);
    return found;
  }

  #findEchoNow(text: string): SecretEncoding | undefined {
    const found = this.#scan(text, true).first;
    if (found !== undefined) return found;
    for (const s of this.#short) {
      const hit = s.echo ? s.forms.find((f) => text.includes(f.text)) : undefined;
      if (hit !== undefined) return hit.encoding;
    }
    return undefined;
  }

  #tailShown(body: string): string {
    for (const other of this.#bodies.keys()) {
      if (other.length > body.length && other.includes(body) && !other.endsWith(body)) return '';
    }
    return maskTail(body);
  }

  #scan(text: string, stopAtFirst: boolean): Scan {
    const scan: Scan = { cover: undefined, tails: new Map(), first: undefined };
    if (this.#grams.size === 0) return scan;
    for (const view of textViews(text)) {
      if (this.#scanView(text, view, scan, stopAtFirst) && stopAtFirst) return scan;
    }
    return scan;
  }

  /** Marks the text spans of every gram found in `view`; true when it found an echo (with `echoes`). */
  #scanView(text: string, view: TextView, scan: Scan, echoes: boolean): boolean {
    const { bytes, from, to, restart } = view;
    let hi = 0;
    let lo = 0;
    let filled = 0;
    let hit = false;
    let runStart = -1;
    let runEnd = -1;
    // a run of hits: the text span it covers is masked; if it spells a whole body the mask gets
    // that body's tail; if it spells at least half a body it is an echo (a shared piece, such as
    // every JWT's header, is not)
    const closeRun = (): void => {
      if (runStart < 0) return;
      const a = Math.min(from[runStart]!, from[runEnd]!);
      const b = Math.max(to[runStart]!, to[runEnd]!);
      scan.cover ??= new Int32Array(text.length + 1);
      scan.cover[a]! += 1;
      scan.cover[b]! -= 1;
      const length = runEnd - runStart + 1;
      const spelt = (): string => Buffer.from(bytes.buffer, bytes.byteOffset + runStart, length).toString('latin1');
      if (this.#byteLengths.has(length)) {
        const tail = this.#bodyBytes.get(spelt());
        if (tail !== undefined && !scan.tails.has(a)) scan.tails.set(a, [b, tail]);
      }
      if (scan.first === undefined && echoes) {
        const piece = spelt();
        for (const body of this.#bodyBytes.keys()) {
          if (length * 2 >= body.length && body.includes(piece)) {
            scan.first = view.encoding;
            break;
          }
        }
      }
      runStart = -1;
    };
    const grams = this.#grams;
    let lookups = 0;
    for (let j = 0; j < view.length; j++) {
      if (restart[j] === 1) {
        filled = 0;
        closeRun();
      }
      hi = ((hi << 8) | (lo >>> 24)) >>> 0;
      lo = ((lo << 8) | bytes[j]!) >>> 0;
      if (++filled < GRAM) continue;
      lookups += 1;
      if (!grams.has(hi, lo)) continue;
      hit = true;
      const s = j - GRAM + 1;
      if (runStart >= 0 && s <= runEnd + 1) runEnd = j;
      else {
        closeRun();
        runStart = s;
        runEnd = j;
      }
    }
    closeRun();
    this.lookups += lookups;
    return hit && scan.first !== undefined;
  }

  #apply(text: string, scan: Scan): string {
    const cover = scan.cover!;
    let out = '';
    let plainFrom = 0;
    let runFrom = 0;
    let depth = 0;
    for (let i = 0; i <= text.length; i++) {
      const next = depth + cover[i]!;
      if (depth === 0 && next > 0) {
        out += text.slice(plainFrom, i);
        runFrom = i;
      } else if (depth > 0 && next === 0) {
        const exact = scan.tails.get(runFrom);
        out += `…${exact !== undefined && exact[0] === i ? exact[1] : ''}`;
        plainFrom = i;
      }
      depth = next;
    }
    return out + text.slice(plainFrom);
  }
}

function base64Forms(secret: string): string[] {
  const b64 = Buffer.from(secret, 'utf8').toString('base64');
  return [b64, b64.replace(/=+$/, ''), Buffer.from(secret, 'utf8').toString('base64url')].filter((f) => f.length >= MIN_MASKED_SECRET_LENGTH);
}

function maskShort(text: string, s: ShortSecret): string {
  let out = text;
  for (const form of s.forms) if (out.includes(form.text)) out = out.split(form.text).join(s.mask);
  return out;
}
