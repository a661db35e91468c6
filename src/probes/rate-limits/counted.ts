/**
 * Which operation spends a limit: the requirement's own when the limit counts it (its `match`:
 * methods, operations; not exempt), else the first operation the limit counts, safe ones that take a
 * credential first.
 * The credential's mode (`match.mode`) is the caller's choice of credential.
 */
import type { Contract, Operation, RateWindow, Requirement } from '../../spec/contract.ts';
import { SkipCase } from '../skip-case.ts';
import type { RateTarget } from './exhaustion.ts';

/** Whether `limit` counts requests to `op` (its match and its exemptions; the mode aside). */
export function counts(limit: RateWindow, op: Operation): boolean {
  const m = limit.match;
  if (m?.methods !== undefined && !m.methods.includes(op.method)) return false;
  if (m?.operations !== undefined && !m.operations.includes(op.operationId)) return false;
  return limit.exempt?.includes(op.operationId) !== true && op.exemptFrom?.includes(limit.id) !== true;
}

/**
 * The request that spends `limit` for requirement `r`: its operation and request when the limit
 * counts them, else the first counted operation with its example; `except` is never chosen.
 * Skips when the limit counts no operation of the spec.
 */
export function countedTarget(contract: Contract, r: Requirement, limit: RateWindow, except?: string): RateTarget {
  if (r.operation.operationId !== except && counts(limit, r.operation)) return r;
  const candidates = contract.operations.filter((o) => o.operationId !== except && counts(limit, o));
  // safe ones first, and of those one that takes a credential (a `security: []` operation is not counted per credential)
  const op = candidates.find((o) => o.safe && o.schemes.length > 0) ?? candidates.find((o) => o.safe) ?? candidates[0];
  if (op === undefined) throw new SkipCase(`no operation of the spec counts against limit ${limit.id}`);
  return { operation: op, errors: r.errors };
}
