/**
 * Keeping secrets out of evidence: masking, redaction of text and whole
 * exchanges, a compact exchange format, and detection of secrets echoed back
 * by the target.
 */
import { secretForms, type SecretEncoding } from './secret-forms.ts';
import type { Exchange, ProbeResponse } from './types.ts';

/** Length of the body excerpt kept in a {@link RedactedExchange}. */
export const BODY_EXCERPT_CHARS = 2000;

/** Secrets shorter than this are not searched for by {@link findSecretEcho}. */
export const MIN_ECHO_SECRET_LENGTH = 8;

/** Response headers {@link formatExchange} leaves out unless told otherwise. */
export const DEFAULT_OMITTED_HEADERS: readonly string[] = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
];

/**
 * Masks a secret for display: the documented prefix (the longest of
 * `knownPrefixes` the secret starts with), '…', and the last four characters.
 * When 12 characters or fewer follow the prefix, no tail is shown.
 *
 * maskSecret('sk_live_4eC39HqLyjWDarjtT1zdp7dc', ['sk_live_']) === 'sk_live_…p7dc'
 */
export function maskSecret(secret: string, knownPrefixes: string[] = []): string {
  const prefix = longestPrefix(secret, knownPrefixes);
  const rest = secret.slice(prefix.length);
  return rest.length <= 12 ? `${prefix}…` : `${prefix}…${rest.slice(-4)}`;
}

/**
 * Replaces every occurrence of each secret, in plain, URL-encoded, base64 and
 * base64url form, with its mask ({@link maskSecret}); the longest match wins
 * and masks are never re-masked.
 *
 * Partial leaks are caught too: any run of at least max(8, half its length)
 * consecutive characters of a secret's non-prefix part (a truncated echo, say)
 * becomes '…'. A secret that is a piece of a longer one (a truncated key sent
 * as a probe) is masked without its tail, which would be characters from the
 * middle of the longer secret.
 */
export function redactText(text: string, secrets: string[], knownPrefixes: string[] = []): string {
  const unique = [...new Set(secrets)].filter((s) => s !== '');
  if (unique.length === 0 || text === '') return text;

  const patterns = new Map<string, string>();
  for (const secret of unique) {
    const mask = tailIsInside(secret, unique, knownPrefixes)
      ? `${longestPrefix(secret, knownPrefixes)}…`
      : maskSecret(secret, knownPrefixes);
    for (const form of secretForms(secret)) if (!patterns.has(form.text)) patterns.set(form.text, mask);
  }
  const ordered = [...patterns.keys()].sort((a, b) => b.length - a.length);
  const alternation = new RegExp(ordered.map(escapeRegExp).join('|'), 'g');
  let out = text.replace(alternation, (match) => patterns.get(match) ?? '…');

  for (const secret of unique) out = redactPartial(out, secret.slice(longestPrefix(secret, knownPrefixes).length));
  return out;
}

/** A serialisable, redacted view of an {@link Exchange}. */
export interface RedactedExchange {
  method: string;
  url: string;
  /** names as given */
  requestHeaders: Record<string, string>;
  /** request body excerpt, when there was one */
  requestBody?: string;
  status?: number;
  /** lower-cased names */
  responseHeaders?: Record<string, string>;
  /** response body excerpt, at most {@link BODY_EXCERPT_CHARS} characters */
  body?: string;
  /** true when `body` is shorter than what the target sent */
  bodyTruncated?: boolean;
  elapsedMs?: number;
  error?: { code: string; message: string };
}

/** Redacts everything in an exchange with the request's own `secrets`. */
export function redactExchange(ex: Exchange, knownPrefixes: string[] = []): RedactedExchange {
  const secrets = ex.request.secrets ?? [];
  const r = (text: string): string => redactText(text, secrets, knownPrefixes);
  const out: RedactedExchange = {
    method: ex.request.method,
    url: r(ex.request.url),
    requestHeaders: mapValues(ex.request.headers, r),
  };
  if (ex.request.body !== undefined && ex.request.body !== '') {
    out.requestBody = excerpt(r(ex.request.body)).text;
  }
  if (ex.response !== undefined) {
    const body = excerpt(r(ex.response.body));
    out.status = ex.response.status;
    out.responseHeaders = mapValues(ex.response.headers, r);
    out.body = body.text;
    if (body.cut || ex.response.truncated) out.bodyTruncated = true;
    out.elapsedMs = ex.response.elapsedMs;
  }
  if (ex.error !== undefined) out.error = { code: ex.error.code, message: r(ex.error.message) };
  return out;
}

export interface FormatExchangeOptions {
  /**
   * response headers to leave out (lower-case)
   * @default DEFAULT_OMITTED_HEADERS
   */
  omitHeaders?: readonly string[];
}

/**
 * Compact multi-line text: `>` lines for the request, `<` lines for the
 * response (status, headers, body), `!` for a transport error.
 *
 * ```
 * > GET http://127.0.0.1:4010/v1/profiles?url=x
 * > authorization: Bearer sk_live_…9f2c
 * < 401
 * < content-type: application/json
 * < {"error":"missing_key"}
 * ```
 */
export function formatExchange(r: RedactedExchange, options: FormatExchangeOptions = {}): string {
  const omit = new Set((options.omitHeaders ?? DEFAULT_OMITTED_HEADERS).map((h) => h.toLowerCase()));
  const lines = [`> ${r.method} ${r.url}`];
  for (const [name, value] of Object.entries(r.requestHeaders)) lines.push(`> ${name}: ${value}`);
  if (r.requestBody !== undefined) lines.push(...prefixLines('> ', r.requestBody));
  if (r.status !== undefined) {
    lines.push(`< ${r.status}`);
    for (const [name, value] of Object.entries(r.responseHeaders ?? {})) {
      if (!omit.has(name)) lines.push(`< ${name}: ${value}`);
    }
    if (r.body !== undefined && r.body !== '') lines.push(...prefixLines('< ', r.body));
    if (r.bodyTruncated === true) lines.push('< … (body truncated)');
  }
  if (r.error !== undefined) lines.push(`! ${r.error.code} ${r.error.message}`);
  return lines.join('\n');
}

/**
 * Where, if anywhere, the response echoes one of the secrets back (plain,
 * URL-encoded or base64): e.g. "response header x-debug", "response body
 * (base64)". Secrets shorter than 8 characters are ignored.
 */
export function findSecretEcho(res: ProbeResponse, secrets: string[]): string | undefined {
  const forms = [...new Set(secrets)]
    .filter((s) => s.length >= MIN_ECHO_SECRET_LENGTH)
    .flatMap((s) => secretForms(s));
  if (forms.length === 0) return undefined;
  for (const [name, value] of Object.entries(res.headers)) {
    const hit = forms.find((f) => value.includes(f.text));
    if (hit) return `response header ${name}${encodingNote(hit.encoding)}`;
  }
  const hit = forms.find((f) => res.body.includes(f.text));
  if (hit) return `response body${encodingNote(hit.encoding)}`;
  return undefined;
}

function encodingNote(encoding: SecretEncoding): string {
  return encoding === 'plain' ? '' : ` (${encoding})`;
}

/** Whether the last characters of `secret` lie inside (not at the end of) a longer secret. */
function tailIsInside(secret: string, secrets: string[], knownPrefixes: string[]): boolean {
  const body = secret.slice(longestPrefix(secret, knownPrefixes).length);
  if (body.length < MIN_ECHO_SECRET_LENGTH) return false;
  return secrets.some((other) => {
    if (other.length <= secret.length) return false;
    const end = other.trimEnd().length;
    for (let at = other.indexOf(body); at !== -1; at = other.indexOf(body, at + 1)) {
      if (at + body.length !== end) return true;
    }
    return false;
  });
}

function longestPrefix(secret: string, knownPrefixes: string[]): string {
  let best = '';
  for (const p of knownPrefixes) if (p.length > best.length && secret.startsWith(p)) best = p;
  return best;
}

/** Replaces runs of ≥ max(8, ⌈len/2⌉) consecutive characters of `part` with '…'. */
function redactPartial(text: string, part: string): string {
  const gram = Math.max(8, Math.ceil(part.length / 2));
  if (part.length < gram) return text;
  let covered: Uint8Array | undefined;
  for (let i = 0; i + gram <= part.length; i++) {
    const piece = part.slice(i, i + gram);
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      covered ??= new Uint8Array(text.length);
      covered.fill(1, at, at + gram);
    }
  }
  if (covered === undefined) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (covered[i] === 1) {
      if (i === 0 || covered[i - 1] !== 1) out += '…';
    } else {
      out += text[i];
    }
  }
  return out;
}

function excerpt(text: string): { text: string; cut: boolean } {
  if (text.length <= BODY_EXCERPT_CHARS) return { text, cut: false };
  let end = BODY_EXCERPT_CHARS;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // do not split a surrogate pair
  return { text: text.slice(0, end), cut: true };
}

function prefixLines(prefix: string, text: string): string[] {
  return text.split(/\r?\n/).map((line) => `${prefix}${line}`);
}

function mapValues(record: Record<string, string>, fn: (value: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) out[k] = fn(v);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
