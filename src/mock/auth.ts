/**
 * Authentication of one request against the operation's schemes:
 * - extraction: each credential header of the operation, case-insensitive; a header shared by a
 *   bearer and a raw scheme routes `Bearer <t>` (scheme word case-insensitive, 1+ spaces) to the
 *   bearer scheme and any other value to the raw one (the "distinguishedBy" rule);
 * - lookup: the value must be a known credential of the kind the scheme carries (key or token);
 * - lifecycle: revoked past the grace window → rotation error, expired token → expired error.
 */
import type { CredentialScheme, ErrorSpec } from '../spec/contract.ts';
import type { CredentialRecord } from './credentials.ts';
import type { MockRequest } from './request.ts';
import type { SchemeGroup } from './routes.ts';
import type { Runtime } from './runtime.ts';

export type Extraction =
  | { kind: 'none' }
  | { kind: 'malformed' }
  | { kind: 'value'; value: string; candidates: CredentialScheme[] };

export type AuthOutcome =
  | { kind: 'ok'; record: CredentialRecord; scheme?: CredentialScheme; anonymous: boolean }
  | { kind: 'refused'; error: ErrorSpec; extra?: Record<string, unknown> }
  | { kind: 'crash' };

const BEARER = /^bearer(?:[ \t]+(.*))?$/i;

export function extractCredential(headers: MockRequest['headers'], groups: readonly SchemeGroup[]): Extraction {
  for (const g of groups) {
    const raw = headers.get(g.header);
    if (raw === null) continue;
    const value = raw.trim();
    if (g.bearer.length > 0) {
      const m = BEARER.exec(value);
      if (m !== null) {
        const token = (m[1] ?? '').trim();
        return token === '' ? { kind: 'malformed' } : { kind: 'value', value: token, candidates: g.bearer };
      }
    }
    if (g.raw.length > 0) return value === '' ? { kind: 'malformed' } : { kind: 'value', value, candidates: g.raw };
    return { kind: 'malformed' };
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
export function authenticate(rt: Runtime, headers: MockRequest['headers'], groups: readonly SchemeGroup[], now: number): AuthOutcome {
  const st = rt.stages;
  const x = extractCredential(headers, groups);
  if (x.kind === 'none') return st.missing(rt);
  if (x.kind === 'malformed') return st.malformed(rt);

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
