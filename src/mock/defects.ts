/**
 * Defects: deliberate deviations of the mock, each breaking one requirement, so the probes can be
 * shown to catch them. Derived from requirement kinds: `<REQUIREMENT-ID>` is the default defect of a
 * requirement (chosen to break only that requirement's behaviour), `<REQUIREMENT-ID>/<variant>`
 * are other, usually blunter, ways to break it.
 */
import type { Contract, Requirement, RequirementKind } from '../spec/contract.ts';
import { AuthconformError } from '../util/errors.ts';
import { buildErrorCatalog, isBindingRequirement } from './error-catalog.ts';
import type { Faults } from './faults.ts';
import { noFaults } from './faults.ts';
import { describeViolation, planViolation } from './violation.ts';

export interface DefectInfo {
  id: string;
  requirement: string;
  description: string;
}

interface DefectDef extends DefectInfo {
  apply(f: Faults): void;
}

/** One way to break a requirement: an id suffix (none = the default defect), its description and its switch. */
interface Breakage {
  suffix?: string;
  description: string;
  apply(f: Faults): void;
}

type BreakageBuilder = (r: Requirement, c: Contract) => Breakage[];

const DAY_MS = 86_400_000;

function sameError(a: { status: number; code?: string | number }, b: { status: number; code?: string | number }): boolean {
  return a.status === b.status && a.code === b.code;
}

function acceptedBreakages(r: Requirement, c: Contract): Breakage[] {
  const { role } = r;
  const operation = r.operation.operationId;
  const protectedFields = new Set(
    c.requirements.flatMap((x) => (x.kind === 'tenant.isolation' && x.resource?.list.operationId === operation ? [x.resource.idPointer.split('/')[1] ?? ''] : [])),
  );
  const violation = planViolation(r.operation.successSchema, protectedFields);
  const refused: Breakage = {
    description: `the seeded ${role} credential is refused on ${operation} with the invalid-credential error, after being counted (probes that need it accepted there fail too, e.g. rate-limit exhaustion)`,
    apply: (f) => void f.refuseRole.push({ role, operation }),
  };
  if (violation === undefined) return [refused];
  return [
    refused,
    {
      suffix: 'body',
      description: `${operation} answers the seeded ${role} credential with a 2xx body that breaks its documented schema (${describeViolation(violation)})`,
      apply: (f) => void f.invalidSuccessBody.push({ role, operation, violation }),
    },
  ];
}

function missingBreakages(r: Requirement, c: Contract): Breakage[] {
  const catalog = buildErrorCatalog(c);
  const other = sameError(catalog.invalid, catalog.missing) ? 'status 403' : `the invalid-credential error (${catalog.invalid.id})`;
  return [
    { description: 'requests with no credential header at all are served as if authenticated', apply: (f) => void (f.serveMissing = true) },
    { suffix: 'wrong-error', description: `requests with no credential are answered with ${other} instead of the documented error`, apply: (f) => void (f.missingWrongError = true) },
  ];
}

const BUILDERS: Record<RequirementKind, BreakageBuilder> = {
  'credential.accepted': acceptedBreakages,
  'credential.missing': missingBreakages,
  'credential.invalid': () => [
    { description: 'keys are matched by their leading characters: a truncated valid key is accepted', apply: (f) => void (f.acceptTruncated = true) },
    { suffix: '500', description: 'malformed credentials (wrong scheme word, empty value, truncated key) crash with 500', apply: (f) => void (f.malformed500 = true) },
    {
      suffix: 'unknown-accepted',
      description: 'unknown credentials are served as if authenticated (also breaks key.indistinguishable)',
      apply: (f) => void (f.acceptUnknown = true),
    },
  ],
  'credential.formats': (r, c) => {
    const schemes = r.operation.schemes;
    const target = [...schemes].reverse().find((s) => s !== c.defaultScheme) ?? schemes[0] ?? c.defaultScheme;
    // With an organization header, refuse only requests that name no organization (the server fails to
    // resolve the credential's default organization): org-membership probes always name one and keep passing.
    const org = c.organization?.header;
    const description =
      org !== undefined
        ? `credentials sent with scheme ${target} are refused unless the request carries ${org} (expired tokens keep their own error)`
        : `credentials sent with scheme ${target} are no longer accepted (expired tokens keep their own error)`;
    return [{ description, apply: (f) => void f.refuseSchemes.set(target, { unlessOrganization: org !== undefined }) }];
  },
  'credential.test-mode': () => [{ description: 'test-mode keys are refused with the invalid-credential error (after the key was identified: echo headers still sent)', apply: (f) => void (f.refuseTestKeys = true) }],
  'key.grace': () => [{ description: 'the rotation grace window is zero: revoked keys stop working at once', apply: (f) => void (f.zeroGrace = true) }],
  'key.revoked': () => [
    {
      description: 'keys revoked while the server runs (control API) keep working past the grace window (stale revocation cache); seeded revocations still apply',
      apply: (f) => void (f.runtimeRevocationIgnored = true),
    },
    { suffix: 'never', description: 'revoked keys never stop working (also breaks key.indistinguishable)', apply: (f) => void (f.revokedNeverExpire = true) },
  ],
  'key.indistinguishable': () => [
    { description: 'the error body of a revoked key carries an extra "revoked": true field, telling it apart from an unknown key', apply: (f) => void (f.revokedMarked = true) },
  ],
  'key.no-expiry': (r) => {
    const after = r.kind === 'key.no-expiry' ? r.afterMs : 90 * DAY_MS;
    const ms = Math.max(60_000, Math.min(30 * DAY_MS, after - 60_000));
    return [{ description: `API keys stop working ${Math.round(ms / 3_600_000)} hours of mock time after their creation`, apply: (f) => void (f.keysExpireAfterMs = ms) }];
  },
  'scope.denied': (r, c) => {
    if (isBindingRequirement(c, r)) {
      return [{ description: `the request-body binding behind ${r.errors.map((e) => e.id).join(', ')} is not enforced`, apply: (f) => r.errors.forEach((e) => f.bindingUnenforced.add(e.id)) }];
    }
    const op = r.operation.operationId;
    return [{ description: `scopes are not enforced on ${op}`, apply: (f) => void f.scopeUnenforced.add(op) }];
  },
  'tenant.isolation': () => [{ description: "another tenant's resource is served on get", apply: (f) => void (f.crossTenantServed = true) }],
  'org.membership': () => [{ description: 'the organization header is not checked against the credential', apply: (f) => void (f.orgUnchecked = true) }],
  'ratelimit.headers': () => [
    { description: 'the Remaining header is reported above the Limit', apply: (f) => void (f.remainingAboveLimit = true) },
    { suffix: 'omitted', description: 'rate-limit headers are omitted (also breaks the other header requirements)', apply: (f) => void (f.rateHeadersOmitted = true) },
  ],
  'ratelimit.limit': () => [{ description: 'the Limit header reports twice the plan', apply: (f) => void (f.limitDoubled = true) }],
  'ratelimit.remaining': () => [{ description: 'the Remaining header never decreases', apply: (f) => void (f.remainingFrozen = true) }],
  'ratelimit.reset': (_r, c) => [
    {
      description: `the Reset header of non-429 responses is in ${c.rateLimit?.resetUnit === 'delta-seconds' ? 'epoch seconds instead of delta seconds' : 'delta seconds instead of epoch seconds'}`,
      apply: (f) => void (f.resetWrongUnit = true),
    },
  ],
  'ratelimit.exceeded': (_r, c) => {
    const err = buildErrorCatalog(c).rateLimit;
    const how = err.schema !== undefined || err.code !== undefined ? 'answers 429 with a body lacking the documented code' : 'answers 503 instead of 429';
    return [
      { description: `over the limit, the server ${how}`, apply: (f) => void (f.rateErrorWrong = true) },
      { suffix: 'never', description: 'no request is ever limited (also breaks the other 429-based requirements)', apply: (f) => void (f.neverLimit = true) },
    ];
  },
  'ratelimit.retry-after': (_r, c) => {
    const first: Breakage =
      c.rateLimit?.headers !== undefined
        ? { description: 'Retry-After (and the body field) point one hour beyond the window reset', apply: (f) => void (f.retryAfterBeyondReset = true) }
        : { description: 'Retry-After is not a valid delay-seconds or HTTP-date value', apply: (f) => void (f.retryAfterInvalid = true) };
    return [first, { suffix: 'missing', description: 'the 429 carries no Retry-After header', apply: (f) => void (f.retryAfterMissing = true) }];
  },
  'ratelimit.recovery': () => [{ description: 'once limited, a credential stays limited after the window resets', apply: (f) => void (f.stuckLimited = true) }],
  'ratelimit.per-key': () => [{ description: 'all keys of a tenant share one budget', apply: (f) => void (f.sharedLimits = true) }],
  'login.issue': (_r, c) =>
    c.login?.organizationPointer !== undefined
      ? [{ description: "the login response carries an empty organization id for the user", apply: (f) => void (f.loginEmptyOrganization = true) }]
      : [{ description: 'the login response reports an expiry in the past', apply: (f) => void (f.loginPastExpiry = true) }],
  'login.reject': () => [{ description: 'a wrong password is accepted for a known email', apply: (f) => void (f.loginWrongPassword = true) }],
  'login.expiry': () => [{ description: 'login tokens never expire', apply: (f) => void (f.tokensNeverExpire = true) }],
  'transport.https-only': () => [{ description: 'the plain-HTTP listener serves the API without checking credentials (a plain port proxied to a backend that trusts it)', apply: (f) => void (f.plainServes = true) }],
  'response.header-echo': () => [{ description: 'the echoed key prefix is wrong', apply: (f) => void (f.echoWrongPrefix = true) }],
  'request.required-header': () => [{ description: 'required request headers are not checked', apply: (f) => void (f.requiredHeaderUnchecked = true) }],
};

function defectsOf(c: Contract): DefectDef[] {
  return c.requirements.flatMap((r) =>
    BUILDERS[r.kind](r, c).map((b) => ({
      id: b.suffix === undefined ? r.id : `${r.id}/${b.suffix}`,
      requirement: r.id,
      description: b.description,
      apply: b.apply,
    })),
  );
}

/** Every defect of the contract, in requirement order; the first of each requirement is its default. */
export function listDefects(contract: Contract): DefectInfo[] {
  return defectsOf(contract).map(({ id, requirement, description }) => ({ id, requirement, description }));
}

/** The switches for `ids`; an unknown id is an AC_USAGE error listing the valid ones. */
export function resolveDefects(contract: Contract, ids: readonly string[] = []): Faults {
  const faults = noFaults();
  if (ids.length === 0) return faults;
  const byId = new Map(defectsOf(contract).map((d) => [d.id, d]));
  for (const id of ids) {
    const d = byId.get(id);
    if (d === undefined) {
      throw new AuthconformError('AC_USAGE', `unknown defect "${id}" for ${contract.name} — valid: ${[...byId.keys()].join(', ')}`);
    }
    d.apply(faults);
  }
  return faults;
}
