/**
 * The checks of a spec file the build did not check (load.ts loads this module only then): parse
 * YAML → validate (OpenAPI 3.1 schema, x-authconform schema, `$ref`s, cross-references, seed
 * file) → normalize into a `Contract`. Every problem found is reported in one AC_SPEC_INVALID
 * error; YAML syntax errors stop the checks early.
 */
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { AuthconformError } from '../util/errors.ts';
import type { Problem } from '../util/errors.ts';
import type { LoadedSpec } from './mock-config.ts';
import { ajvFindings } from './ajv-findings.ts';
import type { Finding } from './finding.ts';
import { locateFindings } from './finding.ts';
import { joinPointer } from './json-pointer.ts';
import { escapesFolder } from './inside-folder.ts';
import { repoRoot } from './bundled.ts';
import { displayPath } from './display-path.ts';
import type { LoadOptions } from './load.ts';
import { normalize } from './normalize.ts';
import { parseYaml } from './parse-yaml.ts';
import { danglingRefs, refBombFindings } from './resolve-refs.ts';
import { readSeed } from './seed.ts';
import type { Seed } from './seed.ts';
import { semanticFindings } from './semantic-checks.ts';
import { checkQuotes } from './source-quotes.ts';
import { mockBodyFindings } from './mock-bodies.ts';
import type { ParsedYaml } from './parse-yaml.ts';
import { asObject, indexSpec } from './spec-index.ts';
import type { SpecIndex } from './spec-index.ts';
import { getValidators } from './validators.ts';
import type { ValidateFunction } from 'ajv';

/** The spec file as load.ts read it. */
export interface SpecText {
  file: string;
  /** how problems name the file */
  shown: string;
  text: string;
  sha256: string;
  cwd: string;
}

function invalid(file: string, problems: Problem[]): AuthconformError {
  const n = problems.length;
  return new AuthconformError('AC_SPEC_INVALID', `${file}: ${n} ${n === 1 ? 'problem' : 'problems'}`, problems);
}

function validateAt(validate: ValidateFunction, value: unknown, pointer: string, root: unknown): Finding[] {
  return validate(value) ? [] : ajvFindings(validate.errors, pointer, root);
}

/** Schema findings: the whole document against OpenAPI 3.1, each x-authconform against its $def. */
function schemaFindings(index: SpecIndex): Finding[] {
  const v = getValidators();
  const doc = index.document;
  const out = validateAt(v.openapi, doc, '', doc);
  const root = asObject(doc)?.['x-authconform'];
  if (root !== undefined) out.push(...validateAt(v.root, root, '/x-authconform', doc));
  for (const s of index.schemes) {
    const ext = s.raw['x-authconform'];
    if (ext !== undefined) out.push(...validateAt(v.securityScheme, ext, joinPointer(s.pointer, 'x-authconform'), doc));
  }
  for (const op of index.operations) {
    const ext = op.raw['x-authconform'];
    if (ext !== undefined) out.push(...validateAt(v.operation, ext, joinPointer(op.pointer, 'x-authconform'), doc));
  }
  return out;
}

function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
/** Parses, checks and normalizes one spec file. @throws AuthconformError AC_SPEC_INVALID */
export function checkSpec(spec: SpecText, opts: LoadOptions): LoadedSpec {
  const { file, shown, text, sha256, cwd } = spec;
  const parsed = parseYaml(text, shown);
  if (parsed.problems.length > 0) throw invalid(shown, parsed.problems);
  if (asObject(parsed.value) === undefined) {
    throw invalid(shown, locateFindings(parsed, [{ pointer: '', message: 'the file is not a YAML mapping (an OpenAPI document)', hint: 'start with openapi: 3.1.0' }]));
  }

  const trusted = opts.trustedSha256 === sha256;
  const index = indexSpec(parsed.value);
  // the worker trusts the spec the CLI validated in this run (same sha256); past a $ref bomb
  // nothing else is checked: the checks below follow references
  const bomb = trusted ? [] : refBombFindings(index.document);
  const findings = trusted || bomb.length > 0 ? bomb : [...schemaFindings(index), ...danglingRefs(index.document), ...semanticFindings(index)];
  const seedProblems: Problem[] = [];
  let seed: Seed | undefined;
  let seedParsed: ParsedYaml | undefined;
  const seedPath = asObject(index.ext.mock)?.seed;
  // a bundled spec's seeds and cited pages live in the package (or the repository); any other spec's in its folder
  const seedRoot = relative(join(repoRoot, 'specs'), file).startsWith('..') ? dirname(file) : repoRoot;
  const quotes = trusted || bomb.length > 0 ? { findings: [], warnings: [] } : checkQuotes(index, dirname(file), seedRoot);
  findings.push(...quotes.findings);
  const seedEscape = typeof seedPath === 'string' ? escapesFolder(seedRoot, dirname(file), seedPath) : undefined;
  if (seedEscape !== undefined) {
    // never read, never quoted: the path may name any file on the machine
    findings.push({ pointer: '/x-authconform/mock/seed', message: `seed file ${seedEscape}`, hint: "mock.seed is a path inside the spec's folder" });
  } else if (typeof seedPath === 'string') {
    const absolute = resolve(dirname(file), seedPath);
    const result = readSeed(absolute, displayPath(absolute, cwd), index.schemeNames);
    if (result.status === 'missing') {
      findings.push({ pointer: '/x-authconform/mock/seed', message: `seed file "${seedPath}" does not exist (${displayPath(absolute, cwd)})`, hint: 'mock.seed is relative to the spec file' });
    } else {
      seedProblems.push(...result.problems);
      seed = result.seed;
      seedParsed = result.parsed;
    }
  }
  const problems = [...locateFindings(parsed, findings).sort(byPosition), ...seedProblems];
  if (problems.length > 0) throw invalid(shown, problems);
  for (const warning of locateFindings(parsed, quotes.warnings)) opts.onWarning?.(warning);

  const input = {
    index,
    file,
    name: basename(file, extname(file)),
    sha256,
    ...(seed !== undefined ? { seed } : {}),
  };
  const loaded = normalize(input);
  if (!trusted) {
    const bodies = mockBodyFindings(loaded.contract.operations, loaded.mock, seed?.data !== undefined);
    const located = bodies.map((b) => (b.in === 'seed' && seedParsed !== undefined ? locateFindings(seedParsed, [b.finding]) : locateFindings(parsed, [b.finding]))).flat();
    if (located.length > 0) throw invalid(shown, located);
  }
  return loaded;
}
