/**
 * Authentication of one request against the operation's schemes:
 * - extraction: each credential header (query parameter, cookie) of the operation, case-insensitive;
 *   a header shared by worded and raw schemes routes `<word> <t>` (a declared scheme word,
 *   case-insensitive, 1+ spaces; `Basic` decoded to the key's documented half) to the worded
 *   scheme and any other value to the raw one (the "distinguishedBy" rule); a value with no word
 *   where only worded schemes are declared is malformed (a "bare" credential);
 * - lookup: the value must be a known credential of the kind the scheme carries (key or token);
 * - lifecycle: revoked past the grace window → rotation error, expired token → expired error.
 */
import type { CredentialScheme, ErrorSpec } from '../spec/contract.ts';
import { schemeWords } from '../spec/scheme-words.ts';
import type { CredentialRecord } from './credentials.ts';
import { cookieValue, refusedPlacementIn, refusedSchemeIn } from './refusals.ts';
import type { MockRequest } from './request.ts';
import type { SchemeGroup } from './routes.ts';
import type { Runtime } from './runtime.ts';

export type Extraction =
  | { kind: 'none' }
  | { kind: 'malformed'; bare?: Bare }
  | { kind: 'value'; value: string; candidates: CredentialScheme[] };

export type AuthOutcome =
  | { kind: 'ok'; record: CredentialRecord; scheme?: CredentialScheme; anonymous: boolean }
  | { kind: 'refused'; error: ErrorSpec; extra?: Record<string, unknown> }
  | { kind: 'crash' };

/** A value sent without the scheme word its header's schemes require (`Authorization: KEY`). */
export interface Bare {
  value: string;
  candidates: CredentialScheme[];
}

/** Where the credential groups read from: the headers, and the query of the request URL. */
export interface CredentialSource {
  headers: MockRequest['headers'];
  url?: string;
}

const WORD = /^(\S+)(?:[ \t]+(.*))?$/;

function lower(words: readonly string[]): string[] {
  return words.map((w) => w.toLowerCase());
}

/** The key of a Basic user-pass in the scheme's documented half; undefined when the other half differs. */
function basicKey(scheme: CredentialScheme, encoded: string): string | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const user = decoded.slice(0, colon);
  const pass = decoded.slice(colon + 1);
  const b = scheme.basic ?? { keyAs: 'username', username: '', password: '' };
  if (b.keyAs === 'password') return user === b.username && pass !== '' ? pass : undefined;
  return pass === b.password && user !== '' ? user : undefined;
}

/** The value of an Authorization-like header for the group's worded schemes (bearer words, Basic). */
function worded(g: SchemeGroup, value: string): Extraction | undefined {
  const m = WORD.exec(value);
  const word = (m?.[1] ?? '').toLowerCase();
  const rest = (m?.[2] ?? '').trim();
  const bearer = g.bearer.filter((s) => lower(schemeWords(s)).includes(word));
  if (bearer.length > 0) return rest === '' ? { kind: 'malformed' } : { kind: 'value', value: rest, candidates: bearer };
  const basic = (g.basic ?? []).filter((s) => word === 'basic' && lower(schemeWords(s)).includes(word));
  for (const s of basic) {
    const key = rest === '' ? undefined : basicKey(s, rest);
    if (key !== undefined) return { kind: 'value', value: key, candidates: [s] };
  }
  if (basic.length > 0) return { kind: 'malformed' };
  return undefined;
}

function rawValue(source: CredentialSource, g: SchemeGroup): string | null {
  if (g.in === 'query') return source.url === undefined ? null : new URL(source.url, 'http://mock.invalid').searchParams.get(g.header);
  if (g.in === 'cookie') return cookieValue(source.headers.get('cookie'), g.header);
  return source.headers.get(g.header);
}

export function extractCredential(headers: MockRequest['headers'], groups: readonly SchemeGroup[], url?: string): Extraction {
  const source: CredentialSource = url === undefined ? { headers } : { headers, url };
  for (const g of groups) {
    const raw = rawValue(source, g);
    if (raw === null) continue;
    const value = raw.trim();
    const wordedSchemes = [...g.bearer, ...(g.basic ?? [])];
    if (wordedSchemes.length > 0) {
      const found = worded(g, value);
      if (found !== undefined) return found;
    }
    if (g.raw.length > 0) return value === '' ? { kind: 'malformed' } : { kind: 'value', value, candidates: g.raw };
    // no scheme word at all: a bare credential (the most common client mistake)
    return value !== '' && !/\s/.test(value) ? { kind: 'malformed', bare: { value, candidates: wordedSchemes } } : { kind: 'malformed' };
  }
  return { kind: 'none' };
}

/** The principal served when a request is let through without a known credential (defects only). */
export function anonymous(rt: Runtime): AuthOutcome {
  const record = rt.state.byRole('valid') ?? rt.state.credentials.values().next().value;
  if (record === undefined) return { kind: 'refused', error: rt.errors.invalid };
  return { kind: 'ok', record, anonymous: true };
}

/** Extraction, lookup and lifecycle, each decision a stage (stages.ts). */
export function authenticate(rt: Runtime, source: CredentialSource, groups: readonly SchemeGroup[], now: number): AuthOutcome {
  const st = rt.stages;
  const headers = source.headers;
  // a scheme word the docs refuse (x-authconform.refusedSchemes): its documented error
  const refusedWord = refusedSchemeIn(rt.contract, headers.get('authorization'));
  if (refusedWord !== undefined) return st.refusedScheme(rt, refusedWord.refused, refusedWord.rest);
  let x = extractCredential(headers, groups, source.url);
  if (x.kind === 'none') {
    // no credential where the schemes put it, one where the docs refuse it (refusedPlacements)
    const placed = refusedPlacementIn(rt.contract, source);
    if (placed !== undefined) return st.refusedPlacement(rt, placed.placement, placed.value);
    // a credential where no scheme puts it (the query string): the conformant stage reads none
    const queried = source.url === undefined ? undefined : st.queryCredential(rt, source.url);
    if (queried === undefined) return st.missing(rt);
    x = { kind: 'value', value: queried, candidates: groups.flatMap((g) => [...g.bearer, ...(g.basic ?? []), ...g.raw]) };
  }
  if (x.kind === 'malformed') return st.malformed(rt, x.bare);
  const refusedPrefix = st.refusedPrefix(rt, x.value);
  if (refusedPrefix !== undefined) return { kind: 'refused', error: refusedPrefix };

  const record = rt.state.lookup(x.value);
  const scheme = record === undefined ? undefined : x.candidates.find((s) => s.credential === record.kind);
  if (record === undefined || scheme === undefined) {
    const found = st.unknown(rt, x.value, x.candidates);
    if (found.kind !== 'ok' || found.anonymous) return found;
    return live(rt, found.record, found.scheme, headers, now);
  }
  return live(rt, record, scheme, headers, now);
}

/** A known credential: revoked, expired, or refused in this scheme; else accepted. */
function live(rt: Runtime, record: CredentialRecord, scheme: CredentialScheme | undefined, headers: MockRequest['headers'], now: number): AuthOutcome {
  const st = rt.stages;
  const refused = st.revocation(rt, record, now) ?? st.tokenExpiry(rt, record, now) ?? st.credential(rt, record, scheme, headers, now);
  if (refused !== undefined) return refused;
  const ok: AuthOutcome = { kind: 'ok', record, anonymous: false };
  if (scheme !== undefined) ok.scheme = scheme;
  return ok;
}
