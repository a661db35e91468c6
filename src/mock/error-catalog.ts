/**
 * Which documented error the mock answers in each situation, resolved once per contract from the
 * requirements (kind → errors) and the contract's sections. Where the spec documents nothing for a
 * situation, a status-only error is synthesized.
 */
import type { Contract, ErrorSpec, Requirement, RequirementKind } from '../spec/contract.ts';
import type { LoadedSpec, MockConfig } from '../spec/mock-config.ts';

export interface ErrorCatalog {
  /** no credential at all */
  missing: ErrorSpec;
  /** unknown or malformed credential */
  invalid: ErrorSpec;
  /** revoked past the grace window */
  rotation: ErrorSpec;
  /** expired login token */
  expiredToken: ErrorSpec;
  /** wrong email or password on login */
  login: ErrorSpec;
  /** organization header naming an organization the credential does not belong to */
  organization: ErrorSpec;
  /** over the rate limit */
  rateLimit: ErrorSpec;
  /** plain-HTTP request to an HTTPS-only API */
  httpsRequired: ErrorSpec;
  /** the scope error for an operation (a scope.denied requirement on it, else the first one) */
  scopeFor(operationId: string): ErrorSpec;
  /** a documented error by id, else a status-only one */
  byId(id: string | undefined, fallbackStatus: number): ErrorSpec;
}

export function synthesized(status: number, id = `status_${status}`): ErrorSpec {
  return { id, status };
}

function firstErrorOf(contract: Contract, kind: RequirementKind): ErrorSpec | undefined {
  for (const r of contract.requirements) {
    if (r.kind !== kind) continue;
    if (r.errors[0] !== undefined) return r.errors[0];
  }
  return undefined;
}

function bindingErrors(mock: Pick<MockConfig, 'bindings'>): Set<string> {
  return new Set((mock.bindings ?? []).map((b) => b.error));
}

/** True when a scope.denied requirement is about a request-body binding rather than scopes. */
export function isBindingRequirement(mock: Pick<MockConfig, 'bindings'>, r: Requirement): boolean {
  const errs = bindingErrors(mock);
  return r.kind === 'scope.denied' && r.errors.length > 0 && r.errors.every((e) => errs.has(e.id));
}

export function buildErrorCatalog({ contract, mock }: LoadedSpec): ErrorCatalog {
  const byId = (id: string | undefined, fallbackStatus: number): ErrorSpec =>
    (id !== undefined ? contract.errors[id] : undefined) ?? synthesized(fallbackStatus, id);
  const missing = firstErrorOf(contract, 'credential.missing') ?? firstErrorOf(contract, 'credential.invalid') ?? synthesized(401, 'unauthorized');
  const invalid = firstErrorOf(contract, 'credential.invalid') ?? missing;
  const rotation = contract.rotation !== undefined ? byId(contract.rotation.error, 401) : (firstErrorOf(contract, 'key.revoked') ?? invalid);
  const expiredToken = contract.login !== undefined ? byId(contract.login.expiredError, 401) : (firstErrorOf(contract, 'login.expiry') ?? invalid);
  const login = contract.login !== undefined ? byId(contract.login.error, 401) : (firstErrorOf(contract, 'login.reject') ?? invalid);
  const organization = contract.organization !== undefined ? byId(contract.organization.error, 403) : (firstErrorOf(contract, 'org.membership') ?? synthesized(403, 'forbidden'));
  const rateLimit = contract.rateLimit !== undefined ? byId(contract.rateLimit.error, 429) : (firstErrorOf(contract, 'ratelimit.exceeded') ?? synthesized(429, 'rate_limited'));
  // the plain listener's refusal: the requirement's error, else the spec's own 403 body (so it
  // still validates against the documented schema), else a synthesized one
  const httpsText = 'This API is served over HTTPS only; plain-HTTP requests are refused.';
  const documented403 = Object.values(contract.errors).find((e) => e.status === 403);
  const httpsRequired = firstErrorOf(contract, 'transport.https-only') ??
    (documented403 !== undefined
      ? { ...documented403, description: httpsText }
      : { ...synthesized(403, 'https_required'), code: 'https_required', description: httpsText });

  const scopeRequirements = contract.requirements.filter((r) => r.kind === 'scope.denied' && !isBindingRequirement(mock, r));
  const scopeError = (r: Requirement | undefined): ErrorSpec | undefined => r?.errors[0];
  const defaultScope =
    scopeError(scopeRequirements[0]) ?? Object.values(contract.errors).find((e) => e.status === 403) ?? synthesized(403, 'forbidden');
  const scopeByOperation = new Map<string, ErrorSpec>();
  for (const r of scopeRequirements) {
    const spec = scopeError(r);
    if (spec !== undefined && !scopeByOperation.has(r.operation.operationId)) scopeByOperation.set(r.operation.operationId, spec);
  }

  return {
    missing,
    invalid,
    rotation,
    expiredToken,
    login,
    organization,
    rateLimit,
    httpsRequired,
    scopeFor: (operationId) => scopeByOperation.get(operationId) ?? defaultScope,
    byId,
  };
}
