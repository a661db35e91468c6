/**
 * Spec loading: locate → read → a bundled spec as the build checked it (precompiled-contracts.ts),
 * else parse, validate and normalize (check-spec.ts, loaded only then: YAML and ajv cost a start-up
 * that `authconform run` on the bundled specs does not pay).
 */
import { createHash } from 'node:crypto';
import { AuthconformError } from '../util/errors.ts';
import type { Problem } from '../util/errors.ts';
import type { Contract } from './contract.ts';
import type { LoadedSpec } from './mock-config.ts';
import { displayPath } from './display-path.ts';
import { locateSpec } from './locate.ts';
import { precompiledContract } from './precompiled-contracts.ts';
import { readInputFile } from './read-input.ts';

export { displayPath } from './display-path.ts';

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
  // parsing and checking (YAML, ajv, the OpenAPI schema) load only for a spec the build did not check
  const { checkSpec } = await import('./check-spec.ts');
  return checkSpec({ file, shown, text, sha256, cwd }, opts);
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
