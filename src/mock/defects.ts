/**
 * Defects: deliberate deviations of the mock, each breaking one requirement, so the probes can be
 * shown to catch them. Declared with their requirement kind (src/kinds/, `defects`): `<ID>` is the
 * default defect of a requirement (chosen to break only that requirement's behaviour),
 * `<ID>/<variant>` are other, usually blunter, ways to break it. A defect is a set of wrappers of
 * the conformant stages (stages.ts).
 */
import { kindOf } from '../kinds/index.ts';
import type { Contract, Requirement } from '../spec/contract.ts';
import { AuthconformError } from '../util/errors.ts';
import type { DefectContext } from './defect.ts';
import type { ErrorCatalog } from './error-catalog.ts';
import { buildErrorCatalog, isBindingRequirement } from './error-catalog.ts';
import type { StageWrappers } from './stages.ts';
import { applyViolation, describeViolation, planViolation } from './violation.ts';

export interface DefectInfo {
  id: string;
  requirement: string;
  description: string;
}

interface DefectDef extends DefectInfo {
  wrap: StageWrappers;
}

/** What a kind's defect builder gets of the mock for one requirement. */
function contextOf(r: Requirement, c: Contract, errors: ErrorCatalog): DefectContext {
  // the id field tenant isolation reads from the list stays intact, so only the shape breaks
  const protectedFields = new Set(
    c.requirements.flatMap((x) =>
      x.kind === 'tenant.isolation' && x.resource?.list.operationId === r.operation.operationId ? [x.resource.idPointer.split('/')[1] ?? ''] : [],
    ),
  );
  const violation = planViolation(r.operation.successSchema, protectedFields);
  const ctx: DefectContext = { requirement: r, contract: c, errors, binding: isBindingRequirement(c, r) };
  if (violation !== undefined) ctx.violation = { description: describeViolation(violation), apply: (body) => applyViolation(body, violation) };
  return ctx;
}

function defectsOf(c: Contract): DefectDef[] {
  const errors = buildErrorCatalog(c);
  return c.requirements.flatMap((r) =>
    kindOf(r.kind)
      .defects(contextOf(r, c, errors))
      .map((b) => ({ id: b.suffix === undefined ? r.id : `${r.id}/${b.suffix}`, requirement: r.id, description: b.description, wrap: b.wrap })),
  );
}

/** Every defect of the contract, in requirement order; the first of each requirement is its default. */
export function listDefects(contract: Contract): DefectInfo[] {
  return defectsOf(contract).map(({ id, requirement, description }) => ({ id, requirement, description }));
}

/** The stage wrappers of `ids`; an unknown id is an AC_USAGE error listing the valid ones. */
export function resolveDefects(contract: Contract, ids: readonly string[] = []): StageWrappers[] {
  if (ids.length === 0) return [];
  const byId = new Map(defectsOf(contract).map((d) => [d.id, d]));
  return ids.map((id) => {
    const d = byId.get(id);
    if (d === undefined) {
      throw new AuthconformError('AC_USAGE', `unknown defect "${id}" for ${contract.name} — valid: ${[...byId.keys()].join(', ')}`);
    }
    return d.wrap;
  });
}
