/**
 * The broken-server tests: every fault of one file gets its own independent server (started with
 * that one deliberate fault), and all of them go through ONE run of the real run path
 * (`runConformance`, level all, live keys allowed), one spec entry per server, so the conformance
 * worker starts once per file instead of once per fault. Each server reads its own variables: the
 * fixtures file is the template, and for server i its `${NAME}` references become `${NAME__i}` in a
 * temporary copy (the documented interpolation does the rest; process.env is never touched).
 *
 * `faultTest(batch)` is vitest's `test` with a file-scoped `runs` fixture: the batch runs once, on
 * the first test that asks for it, and every row reads its own server's part of the one JUnit file
 * (its `<testsuite>`s carry the server's URL as the `target` property).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { RunSummary } from '../../../src/runner/run-conformance.ts';
import { runConformance } from '../../support/compiled.ts';
import type { SuiteOptions } from '../../../src/runner/options.ts';
import { readJunit, type JunitCase } from '../../reporters/parse-junit.ts';
import { tempDir } from '../../support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What one faulty server got from the batch's run. */
export interface FaultRun {
  /** its JUnit testcases */
  cases: JunitCase[];
  /** the failing (failure or error) testcases */
  failing: JunitCase[];
  /** requirement ids of the failing testcases, sorted, once each */
  failingIds: string[];
  /**
   * requirement ids of the failing testcases and of the warnings (a failed case whose level does
   * not fail the run: MAY, or SHOULD without --strict; JUnit writes them as a pass with a
   * `warning (…)` line in system-out), sorted, once each: every requirement the run blamed
   */
  blamedIds: string[];
  /** the exit code of the run this server was part of (1 when any server failed a case) */
  exitCode: number;
  /** console output of the whole run */
  log: string;
}

export interface FaultBatch<F extends string, S extends { url: string; close(): Promise<void> }> {
  spec: string;
  /** fixtures file, relative to the repository: the template of every server's copy */
  fixtures: string;
  faults: readonly F[];
  /** starts a server carrying `fault` */
  start(fault: F): Promise<S>;
  /** the variables the fixtures file reads, for this server */
  env(server: S): Record<string, string | undefined>;
  options?: Partial<SuiteOptions>;
}

/** `${NAME}` and `${NAME:-default}` of the template → the same reference to `NAME__i`. */
function fixturesFor(template: string, i: number): string {
  return template.replace(/\$\{([A-Z0-9_]+)((?::-)[^}]*)?\}/g, (_m, name: string, rest: string | undefined) => `\${${name}__${i}${rest ?? ''}}`);
}

/** The requirement ids of testcases (their name's first word), sorted, once each. */
const idsOf = (cases: readonly JunitCase[]): string[] => [...new Set(cases.map((c) => c.name.split(' ')[0]!))].sort();

/** Starts one server per fault, runs them all in one conformance run, closes them; runs by fault. */
export async function runFaults<F extends string, S extends { url: string; close(): Promise<void> }>(batch: FaultBatch<F, S>): Promise<Map<F, FaultRun>> {
  const dir = tempDir(`ac-broken-${batch.spec.replace(/[^\w-]/g, '_')}-`);
  const template = await readFile(join(ROOT, batch.fixtures), 'utf8');
  const servers: S[] = [];
  try {
    for (const fault of batch.faults) servers.push(await batch.start(fault));
    const env: NodeJS.ProcessEnv = { ...process.env };
    const specs = await Promise.all(
      servers.map(async (server, i) => {
        const file = join(dir, `${i}.fixtures.yaml`);
        await writeFile(file, fixturesFor(template, i));
        for (const [name, value] of Object.entries(batch.env(server))) env[`${name}__${i}`] = value;
        return { spec: batch.spec, target: server.url, fixtures: file };
      }),
    );
    const junit = join(dir, 'junit.xml');
    const out: string[] = [];
    const summary: RunSummary = await runConformance(
      { specs, options: { level: 'all', allowLive: true, maxWaitMs: 5000, ...batch.options }, junit, color: false },
      { stdout: (l) => void out.push(l), stderr: (l) => void out.push(l), env, cwd: ROOT },
    );
    const suites = readJunit(junit);
    const runs = new Map<F, FaultRun>();
    batch.faults.forEach((fault, i) => {
      const cases = suites.filter((s) => s.properties.target === servers[i]!.url).flatMap((s) => s.cases);
      const failing = cases.filter((c) => c.failure !== undefined || c.error !== undefined);
      const warned = cases.filter((c) => c.failure === undefined && c.error === undefined && /^warning \(/m.test(c.systemOut ?? ''));
      for (const c of failing) console.log(`[${fault}] FAILED ${c.name}\n  ${c.failure?.message ?? c.error?.message}`);
      runs.set(fault, {
        cases,
        failing,
        failingIds: idsOf(failing),
        blamedIds: idsOf([...failing, ...warned]),
        exitCode: summary.exitCode,
        log: out.join('\n'),
      });
    });
    return runs;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A broken-server run takes tens of seconds on a loaded 2-core machine (one conformance run of
 * every faulty server); no assertion depends on it.
 */
export const FAULT_BATCH_TIMEOUT_MS = 240_000;

/** `test` with `runs`: the file's one batch run (started by the first test that uses it), by fault. */
export function faultTest<F extends string, S extends { url: string; close(): Promise<void> }>(batch: FaultBatch<F, S>) {
  return test.extend('runs', { scope: 'file' }, () => runFaults(batch));
}

/** The run of `fault`, with a check that the batch had it. */
export function runOf<F extends string>(runs: Map<F, FaultRun>, fault: F): FaultRun {
  const run = runs.get(fault);
  if (run === undefined) throw new Error(`no run for ${fault} in this batch`);
  return run;
}

/** One server of a batch and the requirement ids its run must blame, exactly. */
export interface BatchRow {
  twin: string;
  expected: readonly string[];
}

/**
 * The tests of one batch: a test per row asserting that the run blamed exactly the row's ids (the
 * log printed when not), and whatever `also` checks of that server's run.
 */
export function batchTests<S extends { url: string; close(): Promise<void> }>(
  title: string,
  batch: Omit<FaultBatch<string, S>, 'faults'>,
  rows: readonly BatchRow[],
  o: { timeoutMs?: number; also?: (run: FaultRun, row: BatchRow) => void } = {},
): void {
  const it = faultTest({ ...batch, faults: rows.map((r) => r.twin) });
  describe(title, { timeout: o.timeoutMs ?? FAULT_BATCH_TIMEOUT_MS }, () => {
    it.for(rows)('$twin fails exactly $expected', (row, { runs }) => {
      const run = runOf(runs, row.twin);
      const expected = [...row.expected].sort();
      if (run.blamedIds.join() !== expected.join()) console.log(run.log);
      expect(run.cases.length).toBeGreaterThan(0);
      expect(run.blamedIds).toEqual(expected);
      o.also?.(run, row);
    });
  });
}
