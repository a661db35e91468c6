/**
 * What the spec itself pins for the situations the 401/403 rows of the standards profile judge
 * (RFC 9110 §11.4, §15.5.4): a row is "covered" where the spec's own requirement allows exactly the
 * status the standard asks for, and it judges the situation where the spec leaves the status free
 * or documents another one (a documented deviation is then the spec's waiver to write).
 */
import type { Contract, Requirement, RequirementKind } from '../../spec/contract.ts';
import type { Coverage } from '../preconditions.ts';

/** A situation a status row judges, and the spec requirement (if any) that pins its status. */
export interface Pin {
  requirement?: Requirement;
  /** the spec's requirement allows only `status` */
  exact: boolean;
}

/** Whether every error of the requirement allows `status` and nothing else. */
function pinsExactly(r: Requirement, status: number): boolean {
  return r.errors.length > 0 && r.errors.every((e) => (e.statuses ?? [e.status]).every((s) => s === status));
}

/** The first spec requirement of `kind` and whether it pins exactly `status`. */
export function pinOf(contract: Contract, kind: RequirementKind, status: number): Pin {
  const requirement = contract.requirements.find((r) => r.kind === kind && r.origin === undefined);
  return requirement === undefined ? { exact: false } : { requirement, exact: pinsExactly(requirement, status) };
}

/** The statuses a pinning requirement documents, for messages: "401 or 403 (LINKT-AUTH-02)". */
export function documented(pin: Pin): string {
  if (pin.requirement === undefined) return 'no status documented';
  const statuses = [...new Set(pin.requirement.errors.flatMap((e) => (e.statuses ?? [e.status]).map(String)))];
  return `${statuses.join(' or ')} documented (${pin.requirement.id})`;
}

/**
 * Coverage for "this situation gets the standard's status": the profile row first when it judges
 * the situation (the spec leaves it free), else the spec's requirement.
 */
export function statusCoverage(pin: Pin, row: RequirementKind, specKind: RequirementKind): Coverage {
  return { kinds: pin.exact ? [specKind] : [row, specKind] };
}

/** Coverage of the challenge a Bearer row needs: the Bearer challenge row, else the 401 challenge row. */
export const BEARER_CHALLENGE: Coverage = { kinds: ['std.bearer-challenge', 'std.challenge'] };
/** Coverage of "a 401 carries a challenge that parses". */
export const ANY_CHALLENGE: Coverage = { kinds: ['std.challenge'] };
