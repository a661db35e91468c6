/**
 * Defects: deliberate deviations of the mock, each breaking one requirement, so the probes can be
 * shown to catch them. Declared with their requirement kind (src/kinds/, `defects`): `<ID>` is the
 * default defect of a requirement (chosen to break only that requirement's behaviour),
 * `<ID>/<variant>` are other, usually blunter, ways to break it. A defect is a set of wrappers of
 * the conformant stages (stages.ts).
 */
import { kindOf } from '../kinds/index.ts';
import type { Requirement } from '../spec/contract.ts';
import type { LoadedSpec } from '../spec/mock-config.ts';
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
function contextOf(r: Requirement, { contract: c, mock }: LoadedSpec, errors: ErrorCatalog): DefectContext {
  // the id field tenant isolation reads from the list stays intact, so only the shape breaks
  const protectedFields = new Set(
    c.requirements.flatMap((x) =>
      x.kind === 'tenant.isolation' && x.resource?.list.operationId === r.operation.operationId ? [x.resource.idPointer.split('/')[1] ?? ''] : [],
    ),
  );
  const violation = planViolation(r.operation.successSchema, protectedFields);
  const ctx: DefectContext = { requirement: r, contract: c, mock, errors, binding: isBindingRequirement(mock, r) };
  if (violation !== undefined) ctx.violation = { description: describeViolation(violation), apply: (body) => applyViolation(body, violation) };
  return ctx;
}

function defectsOf(spec: LoadedSpec): DefectDef[] {
  const errors = buildErrorCatalog(spec);
  return spec.contract.requirements.flatMap((r) =>
    kindOf(r.kind)
      .defects(contextOf(r, spec, errors))
      .map((b) => ({ id: b.suffix === undefined ? r.id : `${r.id}/${b.suffix}`, requirement: r.id, description: b.description, wrap: b.wrap })),
  );
}

/** Every defect of the contract, in requirement order; the first of each requirement is its default. */
export function listDefects(spec: LoadedSpec): DefectInfo[] {
  return defectsOf(spec).map(({ id, requirement, description }) => ({ id, requirement, description }));
}

/** The stage wrappers of `ids`; an unknown id is an AC_USAGE error listing the valid ones. */
export function resolveDefects(spec: LoadedSpec, ids: readonly string[] = []): StageWrappers[] {
  if (ids.length === 0) return [];
  const byId = new Map(defectsOf(spec).map((d) => [d.id, d]));
  return ids.map((id) => {
    const d = byId.get(id);
    if (d === undefined) {
      throw new AuthconformError('AC_USAGE', `unknown defect "${id}" for ${spec.contract.name} — valid: ${[...byId.keys()].join(', ')}`);
    }
    return d.wrap;
  });
}
