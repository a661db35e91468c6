/**
 * The settings every vitest config of the tool's own tests shares (vitest.config.ts for `npm test`,
 * vitest.lab.config.ts for `npm run test:lab`, vitest.examples.config.ts for `npm run
 * test:examples`).
 */
import { availableParallelism } from 'node:os';
import type { ViteUserConfig } from 'vitest/config';
import HeavyFirstSequencer from './heavy-first-sequencer.ts';

type TestOptions = NonNullable<ViteUserConfig['test']>;

/** What a run needs whatever it runs: the compiled tool, hang guards, forks. */
export const BASE_TEST: TestOptions = {
  // dist/ rebuilt when older than its sources: spawned CLIs and whole runs use the compiled tool
  globalSetup: ['test/support/build-if-stale.ts'],
  // the temporary folders a test file made are removed when it ends (temp-dir.ts)
  setupFiles: ['test/support/remove-temp-dirs.ts'],
  // hang guards, not time limits: a hook or test that runs a whole conformance run took over 20 s
  // on the loaded 2-core machine (run-reports.test.ts's beforeAll at load 4), so they are generous
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
};

/** Files spread over every core, sharing a module graph per worker, the long ones first. */
export const PARALLEL_TEST: TestOptions = {
  ...BASE_TEST,
  // vitest's default in a run is one worker less than the cores: ONE worker on a 2-core machine,
  // every file in turn, the other core idle while a file waits (servers holding answers, child
  // processes). One worker per core (more only lengthens every test on a loaded machine).
  maxWorkers: availableParallelism(),
  // a worker runs its files one after another in one module graph: the sources, vitest's runtime,
  // ajv's compiled validators and undici are imported once per worker, not once per file (half
  // the CPU of test/spec + test/probes + test/kinds). Files keep no state between them: servers,
  // env changes and spies are undone in their afterAll/afterEach.
  isolate: false,
  // without vitest's results cache (a fresh clone), the long files first: none left for the end
  sequence: { sequencer: HeavyFirstSequencer },
};
