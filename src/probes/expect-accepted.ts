/**
 * Did the credential get past authentication: the status is one of the operation's
 * acceptStatuses. Only credential.accepted (and login.issue) also hold a 2xx body to the documented
 * success schema ("shape"); every other probe looks at the status alone (preconditions.ts, rule 2).
 */
import type { Operation } from '../spec/contract.ts';
import type { ProbeResponse } from '../transport/types.ts';
import { validateBody } from './schema-validator.ts';

/** Mismatches of the status alone; [] when the status is one of acceptStatuses. */
export function checkAcceptedStatus(res: Pick<ProbeResponse, 'status'>, op: Operation): string[] {
  if (op.acceptStatuses.includes(res.status)) return [];
  return [`status ${res.status}, expected ${describeAccepted(op)}`];
}

/** Mismatches of status and shape; [] when the status is accepted and a 2xx body validates. */
export function checkAccepted(res: ProbeResponse, op: Operation): string[] {
  const status = checkAcceptedStatus(res, op);
  if (status.length > 0) return status;
  if (res.status >= 200 && res.status < 300 && op.successSchema !== undefined) {
    if (res.json === undefined) return [res.jsonError ?? 'body is not JSON'];
    return validateBody(res.json, op.successSchema);
  }
  return [];
}

/** "200", "200 or 422". */
export function describeAccepted(op: Operation): string {
  return op.acceptStatuses.join(' or ');
}
