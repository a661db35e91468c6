/**
 * Which planned cases become tests: `--only` (requirement or family ids) and `--level`. Cases left
 * out are not generated at all; families left empty disappear.
 */
import type { Case, ProbeFamily } from '../probes/model.ts';
import { levelSelected, type SuiteOptions } from './options.ts';

export interface PlannedFamily {
  family: ProbeFamily;
  cases: Case[];
}

export function selectCases(planned: PlannedFamily[], options: Pick<SuiteOptions, 'only' | 'level'>): PlannedFamily[] {
  const only = new Set(options.only.map((id) => id.toUpperCase()));
  const wanted = (c: Case): boolean =>
    levelSelected(c.level, options) &&
    (only.size === 0 || only.has(c.requirement.id.toUpperCase()) || only.has(c.family.toUpperCase()));
  return planned
    .map(({ family, cases }) => ({ family, cases: cases.filter(wanted) }))
    .filter(({ cases }) => cases.length > 0);
}
