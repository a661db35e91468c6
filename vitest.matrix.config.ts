/**
 * `npm run test:matrix`: the lab's proofs that every probe catches its defect and blames nothing
 * else, spec by spec, on the embedded mock: the defect matrix (test/matrix/defect-matrix.test.ts:
 * every mock defect of every matrix spec, a whole run each), the standards profile matrix
 * (test/matrix/profile-matrix-*.test.ts) and the example specs' broken twins on the manual clock
 * (test/independent/examples/*-twins.test.ts). About 190 s of CPU, kept apart from `npm test` so
 * that stays under 3 minutes on a 2-core machine; `.ci/run` runs both.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/support/heavy-first-sequencer.ts';

export const MATRIX_FILES = ['test/matrix/*-matrix*.test.ts', 'test/independent/examples/*-twins.test.ts'];

export default defineConfig({
  test: {
    include: MATRIX_FILES,
    globalSetup: ['test/support/build-if-stale.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    maxWorkers: availableParallelism(),
    isolate: false,
    sequence: { sequencer: HeavyFirstSequencer },
  },
});
