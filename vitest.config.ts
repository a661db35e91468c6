/**
 * vitest config of the tool's OWN tests (`npm test`). The conformance suite (`suites/`) is not a
 * test of this repo: `authconform run` starts it through vitest's Node API with its own config.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/support/heavy-first-sequencer.ts';
import { LAB_FILES } from './vitest.lab.config.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the pack-and-install test builds and installs the package: `npm run test:package`
    // the examples' whole runs against their servers and twins: `npm run test:examples`
    // the lab's proofs (defect and profile matrices, independent servers and twins): `npm run test:lab`
    exclude: ['suites/**', 'node_modules/**', 'test/package/**', ...LAB_FILES],
    // dist/ rebuilt when older than its sources: spawned CLIs and whole runs use the compiled tool
    globalSetup: ['test/support/build-if-stale.ts'],
    // hang guards, not time limits: a hook or test that runs a whole conformance run took over 20 s
    // on the loaded 2-core machine (run-reports.test.ts's beforeAll at load 4), so they are generous
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
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
  },
});
