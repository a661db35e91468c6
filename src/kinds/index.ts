/**
 * Every requirement kind, in plan order within each family (see kind.ts). A new kind is one file
 * here and one line below.
 */
import type { FamilyId, KindDefinition } from './kind.ts';
import { credentialAccepted } from './credential-accepted.ts';
import { credentialMissing } from './credential-missing.ts';
import { credentialInvalid } from './credential-invalid.ts';
import { credentialFormats } from './credential-formats.ts';
import { credentialTestMode } from './credential-test-mode.ts';
import { keyGrace } from './key-grace.ts';
import { keyRevoked } from './key-revoked.ts';
import { keyNoExpiry } from './key-no-expiry.ts';
import { keyIndistinguishable } from './key-indistinguishable.ts';
import { scopeDenied } from './scope-denied.ts';
import { tenantIsolation } from './tenant-isolation.ts';
import { orgMembership } from './org-membership.ts';
import { ratelimitHeaders } from './ratelimit-headers.ts';
import { ratelimitLimit } from './ratelimit-limit.ts';
import { ratelimitRemaining } from './ratelimit-remaining.ts';
import { ratelimitReset } from './ratelimit-reset.ts';
import { ratelimitExceeded } from './ratelimit-exceeded.ts';
import { ratelimitRetryAfter } from './ratelimit-retry-after.ts';
import { ratelimitPerKey } from './ratelimit-per-key.ts';
import { ratelimitRecovery } from './ratelimit-recovery.ts';
import { loginIssue } from './login-issue.ts';
import { loginReject } from './login-reject.ts';
import { loginExpiry } from './login-expiry.ts';
import { transportHttpsOnly } from './transport-https-only.ts';
import { responseHeaderEcho } from './response-header-echo.ts';
import { requestRequiredHeader } from './request-required-header.ts';
// issue 10 (wt/authfmt)
import { credentialRefusedPrefix } from './credential-refused-prefix.ts';
import { errorMessage } from './error-message.ts';
import { responseHeader } from './response-header.ts';
import { credentialLockout } from './credential-lockout.ts';
// profile kinds (profiles/*.yaml, layered with --profile)
import { stdChallenge } from './std-challenge.ts';
import { stdSchemeCase } from './std-scheme-case.ts';
import { stdTokenNoStore } from './std-token-no-store.ts';
import { stdBearerInvalidToken } from './std-bearer-invalid-token.ts';
import { secLoginPasswordExact } from './sec-login-password-exact.ts';
import { secKeyNoEnumeration } from './sec-key-no-enumeration.ts';
import { secTiming } from './sec-timing.ts';

export const KINDS = [
  credentialAccepted,
  credentialMissing,
  credentialInvalid,
  credentialFormats,
  credentialTestMode,
  keyGrace,
  keyRevoked,
  keyNoExpiry,
  keyIndistinguishable,
  scopeDenied,
  tenantIsolation,
  orgMembership,
  ratelimitHeaders,
  ratelimitLimit,
  ratelimitRemaining,
  ratelimitReset,
  ratelimitExceeded,
  ratelimitRetryAfter,
  ratelimitPerKey,
  ratelimitRecovery,
  loginIssue,
  loginReject,
  loginExpiry,
  transportHttpsOnly,
  responseHeaderEcho,
  requestRequiredHeader,
  credentialRefusedPrefix,
  errorMessage,
  responseHeader,
  credentialLockout,
  stdChallenge,
  stdSchemeCase,
  stdBearerInvalidToken,
  stdTokenNoStore,
  secLoginPasswordExact,
  secKeyNoEnumeration,
  secTiming,
] as const satisfies readonly KindDefinition[];
export type RequirementKind = (typeof KINDS)[number]['kind'];

/** The kind ids (the schema's `requirementKind` enum is this list). */
export const KIND_IDS: readonly RequirementKind[] = KINDS.map((k) => k.kind);

const BY_ID = new Map<string, KindDefinition<RequirementKind>>(KINDS.map((k) => [k.kind, k]));

export function isRequirementKind(id: string): id is RequirementKind {
  return BY_ID.has(id);
}

/** The definition of a kind. @throws Error for an id that is no kind (the loader rules that out) */
export function kindOf(id: RequirementKind): KindDefinition<RequirementKind> {
  const def = BY_ID.get(id);
  if (def === undefined) throw new Error(`unknown requirement kind ${id}`);
  return def;
}

/** The kinds a family plans, in plan order. */
export function kindsOfFamily(family: FamilyId): RequirementKind[] {
  return KINDS.filter((k) => k.family === family).map((k) => k.kind);
}
