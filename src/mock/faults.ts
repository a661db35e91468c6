/**
 * The behaviour switches that defects turn on. The request pipeline reads these flags; which
 * requirement each one breaks is decided in defects.ts.
 */
import type { Role } from '../spec/contract.ts';
import type { Violation } from './violation.ts';

export interface Faults {
  /** credential.accepted: the role's credential is refused with the invalid error on an operation */
  refuseRole: Array<{ role: Role; operation: string }>;
  /** credential.accepted: 2xx bodies for the role's credential on an operation break the schema */
  invalidSuccessBody: Array<{ role: Role; operation: string; violation: Violation }>;
  /** credential.missing: requests without any credential header are served */
  serveMissing: boolean;
  /** credential.missing: the missing-credential error is replaced by another one */
  missingWrongError: boolean;
  /** credential.invalid: a truncated key (strict prefix of a live key) is accepted */
  acceptTruncated: boolean;
  /** credential.invalid: malformed credentials (wrong scheme word, empty, truncated key) crash with 500 */
  malformed500: boolean;
  /** credential.invalid: unknown credentials are served */
  acceptUnknown: boolean;
  /**
   * credential.formats: credentials of these schemes are refused (expired tokens keep their own
   * error); with `unlessOrganization`, only when the request names no organization
   */
  refuseSchemes: Map<string, { unlessOrganization: boolean }>;
  /** credential.test-mode: test-mode keys are refused */
  refuseTestKeys: boolean;
  /** key.grace: the grace window is zero */
  zeroGrace: boolean;
  /** key.revoked: keys revoked through the control API never stop working */
  runtimeRevocationIgnored: boolean;
  /** key.revoked: no revoked key ever stops working */
  revokedNeverExpire: boolean;
  /** key.indistinguishable: revoked keys' error body carries `"revoked": true` */
  revokedMarked: boolean;
  /** key.no-expiry: API keys older than this (mock time since creation) are refused */
  keysExpireAfterMs?: number;
  /** scope.denied: scopes are not checked on these operations */
  scopeUnenforced: Set<string>;
  /** scope.denied (binding): bindings with these error ids are not checked */
  bindingUnenforced: Set<string>;
  /** tenant.isolation: `get` serves items of other tenants */
  crossTenantServed: boolean;
  /** org.membership: the organization header is not checked */
  orgUnchecked: boolean;
  /** ratelimit.headers: no rate-limit headers */
  rateHeadersOmitted: boolean;
  /** ratelimit.headers: Remaining reported above Limit */
  remainingAboveLimit: boolean;
  /** ratelimit.limit: Limit reported as twice the plan */
  limitDoubled: boolean;
  /** ratelimit.remaining: Remaining never decreases */
  remainingFrozen: boolean;
  /** ratelimit.reset: Reset in the other unit (delta vs epoch seconds) */
  resetWrongUnit: boolean;
  /** ratelimit.exceeded: the 429 answers with another code (status 503 for status-only errors) */
  rateErrorWrong: boolean;
  /** ratelimit.exceeded: never refuses */
  neverLimit: boolean;
  /** ratelimit.retry-after: Retry-After (and the body field) one hour beyond the reset */
  retryAfterBeyondReset: boolean;
  /** ratelimit.retry-after: Retry-After is not a valid value */
  retryAfterInvalid: boolean;
  /** ratelimit.retry-after: no Retry-After header (a documented body field stays) */
  retryAfterMissing: boolean;
  /** ratelimit.recovery: once limited, limited for good */
  stuckLimited: boolean;
  /** ratelimit.per-key: one budget per tenant, whatever the spec says */
  sharedLimits: boolean;
  /** login.issue: the login response carries an empty organization id for the user */
  loginEmptyOrganization: boolean;
  /** login.issue (no user pointer): the reported expiry is in the past */
  loginPastExpiry: boolean;
  /** login.reject: a wrong password is accepted */
  loginWrongPassword: boolean;
  /** login.expiry: tokens never expire */
  tokensNeverExpire: boolean;
  /** transport.https-only: the plain-HTTP listener serves requests */
  plainServes: boolean;
  /** response.header-echo: the echoed prefix is wrong */
  echoWrongPrefix: boolean;
  /** request.required-header: required headers are not checked */
  requiredHeaderUnchecked: boolean;
}

export function noFaults(): Faults {
  return {
    refuseRole: [],
    invalidSuccessBody: [],
    serveMissing: false,
    missingWrongError: false,
    acceptTruncated: false,
    malformed500: false,
    acceptUnknown: false,
    refuseSchemes: new Map(),
    refuseTestKeys: false,
    zeroGrace: false,
    runtimeRevocationIgnored: false,
    revokedNeverExpire: false,
    revokedMarked: false,
    scopeUnenforced: new Set(),
    bindingUnenforced: new Set(),
    crossTenantServed: false,
    orgUnchecked: false,
    rateHeadersOmitted: false,
    remainingAboveLimit: false,
    limitDoubled: false,
    remainingFrozen: false,
    resetWrongUnit: false,
    rateErrorWrong: false,
    neverLimit: false,
    retryAfterBeyondReset: false,
    retryAfterInvalid: false,
    retryAfterMissing: false,
    stuckLimited: false,
    sharedLimits: false,
    loginEmptyOrganization: false,
    loginPastExpiry: false,
    loginWrongPassword: false,
    tokensNeverExpire: false,
    plainServes: false,
    echoWrongPrefix: false,
    requiredHeaderUnchecked: false,
  };
}
