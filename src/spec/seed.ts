/**
 * The mock seed file (credentials by role, clock start, data, placeholder values) named by `x-authconform.mock.seed`:
 * read, parsed, validated against `$defs/seed`, and cross-checked against the spec's schemes.
 */
import { readInputFile } from './read-input.ts';
import type { Problem } from '../util/errors.ts';
import type { MockCredentialSeed, MockSection } from './contract.ts';
import { ajvFindings } from './ajv-findings.ts';
import { durationMs } from './duration.ts';
import type { Finding } from './finding.ts';
import { locateFindings } from './finding.ts';
import { parseYaml } from './parse-yaml.ts';
import type { ParsedYaml } from './parse-yaml.ts';
import { asArray, asObject } from './spec-index.ts';
import { getValidators } from './validators.ts';

export interface Seed {
  clockStart?: string;
  credentials: MockCredentialSeed[];
  data?: MockSection['data'];
  resources?: MockSection['resources'];
}

/** `parsed`: the seed file as parsed, to locate later findings in it */
export type SeedResult = { status: 'missing' } | { status: 'read'; seed?: Seed; parsed?: ParsedYaml; problems: Problem[] };

function crossChecks(value: unknown, schemeNames: Set<string>): Finding[] {
  const out: Finding[] = [];
  asArray(asObject(value)?.credentials).forEach((item, i) => {
    const cred = asObject(item);
    const scheme = cred?.scheme;
    if (typeof scheme === 'string' && !schemeNames.has(scheme)) {
      out.push({ pointer: `/credentials/${i}/scheme`, message: `credential ${i} names scheme "${scheme}", which is not in the spec's components.securitySchemes`, hint: `known: ${[...schemeNames].join(', ')}` });
    }
    const ago = cred?.revokedAgo;
    if (typeof ago === 'string' && ago.startsWith('P') && durationMs(ago) === undefined) {
      out.push({ pointer: `/credentials/${i}/revokedAgo`, message: `revokedAgo "${ago}" is not an ISO 8601 duration`, hint: 'write e.g. PT23H59M' });
    }
  });
  return out;
}

/**
 * Reads the seed at `path` (absolute); `file` is how problems name it. Problems are located in the
 * seed file; a missing file is left to the caller, who locates it at `mock.seed` in the spec.
 */
export function readSeed(path: string, file: string, schemeNames: Set<string>): SeedResult {
  const read = readInputFile(path);
  if (!read.ok && (read.why === 'missing' || read.why === 'directory')) return { status: 'missing' };
  if (!read.ok) return { status: 'read', problems: [{ file, message: `cannot read the seed file: it ${read.message}` }] };
  const text = read.text;
  const parsed = parseYaml(text, file);
  if (parsed.problems.length > 0) return { status: 'read', problems: parsed.problems };
  const validate = getValidators().seed;
  const findings = validate(parsed.value) ? [] : ajvFindings(validate.errors, '', parsed.value);
  findings.push(...crossChecks(parsed.value, schemeNames));
  const problems = locateFindings(parsed, findings);
  if (problems.length > 0) return { status: 'read', problems };
  return { status: 'read', seed: parsed.value as Seed, parsed, problems };
}
