/**
 * Exchanges as evidence: a compact text format, and their redaction and echo detection through
 * the one secrets module (src/secrets/; this file holds no masking of its own).
 */
import { MIN_ECHO_SECRET_LENGTH, maskSecret, secretMatcher, type SecretEncoding } from '../secrets/index.ts';
import type { Exchange, ProbeResponse } from './types.ts';

export { maskSecret, MIN_ECHO_SECRET_LENGTH };

/** Length of the body excerpt kept in a {@link RedactedExchange}. */
export const BODY_EXCERPT_CHARS = 2000;

/** Response headers {@link formatExchange} leaves out unless told otherwise. */
export const DEFAULT_OMITTED_HEADERS: readonly string[] = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
];

/** Every secret spelling in `text` masked (see SecretSet.mask). */
export function redactText(text: string, secrets: string[], knownPrefixes: string[] = []): string {
  return secretMatcher(secrets, knownPrefixes).mask(text);
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
  const set = secretMatcher(ex.request.secrets ?? [], knownPrefixes);
  return exchangeView(ex, (text) => set.mask(text));
}

/**
 * The exchange as evidence, each text passed through `r` (identity: unmasked, for a layer
 * whose output is masked at the exit).
 */
export function exchangeView(ex: Exchange, r: (text: string) => string = (text) => text): RedactedExchange {
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
 * Where, if anywhere, the response echoes one of the secrets back, in any spelling the secrets
 * module knows (plain, URL-encoded, JSON-escaped, reversed, hex, base64/base64url, also inside a
 * longer encoded value, separator-interleaved, or a run of 8 characters of it): e.g. "response
 * header x-debug", "response header set-cookie (hex)", "response body (base64)". Secrets
 * shorter than 8 characters are ignored, and so are documented prefixes (a target may name them).
 */
export function findSecretEcho(res: ProbeResponse, secrets: string[], knownPrefixes: string[] = []): string | undefined {
  const long = secrets.filter((s) => s.length >= MIN_ECHO_SECRET_LENGTH);
  if (long.length === 0) return undefined;
  const set = secretMatcher(long, knownPrefixes);
  for (const [name, value] of Object.entries(res.headers)) {
    const hit = set.findEcho(value);
    if (hit !== undefined) return `response header ${name}${encodingNote(hit)}`;
  }
  const hit = set.findEcho(res.body);
  if (hit !== undefined) return `response body${encodingNote(hit)}`;
  return undefined;
}

function encodingNote(encoding: SecretEncoding): string {
  return encoding === 'plain' ? '' : ` (${encoding})`;
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
