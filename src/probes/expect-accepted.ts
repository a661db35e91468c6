/**
 * Did the credential get past authentication: the status is one of the operation's
 * acceptStatuses, and a 2xx body validates against the documented success schema.
 */
import type { Operation } from '../spec/contract.ts';
import type { ProbeResponse } from '../transport/types.ts';
import { validateBody } from './schema-validator.ts';

/** Mismatches; [] when the response shows the credential was accepted. */
export function checkAccepted(res: ProbeResponse, op: Operation): string[] {
  if (!op.acceptStatuses.includes(res.status)) {
    return [`status ${res.status}, expected ${describeAccepted(op)}`];
  }
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
