/** Builds a Case: name `${requirement.id} ${title}`, level from the requirement. */
import type { Requirement } from '../spec/contract.ts';
import type { Case, Outcome, ProbeContext } from './model.ts';

export function makeCase(
  family: string,
  requirement: Requirement,
  title: string,
  run: (ctx: ProbeContext) => Promise<Outcome>,
  skip?: string,
): Case {
  const c: Case = {
    name: `${requirement.id} ${title}`,
    requirement,
    level: requirement.level,
    family,
    title,
    run,
  };
  if (skip !== undefined) c.skip = skip;
  return c;
}
