/**
 * `npm run test:examples`: `authconform run --target` against the faithful servers of the example
 * specs (examples/stripe-like, examples/github-like) and every broken twin of them
 * (test/independent/examples/*-run.test.ts). Each is a whole conformance run per server, on the
 * servers' wall clock (per-second windows): minutes of CPU, so not part of `npm test`; `.ci/run`
 * runs it after `npm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/independent/examples/*-run.test.ts'],
    globalSetup: ['test/support/build-if-stale.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // one server batch per file; the files run one after another so per-second windows are not
    // shared with another batch's bursts
    fileParallelism: false,
  },
});
