/**
 * The batches the test files run: every row of one API and one kind of run, conformant rows in
 * `<api>.test.ts` and broken twins in `<api>-broken.test.ts`, each batch in one conformance run.
 */
import { expect } from 'vitest';
import type { SuiteOptions } from '../../../src/runner/options.ts';
import { runBatch, secondReadingTest, verdictFor, type Verdict } from './harness.ts';
import { fixturesOf, START } from './readings.ts';
import { rowsOf, switchesOf, type Api, type Row, type RunKind } from './rows.ts';

/**
 * Options per kind of run. Issue 13 cause 3: `destructive` is today's only switch for
 * state-changing requests, and it also turns on the daily-quota exhaustion; the fix gives
 * `writes` a flag of its own.
 */
export const RUN_OPTIONS: Record<RunKind, Partial<SuiteOptions>> = { 'read-only': {}, writes: { destructive: true } };

/**
 * A test that waits for its batch: one conformance run of several servers, which takes tens of
 * seconds on a loaded 2-core machine (no assertion depends on it).
 */
export const BATCH_TIMEOUT_MS = 240_000;

/** Runs the rows of `api` of this kind of run (conformant ones, or the broken twins) in one batch. */
export function batchOf(api: Api, run: RunKind, broken: boolean): () => Promise<Map<string, Verdict>> {
  const rows = rowsOf(api, run, broken);
  return () =>
    runBatch(
      api,
      fixturesOf(api),
      rows.map((r) => {
        const { faults, variants } = switchesOf(r);
        return { name: r.name, start: () => START[api](faults, variants) };
      }),
      RUN_OPTIONS[run],
    );
}

/** `test` with `verdicts` (the read-only batch) and `writeVerdicts` (the writes batch), each run on first use. */
export function apiTest(api: Api, broken: boolean) {
  return secondReadingTest(batchOf(api, 'read-only', broken)).extend('writeVerdicts', { scope: 'file' }, () => batchOf(api, 'writes', broken)());
}

/** The row's server failed exactly its expected requirement ids. */
export function expectRow(verdicts: Map<string, Verdict>, row: Row): Verdict {
  const v = verdictFor(verdicts, row.name);
  expect(v.failing).toEqual([...row.expected].sort());
  return v;
}
