/**
 * The batches the test files run: every row of one API and one kind of run, conformant servers and
 * broken twins together, in `<api>.test.ts`, each batch in one conformance run (the conformance
 * worker's start-up is most of a run's CPU).
 */
import { expect, test } from 'vitest';
import type { SuiteOptions } from '../../../src/runner/options.ts';
import { runBatch, verdictFor, type Verdict } from './harness.ts';
import { fixturesOf, START } from './readings.ts';
import { rowsOf, switchesOf, type Api, type Row, type RunKind } from './rows.ts';

/**
 * Options per kind of run. Issue 13 cause 3: `writes` allows state-changing requests without
 * spending quotas (`spendQuota`, off here); `destructive` would be both.
 */
export const RUN_OPTIONS: Record<RunKind, Partial<SuiteOptions>> = { 'read-only': {}, writes: { writes: true } };

/**
 * A test that waits for its batch: one conformance run of several servers, which takes tens of
 * seconds on a loaded 2-core machine (no assertion depends on it).
 */
export const BATCH_TIMEOUT_MS = 240_000;

/** Runs the rows of `api` of this kind of run (conformant ones, broken twins, or, without `broken`, both) in one batch. */
export function batchOf(api: Api, run: RunKind, broken?: boolean): () => Promise<Map<string, Verdict>> {
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

/**
 * `test` with `verdicts` (the read-only batch) and `writeVerdicts` (the writes batch). Both runs
 * start together on first use (two conformance runs side by side); a file without writes rows
 * starts none.
 */
export function apiTest(api: Api) {
  const hasWrites = rowsOf(api, 'writes').length > 0;
  return test
    .extend('runs', { scope: 'file' }, () => {
      const readOnly = batchOf(api, 'read-only')();
      const writes = hasWrites ? batchOf(api, 'writes')() : undefined;
      // a rejection is reported by the test that awaits it, not as an unhandled one
      void readOnly.catch(() => {});
      void writes?.catch(() => {});
      return { readOnly, writes };
    })
    .extend('verdicts', { scope: 'file' }, ({ runs }) => runs.readOnly)
    .extend('writeVerdicts', { scope: 'file' }, ({ runs }) => {
      if (runs.writes === undefined) throw new Error(`${api}: no writes rows in this file`);
      return runs.writes;
    });
}

/** The row's server failed exactly its expected requirement ids. */
export function expectRow(verdicts: Map<string, Verdict>, row: Row): Verdict {
  const v = verdictFor(verdicts, row.name);
  expect(v.failing).toEqual([...row.expected].sort());
  return v;
}
