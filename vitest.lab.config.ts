/**
 * `npm run test:lab`: the lab's proofs that the probes are right, as the README's "Proof that the
 * probes work" lists them: the defect matrix (test/matrix/defect-matrix.test.ts: every mock defect
 * of every matrix spec, a whole run each), the standards profile matrix
 * (test/matrix/profile-matrix-*.test.ts), and the independent servers written from the vendor
 * documents with their broken twins (test/independent/: the first and second readings through the
 * real run path, the example specs' servers and twins on the manual clock). About 250 s of CPU,
 * kept apart from `npm test` (the tool's own tests, under 3 minutes on a 2-core machine); `.ci/run`
 * runs both. The example specs' whole runs on the servers' wall clock are `npm run test:examples`.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/support/heavy-first-sequencer.ts';

export const LAB_FILES = ['test/matrix/*-matrix*.test.ts', 'test/independent/**/*.test.ts'];

export default defineConfig({
  test: {
    include: LAB_FILES,
    // the example specs' whole runs on the servers' wall clock: `npm run test:examples`
    exclude: ['test/independent/examples/*-run.test.ts'],
    globalSetup: ['test/support/build-if-stale.ts'],
    // hang guards, not time limits: a hook or test that runs a whole conformance run took over 20 s
    // on the loaded 2-core machine (run-reports.test.ts's beforeAll at load 4), so they are generous
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: availableParallelism(),
    isolate: false,
    sequence: { sequencer: HeavyFirstSequencer },
  },
});
