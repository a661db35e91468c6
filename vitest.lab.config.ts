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
import { defineConfig } from 'vitest/config';
import { PARALLEL_TEST } from './test/support/vitest-base.ts';

export const LAB_FILES = ['test/matrix/*-matrix*.test.ts', 'test/independent/**/*.test.ts'];

export default defineConfig({
  test: {
    ...PARALLEL_TEST,
    include: LAB_FILES,
    // the example specs' whole runs on the servers' wall clock: `npm run test:examples`
    exclude: ['test/independent/examples/*-run.test.ts'],
  },
});
