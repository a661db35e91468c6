/**
 * A requirement as written → as loaded: error and operation names resolved to their objects,
 * the role and operation defaults filled in (the kind's default role, src/kinds/; the probe
 * operation), `after` converted once. Runs after the cross-reference checks, so every name is
 * known; consumers do not re-check.
 */
import { kindOf } from '../kinds/index.ts';
import type { ErrorSpec, Operation, Requirement, RequirementBase, RequirementInput, ResponseHeaderRule } from './contract.ts';
import { durationMs } from './duration.ts';

/** How far key.no-expiry moves the clock when the requirement names no `after`. */
export const DEFAULT_NO_EXPIRY = 'P365D';

export interface RequirementRefs {
  errors: Record<string, ErrorSpec>;
  operations: Operation[];
  probeOperation: string;
  /** x-authconform.responseHeaders (response.header requirements name one by `header`) */
  responseHeaders?: ResponseHeaderRule[];
  /** the operation `as: anonymous` requirements probe when they name none (anonymous-operation.ts) */
  anonymousOperation?: string;
}

function lookup<T>(value: T | undefined, what: string): T {
  // the cross-reference checks rule this out for loaded specs; a hand-built contract may not
  if (value === undefined) throw new Error(`${what} is not in the contract`);
  return value;
}

export function resolveRequirement(r: RequirementInput, refs: RequirementRefs): Requirement {
  const operation = (id: string): Operation => lookup(refs.operations.find((o) => o.operationId === id), `operation ${id}`);
  const base: RequirementBase = {
    id: r.id,
    level: r.level,
    statement: r.statement,
    source: r.source,
    errors: r.errors.map((id) => lookup(refs.errors[id], `error ${id}`)),
    role: r.role ?? kindOf(r.kind).defaultRole,
    operation: operation(r.operation ?? (r.as === 'anonymous' ? refs.anonymousOperation : undefined) ?? refs.probeOperation),
  };
  if (r.as !== undefined) base.as = r.as;
  if (r.request !== undefined) base.request = r.request;
  if (r.note !== undefined) base.note = r.note;
  switch (r.kind) {
    case 'scope.denied': {
      const allowed = r.allowed;
      if (allowed === undefined) return { ...base, kind: r.kind };
      return { ...base, kind: r.kind, allowed: { operation: operation(allowed.operation), ...(allowed.request !== undefined ? { request: allowed.request } : {}) } };
    }
    case 'tenant.isolation': {
      const res = r.resource;
      const statuses = r.statuses ?? [];
      if (res === undefined) return { ...base, kind: r.kind, statuses };
      return { ...base, kind: r.kind, statuses, resource: { list: operation(res.list), get: operation(res.get), idPointer: res.idPointer, param: res.param } };
    }
    case 'key.no-expiry': {
      const after = r.after ?? DEFAULT_NO_EXPIRY;
      return { ...base, kind: r.kind, after, afterMs: lookup(durationMs(after), `duration ${after}`) };
    }
    case 'response.header': {
      const name = (r.header ?? '').toLowerCase();
      const rule = lookup(refs.responseHeaders?.find((h) => h.name.toLowerCase() === name), `response header rule ${r.header ?? '(none)'}`);
      return { ...base, kind: r.kind, rule };
    }
    default:
      return { ...base, kind: r.kind };
  }
}
