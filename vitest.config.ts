/**
 * vitest config of the tool's OWN tests (`npm test`). The conformance suite (`suites/`) is not a
 * test of this repo: `authconform run` starts it through vitest's Node API with its own config.
 */
import { defineConfig } from 'vitest/config';
import { PARALLEL_TEST } from './test/support/vitest-base.ts';
import { LAB_FILES } from './vitest.lab.config.ts';

export default defineConfig({
  test: {
    ...PARALLEL_TEST,
    include: ['test/**/*.test.ts'],
    // the pack-and-install test builds and installs the package: `npm run test:package`
    // the examples' whole runs against their servers and twins: `npm run test:examples`
    // the lab's proofs (defect and profile matrices, independent servers and twins): `npm run test:lab`
    exclude: ['suites/**', 'node_modules/**', 'test/package/**', ...LAB_FILES],
  },
});
