/**
 * Preconditions: one fault yields failures only under the requirement that describes it.
 *
 * Rule 1 — PRECONDITIONS. A step of a case that merely sets the stage (the baseline the case
 * needs, not what its requirement states: the valid key accepted before the rate limit is
 * exhausted, a 429 before its Retry-After can be read, the old key accepted before it is revoked)
 * does not FAIL the case when the stage cannot be set. The helper throws `PreconditionFailed`
 * naming the behaviour it needed; runCase turns it into a SKIP whose reason points at the
 * requirement that covers that behaviour ("precondition not met: the valid key was refused (401)
 * on GET /v1/icp — see LINKT-AUTH-01"), keeping the evidence. The covering requirement is found
 * generically: the first requirement of the contract whose kind states that behaviour (and, when
 * the behaviour names them, for the same role and operation). Which kinds state which behaviour
 * is their definition's `covers` (src/kinds/, statements in kind.ts STATEMENTS): e.g.
 * credential.accepted and credential.test-mode state "this credential is accepted".
 * When NO requirement covers it — or the covering requirement is the case's own — the precondition
 * stays a FAILURE of the case: a fault must never hide behind a skip.
 *
 * Rule 2 — ACCEPTANCE vs SHAPE. Only credential.accepted (and login.issue, for the login response)
 * validates a 2xx body against the operation's success schema. Every other probe treats "accepted"
 * as status ∈ operation.acceptStatuses, without looking at the body (see steps.ts acceptanceFailure).
 */
import { KINDS } from '../kinds/index.ts';
import type { Statement } from '../kinds/kind.ts';
import type { Contract, Requirement, RequirementKind, Role } from '../spec/contract.ts';
import type { Failure } from './case-failure.ts';
import { describeAccepted } from './expect-accepted.ts';
import { describeActual, expectation } from './messages.ts';
import { SKIP } from './skip-reasons.ts';
import type { Sent } from './steps.ts';

/** The behaviour a precondition needs, as the kinds of requirement that state it. */
export interface Coverage {
  /** requirement kinds that state the behaviour (the first matching requirement wins) */
  kinds: RequirementKind[];
  /** the role the behaviour is about (a requirement's role defaults per kind, see src/kinds/) */
  role?: Role;
  /** the operation the behaviour is about (a requirement's operation defaults to the probe operation) */
  operation?: string;
}

/**
 * The kinds whose definition `covers` the statement (src/kinds/), those about the role by default
 * first (credential.test-mode before credential.accepted for the test_mode role).
 */
function coverage(statement: Statement, about: { role?: Role; operation?: string } = {}): Coverage {
  const kinds = KINDS.filter((k) => k.covers === statement);
  const first = kinds.filter((k) => about.role !== undefined && k.defaultRole === about.role);
  return { kinds: [...first, ...kinds.filter((k) => !first.includes(k))].map((k) => k.kind), ...about };
}

/** Coverage of "this credential is accepted on this operation". */
export function acceptedCoverage(role: Role, operation: string): Coverage {
  return coverage('accepted', { role, operation });
}

export const COVERAGE = {
  accepted: acceptedCoverage,
  unknownRefused: (operation: string): Coverage => coverage('unknown-refused', { operation }),
  revokedRefused: (role: Role, operation: string): Coverage => coverage('revoked-refused', { role, operation }),
  rateHeaders: (operation: string): Coverage => coverage('rate-headers', { operation }),
  rateLimited: (operation: string, role?: Role): Coverage => coverage('rate-limited', role === undefined ? { operation } : { role, operation }),
  loginIssued: (): Coverage => coverage('login-issued'),
  passwordRefused: (): Coverage => coverage('password-refused'),
} as const;

/** Thrown by a stage-setting step that could not set the stage; runCase decides skip or fail. */
export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';
  /**
   * @param what what went wrong, for the skip reason: "the valid key was refused (401) on GET /v1/icp"
   * @param failure the case's failure when no other requirement covers the behaviour
   */
  constructor(
    readonly what: string,
    readonly coverage: Coverage,
    readonly failure: Failure,
  ) {
    super(what);
  }
}

export function isPreconditionFailed(value: unknown): value is PreconditionFailed {
  return value instanceof PreconditionFailed;
}

/** Coverage of "this public operation is served without any credential". */
export function publicCoverage(operation: string): Coverage {
  return coverage('public-served', { operation });
}

/** The first requirement of the contract that states the behaviour; undefined when none does. */
export function coveringRequirement(contract: Contract, coverage: Coverage): Requirement | undefined {
  for (const kind of coverage.kinds) {
    const found = contract.requirements.find(
      (r) =>
        r.kind === kind &&
        (coverage.role === undefined || r.role === coverage.role) &&
        (coverage.operation === undefined || r.operation.operationId === coverage.operation),
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

export type PreconditionVerdict = { verdict: 'skip'; reason: string } | { verdict: 'fail'; failure: Failure };

/**
 * Skip naming the covering requirement, or — when none covers the behaviour, or the covering one is
 * the case's own requirement — the case's failure.
 */
export function judgePrecondition(contract: Contract, own: Requirement, err: PreconditionFailed): PreconditionVerdict {
  const covering = coveringRequirement(contract, err.coverage);
  if (covering === undefined || covering.id === own.id) return { verdict: 'fail', failure: err.failure };
  return { verdict: 'skip', reason: SKIP.precondition(err.what, covering.id) };
}

/** How a role's credential is named in a skip reason: "the valid key", "the login token". */
export function credentialWhat(role: Role): string {
  return role === 'login' ? 'the login token' : `the ${role} key`;
}

/**
 * The credential must get past authentication: status ∈ acceptStatuses (no body check, rule 2).
 * @param who "the valid key", "the old key before the rotation"
 */
export function requireAccepted(s: Sent, who: string, coverage: Coverage, note?: string): void {
  if (s.op.acceptStatuses.includes(s.res.status)) return;
  throw new PreconditionFailed(
    `${who} was refused (${s.res.status}) on ${s.label}`,
    coverage,
    expectation(describeAccepted(s.op), describeActual(s.res), s.label, note),
  );
}

/** The credential must be refused: a status that is neither accepted (acceptStatuses, 2xx) nor 5xx. */
export function requireRefused(s: Sent, who: string, coverage: Coverage, note?: string): void {
  const accepted = s.op.acceptStatuses.includes(s.res.status) || (s.res.status >= 200 && s.res.status < 300);
  if (!accepted && s.res.status < 500) return;
  const how = accepted ? 'accepted' : 'answered';
  throw new PreconditionFailed(
    `${who} was ${how} (${s.res.status}) on ${s.label}`,
    coverage,
    expectation(`a refusal (not ${describeAccepted(s.op)}, not 2xx or 5xx)`, String(s.res.status), s.label, note),
  );
}

/** The response status must be one of these. */
export function requireStatus(s: Sent, statuses: number[], what: string, coverage: Coverage, note?: string): void {
  if (statuses.includes(s.res.status)) return;
  throw new PreconditionFailed(
    `${what} (${s.res.status} on ${s.label})`,
    coverage,
    expectation(statuses.join(' or '), String(s.res.status), s.label, note),
  );
}
