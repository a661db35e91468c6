/**
 * Spec loading: locate → parse YAML → validate (OpenAPI 3.1 schema, x-authconform schema, `$ref`s,
 * cross-references, seed file) → normalize into a `Contract`. Every problem found is reported in
 * one AC_SPEC_INVALID error; YAML syntax errors stop the checks early.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { AuthconformError } from '../util/errors.ts';
import type { Problem } from '../util/errors.ts';
import type { Contract } from './contract.ts';
import type { LoadedSpec } from './mock-config.ts';
import { ajvFindings } from './ajv-findings.ts';
import type { Finding } from './finding.ts';
import { locateFindings } from './finding.ts';
import { joinPointer } from './json-pointer.ts';
import { escapesFolder } from './inside-folder.ts';
import { locateSpec } from './locate.ts';
import { repoRoot } from './bundled.ts';
import { normalize } from './normalize.ts';
import { parseYaml } from './parse-yaml.ts';
import { precompiledContract } from './precompiled-contracts.ts';
import { danglingRefs, refBombFindings } from './resolve-refs.ts';
import { readSeed } from './seed.ts';
import { readInputFile } from './read-input.ts';
import type { Seed } from './seed.ts';
import { semanticFindings } from './semantic-checks.ts';
import { checkQuotes } from './source-quotes.ts';
import { mockBodyFindings } from './mock-bodies.ts';
import type { ParsedYaml } from './parse-yaml.ts';
import { asObject, indexSpec } from './spec-index.ts';
import type { SpecIndex } from './spec-index.ts';
import { getValidators } from './validators.ts';
import type { ValidateFunction } from 'ajv';

export interface LoadOptions {
  /** directory relative paths are resolved from, and problems are shown relative to; @default process.cwd() */
  cwd?: string;
  /**
   * sha256 of this spec file as validated earlier in the same run: when the file still has this
   * hash, the schema and cross-reference checks are not repeated (the run's worker loads what the
   * CLI validated)
   */
  trustedSha256?: string;
  /**
   * called with each warning of a spec that loads (a cited source whose quotes cannot be
   * checked); warnings are dropped when absent
   */
  onWarning?: (warning: Problem) => void;
}

/** How a file is named in problems: relative to cwd when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
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

function readSpec(file: string, shown: string): string {
  const read = readInputFile(file);
  if (!read.ok) throw new AuthconformError('AC_SPEC_UNREADABLE', `${shown}: cannot read the spec: ${read.message}`);
  return read.text;
}

/** The contract every layer reads, and beside it the mock's configuration. */
export async function loadSpec(nameOrPath: string, opts: LoadOptions = {}): Promise<LoadedSpec> {
  const cwd = opts.cwd ?? process.cwd();
  const file = locateSpec(nameOrPath, cwd);
  const shown = displayPath(file, cwd);
  const text = readSpec(file, shown);
  const sha256 = createHash('sha256').update(text).digest('hex');
  // a bundled spec as the build loaded and validated it
  const built = precompiledContract(file, sha256);
  if (built !== undefined) return built;
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

/** The contract alone (what probes, reporters and `list` read). */
export async function loadContract(nameOrPath: string, opts: LoadOptions = {}): Promise<Contract> {
  return (await loadSpec(nameOrPath, opts)).contract;
}

/**
 * Loads several specs; when some fail, throws one error listing every failed spec's problems
 * (the error of a single failure is rethrown as is).
 */
export async function loadContracts(names: string[], opts: LoadOptions = {}): Promise<Contract[]> {
  const results = await Promise.allSettled(names.map((name) => loadContract(name, opts)));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 0) return results.map((r) => (r as PromiseFulfilledResult<Contract>).value);
  const first = failures[0];
  if (failures.length === 1 || !failures.every((f) => f instanceof AuthconformError)) throw first;
  const errors = failures as AuthconformError[];
  throw new AuthconformError(
    errors[0]?.code ?? 'AC_SPEC_INVALID',
    `${errors.length} of ${names.length} specs failed to load: ${errors.map((e) => e.message).join('; ')}`,
    errors.flatMap((e) => e.problems),
  );
}
