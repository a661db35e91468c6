/**
 * A requirement as written → as loaded: error and operation names resolved to their objects,
 * the role and operation defaults filled in (the kind's default role, src/kinds/; the probe
 * operation), `after` converted once. Runs after the cross-reference checks, so every name is
 * known; consumers do not re-check.
 */
import { kindOf } from '../kinds/index.ts';
import type { ErrorSpec, Operation, RefusedScheme, Requirement, RequirementBase, RequirementInput, ResourceRef, ResponseHeaderRule } from './contract.ts';
import { durationMs } from './duration.ts';

/** How far key.no-expiry moves the clock when the requirement names no `after`. */
export const DEFAULT_NO_EXPIRY = 'P365D';

export interface RequirementRefs {
  errors: Record<string, ErrorSpec>;
  operations: Operation[];
  probeOperation: string;
  /** x-authconform.responseHeaders (response.header requirements name one by `header`) */
  responseHeaders?: ResponseHeaderRule[];
  /** x-authconform.refusedSchemes (credential.refused-scheme requirements name one by `scheme`) */
  refusedSchemes?: RefusedScheme[];
  /** the operation `as: anonymous` requirements probe when they name none (anonymous-operation.ts) */
  anonymousOperation?: string;
}

function lookup<T>(value: T | undefined, what: string): T {
  // the cross-reference checks rule this out for loaded specs; a hand-built contract may not
  if (value === undefined) throw new Error(`${what} is not in the contract`);
  return value;
}

/** A resource reference with its operations resolved (`param` or `params`, `where` kept as written). */
function resolveResource(res: ResourceRef<string> | undefined, operation: (id: string) => Operation): ResourceRef | undefined {
  if (res === undefined) return undefined;
  const out: ResourceRef = { list: operation(res.list), get: operation(res.get), idPointer: res.idPointer };
  if (res.param !== undefined) out.param = res.param;
  if (res.params !== undefined) out.params = { ...res.params };
  if (res.where !== undefined) out.where = { ...res.where };
  return out;
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
  if (r.limit !== undefined) base.limit = r.limit;
  if (r.note !== undefined) base.note = r.note;
  switch (r.kind) {
    case 'scope.denied': {
      const allowed = r.allowed;
      if (allowed === undefined) return { ...base, kind: r.kind };
      return { ...base, kind: r.kind, allowed: { operation: operation(allowed.operation), ...(allowed.request !== undefined ? { request: allowed.request } : {}) } };
    }
    case 'tenant.isolation': {
      const statuses = r.statuses ?? [];
      const resource = resolveResource(r.resource, operation);
      return resource === undefined ? { ...base, kind: r.kind, statuses } : { ...base, kind: r.kind, statuses, resource };
    }
    case 'resource.hidden': {
      const resource = resolveResource(r.resource, operation);
      return resource === undefined ? { ...base, kind: r.kind } : { ...base, kind: r.kind, resource };
    }
    case 'credential.refused-scheme': {
      const word = (r.scheme ?? '').toLowerCase();
      const refused = lookup(refs.refusedSchemes?.find((s) => s.word.toLowerCase() === word), `refused scheme ${r.scheme ?? '(none)'}`);
      return { ...base, kind: r.kind, refused };
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
