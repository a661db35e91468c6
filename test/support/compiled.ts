/**
 * The compiled tool (dist/, kept current by the globalSetup test/support/build-if-stale.ts), for the
 * tests that run whole runs in-process: the run's vitest worker imports JS natively instead of
 * transforming every source file (about half the CPU of a run). Types are the sources' own.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/spec/bundled.ts';
import type * as CliMain from '../../src/cli/main.ts';
import type * as RunConformance from '../../src/runner/run-conformance.ts';

/** the compiled twin of a module of the sources (`src/x/y.ts` → `dist/src/x/y.js`) */
async function compiled<M>(source: string): Promise<M> {
  return (await import(pathToFileURL(join(repoRoot, 'dist', source.replace(/\.ts$/, '.js'))).href)) as M;
}

const runModule = await compiled<typeof RunConformance>('src/runner/run-conformance.ts');
const mainModule = await compiled<typeof CliMain>('src/cli/main.ts');

/** `runConformance` of the compiled tool (same request and result as the sources'). */
export const runConformance: typeof RunConformance.runConformance = runModule.runConformance;

/** `main` of the compiled CLI: `authconform <argv>` in this process (same IO and exit code as the sources'). */
export const main: typeof CliMain.main = mainModule.main;
