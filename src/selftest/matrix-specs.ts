/**
 * The specs of the defect matrix: the bundled ones, then the example specs under examples/ that
 * carry requirements of kinds no bundled spec uses (their rows prove those kinds' defects).
 */
import { join } from 'node:path';
import type { LoadedSpec } from '../spec/mock-config.ts';
import { BUNDLED_SPECS, repoRoot } from '../spec/bundled.ts';
import { loadSpec } from '../spec/load.ts';

/** Example specs in the matrix, by path relative to the repository root. */
export const MATRIX_EXAMPLES = [
  'examples/acme-pro/acme-pro.yaml',
  'examples/stripe-like/stripe-like.yaml',
  'examples/github-like/github-like.yaml',
  'test/fixtures/refusals/octo-lite.yaml',
  // GitHub-shaped rate limits: anonymous plan, ratelimit.used / .resource / .secondary (test spec)
  'test/fixtures/rate-github/rate-github.yaml',
] as const;

/** The names of the matrix specs in order (a contract's name is its file's short name). */
export const MATRIX_SPEC_NAMES: readonly string[] = [...BUNDLED_SPECS, ...MATRIX_EXAMPLES.map((p) => p.replace(/^.*\/|\.yaml$/g, ''))];

/** Loads every spec of the matrix, in order. */
export async function loadMatrixSpecs(): Promise<LoadedSpec[]> {
  const bundled = await Promise.all(BUNDLED_SPECS.map((n) => loadSpec(n)));
  const examples = await Promise.all(MATRIX_EXAMPLES.map((p) => loadSpec(join(repoRoot, p))));
  return [...bundled, ...examples];
}

/** Loads one matrix spec by its name. */
export async function loadMatrixSpec(name: string): Promise<LoadedSpec> {
  const example = MATRIX_EXAMPLES.find((p) => p.endsWith(`/${name}.yaml`));
  return loadSpec(example === undefined ? name : join(repoRoot, example));
}
