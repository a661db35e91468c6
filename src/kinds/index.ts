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
import { ratelimitPartition } from './ratelimit-partition.ts';
import { ratelimitExempt } from './ratelimit-exempt.ts';
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
// issue 10 (wt/refusals)
import { credentialRefusedScheme } from './credential-refused-scheme.ts';
import { credentialRefusedPlacement } from './credential-refused-placement.ts';
import { accessPublic } from './access-public.ts';
import { resourceHidden } from './resource-hidden.ts';
// issue 10 (wt/rlgithub): rate-limit headers and limits beyond Limit/Remaining/Reset
import { ratelimitUsed } from './ratelimit-used.ts';
import { ratelimitResource } from './ratelimit-resource.ts';
import { ratelimitSecondary } from './ratelimit-secondary.ts';
// profile kinds (profiles/*.yaml, layered with --profile)
import { stdChallenge } from './std-challenge.ts';
import { stdSchemeCase } from './std-scheme-case.ts';
import { stdTokenNoStore } from './std-token-no-store.ts';
import { stdBearerInvalidToken } from './std-bearer-invalid-token.ts';
// standards profile: challenge parameters, 401/403 status, Bearer challenge rows
import { stdChallengeParams } from './std-challenge-params.ts';
import { stdUnauthenticatedStatus } from './std-unauthenticated-status.ts';
import { stdForbiddenStatus } from './std-forbidden-status.ts';
import { stdBearerChallenge } from './std-bearer-challenge.ts';
import { stdBearerNoError } from './std-bearer-no-error.ts';
import { stdBearerInsufficientScope } from './std-bearer-insufficient-scope.ts';
import { stdBearerAttrCharset } from './std-bearer-attr-charset.ts';
import { secLoginPasswordExact } from './sec-login-password-exact.ts';
import { secKeyNoEnumeration } from './sec-key-no-enumeration.ts';
import { secTiming } from './sec-timing.ts';
// profile kinds of wt/secrows
import { stdRatelimitPolicySyntax } from './std-ratelimit-policy-syntax.ts';
import { stdRatelimitSyntax } from './std-ratelimit-syntax.ts';
import { stdRetryAfter } from './std-retry-after.ts';
import { stdHttpDate } from './std-http-date.ts';
import { std429Details } from './std-429-details.ts';
import { std429RetryAfter } from './std-429-retry-after.ts';
import { secLoginNoEnumeration } from './sec-login-no-enumeration.ts';
import { secNoCredentialEcho } from './sec-no-credential-echo.ts';
import { secNoQueryCredential } from './sec-no-query-credential.ts';

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
  // observations first, the secondary burst before the primary exhaustion
  ratelimitUsed,
  ratelimitResource,
  ratelimitSecondary,
  ratelimitExceeded,
  ratelimitRetryAfter,
  ratelimitPerKey,
  ratelimitPartition,
  ratelimitExempt,
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
  credentialRefusedScheme,
  credentialRefusedPlacement,
  accessPublic,
  resourceHidden,
  stdChallenge,
  stdSchemeCase,
  stdBearerInvalidToken,
  stdTokenNoStore,
  // standards profile: challenge parameters, 401/403 status, Bearer challenge rows
  stdChallengeParams,
  stdUnauthenticatedStatus,
  stdForbiddenStatus,
  stdBearerChallenge,
  stdBearerNoError,
  stdBearerInsufficientScope,
  stdBearerAttrCharset,
  secLoginPasswordExact,
  secKeyNoEnumeration,
  secTiming,
  // profile kinds of wt/secrows
  stdRatelimitPolicySyntax,
  stdRatelimitSyntax,
  stdRetryAfter,
  stdHttpDate,
  std429Details,
  std429RetryAfter,
  secLoginNoEnumeration,
  secNoCredentialEcho,
  secNoQueryCredential,
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
