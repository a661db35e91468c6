/**
 * A problem found in a parsed YAML file, addressed by JSON pointer; `locateFindings` turns it into
 * a `Problem` with the line and column of the offending key or value.
 */
import type { Problem } from '../util/errors.ts';
import type { Anchor, ParsedYaml } from './parse-yaml.ts';

export interface Finding {
  pointer: string;
  message: string;
  hint?: string;
  /** point at the key (`level:`) or the value (`MUSTT`); default value */
  at?: Anchor;
}

export function locateFinding(parsed: ParsedYaml, f: Finding): Problem {
  const { line, column } = parsed.locate(f.pointer, f.at ?? 'value');
  const problem: Problem = { file: parsed.file, line, column, pointer: f.pointer, message: f.message };
  if (f.hint !== undefined) problem.hint = f.hint;
  return problem;
}

export function locateFindings(parsed: ParsedYaml, findings: Finding[]): Problem[] {
  return findings.map((f) => locateFinding(parsed, f));
}
