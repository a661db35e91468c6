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
    // hang guards, not time limits: a hook or test that runs a whole conformance run took over 20 s
    // on the loaded 2-core machine (run-reports.test.ts's beforeAll at load 4), so they are generous
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // one server batch per file; the files run one after another so per-second windows are not
    // shared with another batch's bursts
    fileParallelism: false,
  },
});
