/**
 * What reports say about a requirement, read from the contract in one place: a change of the
 * Requirement type touches this file only.
 */
import type { Contract, Level, Requirement } from '../spec/contract.ts';
import type { RecordSource } from './record.ts';

export interface RequirementFacts {
  id: string;
  level: Level;
  kind: string;
  statement: string;
  source: RecordSource;
}

export function requirementFacts(contract: Contract, requirement: Requirement): RequirementFacts {
  const ref = requirement.source;
  const source: RecordSource = { doc: ref.doc, title: contract.sources[ref.doc]?.title ?? ref.doc, section: ref.section };
  if (ref.quote !== undefined) source.quote = ref.quote;
  if (requirement.origin !== undefined) {
    source.title = requirement.origin.sourceTitle;
    source.url = requirement.origin.sourceUrl;
    source.profile = requirement.origin.profile;
  }
  return { id: requirement.id, level: requirement.level, kind: requirement.kind, statement: requirement.statement, source };
}

/** `<doc title> › <section>: "<quote>"`, the one-line form of a source. */
export function sourceLine(source: RecordSource): string {
  const url = source.url === undefined ? '' : ` <${source.url}>`;
  return `${source.title}${url} › ${source.section}${source.quote === undefined ? '' : `: "${source.quote}"`}`;
}
