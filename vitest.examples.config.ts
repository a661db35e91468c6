/**
 * `npm run test:examples`: `authconform run --target` against the faithful servers of the example
 * specs (examples/stripe-like, examples/github-like) and every broken twin of them
 * (test/independent/examples/*-run.test.ts). Each is a whole conformance run per server, on the
 * servers' wall clock (per-second windows): minutes of CPU, so not part of `npm test`; `.ci/run`
 * runs it after `npm test`.
 */
import { defineConfig } from 'vitest/config';
import { BASE_TEST } from './test/support/vitest-base.ts';

export default defineConfig({
  test: {
    ...BASE_TEST,
    include: ['test/independent/examples/*-run.test.ts'],
    // one server batch per file; the files run one after another so per-second windows are not
    // shared with another batch's bursts
    fileParallelism: false,
  },
});
