/**
 * vitest config of the tool's OWN tests (`npm test`). The conformance suite (`suites/`) is not a
 * test of this repo: `authconform run` starts it through vitest's Node API with its own config.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the pack-and-install test builds and installs the package: `npm run test:package`
    exclude: ['suites/**', 'node_modules/**', 'test/package/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
