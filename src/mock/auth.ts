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
import { synthesized } from './error-catalog.ts';
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

/** The principal served when a defect lets an unauthenticated request through. */
function anonymous(rt: Runtime): AuthOutcome {
  const record = rt.state.byRole('valid') ?? rt.state.credentials.values().next().value;
  if (record === undefined) return { kind: 'refused', error: rt.errors.invalid };
  return { kind: 'ok', record, anonymous: true };
}

function sameError(a: ErrorSpec, b: ErrorSpec): boolean {
  return a.status === b.status && a.code === b.code;
}

export function authenticate(rt: Runtime, headers: MockRequest['headers'], groups: readonly SchemeGroup[], now: number): AuthOutcome {
  const f = rt.faults;
  const x = extractCredential(headers, groups);
  if (x.kind === 'none') {
    if (f.serveMissing) return anonymous(rt);
    if (f.missingWrongError) {
      return { kind: 'refused', error: sameError(rt.errors.invalid, rt.errors.missing) ? synthesized(403, 'forbidden') : rt.errors.invalid };
    }
    return { kind: 'refused', error: rt.errors.missing };
  }
  if (x.kind === 'malformed') return f.malformed500 ? { kind: 'crash' } : { kind: 'refused', error: rt.errors.invalid };

  let record = rt.state.lookup(x.value);
  let scheme = record === undefined ? undefined : x.candidates.find((s) => s.credential === record?.kind);
  if (record === undefined || scheme === undefined) {
    const truncated = f.acceptTruncated || f.malformed500 ? rt.state.keyTruncatedTo(x.value) : undefined;
    if (truncated !== undefined && f.malformed500) return { kind: 'crash' };
    if (truncated !== undefined) {
      record = truncated;
      scheme = x.candidates[0];
    } else if (f.acceptUnknown) {
      return anonymous(rt);
    } else {
      return { kind: 'refused', error: rt.errors.invalid };
    }
  }

  if (record.revokedAt !== undefined) {
    const grace = f.zeroGrace ? 0 : (rt.contract.rotation?.graceMs ?? 0);
    const kept = f.revokedNeverExpire || (f.runtimeRevocationIgnored && record.revokedBy === 'control');
    if (now >= record.revokedAt + grace && !kept) {
      return f.revokedMarked ? { kind: 'refused', error: rt.errors.rotation, extra: { revoked: true } } : { kind: 'refused', error: rt.errors.rotation };
    }
  }
  if (record.expiresAt !== undefined && now >= record.expiresAt && !f.tokensNeverExpire) return { kind: 'refused', error: rt.errors.expiredToken };
  if (f.keysExpireAfterMs !== undefined && record.kind === 'api_key' && now - record.createdAt > f.keysExpireAfterMs) {
    return { kind: 'refused', error: rt.errors.invalid };
  }
  const refuse = scheme !== undefined ? f.refuseSchemes.get(scheme.name) : undefined;
  const org = rt.contract.organization?.header;
  if (refuse !== undefined && !(refuse.unlessOrganization && org !== undefined && headers.get(org) !== null)) {
    return { kind: 'refused', error: rt.errors.invalid };
  }
  const ok: AuthOutcome = { kind: 'ok', record, anonymous: false };
  if (scheme !== undefined) ok.scheme = scheme;
  return ok;
}
