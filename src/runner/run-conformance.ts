/**
 * The programmatic `authconform run`: checks everything, writes the plan, runs the conformance
 * suite in vitest (one file, one worker) with the console and JUnit reporters, and turns the
 * results into an exit code: 0 clean, 1 conformance failure, 2 tool/usage error, 130 interrupted.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { serialize } from 'node:v8';
import type { CliIO } from '../cli/command.ts';
import { AuthconformError } from '../util/errors.ts';
import ConsoleReporter from '../../reporters/console-reporter.ts';
import { casesOf, collectResults, type RunResults } from '../../reporters/collect-results.ts';
import type { RunRecord } from '../report/record.ts';
import { checkReportFiles, type ReportFiles } from '../report/report-files.ts';
import type { ShardOption } from './shard.ts';
import { PLAN_ENV, type RunPlan } from './plan.ts';
import { prepareRun, type PreparedRun } from './prepare-run.ts';
import type { SpecEntry } from './spec-entry.ts';
import type { SuiteOptions } from './options.ts';
import { startConformanceVitest, STOP_SIGNALS, type StopSignal, type VitestRunOutput } from './start-vitest.ts';

export interface RunRequest {
  /** specs to run; empty = every bundled spec against the embedded mock */
  specs: SpecEntry[];
  options?: Partial<SuiteOptions>;
  /** JUnit file, relative to cwd @default 'reports/junit.xml' */
  junit?: string;
  /** the other report files (JSON record, HTML, SARIF, attestation, badge), relative to cwd */
  reports?: Omit<ReportFiles, 'junit'>;
  /** run one part of the whole run (`--shard i/n`) */
  shard?: ShardOption;
  /** colour in the console output @default picocolors' detection */
  color?: boolean;
}

export interface RunSummary {
  exitCode: number;
  results: RunResults;
  /** absolute path of the JUnit file written */
  junitFile: string;
  /** the run record every report was projected from (unmasked: masking happens on writing) */
  record: RunRecord;
}

export const DEFAULT_JUNIT_FILE = 'reports/junit.xml';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export async function runConformance(request: RunRequest, io: CliIO): Promise<RunSummary> {
  // the printed wall time counts from process start (performance.now() is 0 there), start-up included
  const startedAt = 0;
  const started = new Date();
  const prepared = await prepareRun(request.specs, request.options ?? {}, io.env, io.cwd, request.shard);
  io.secrets?.addPrefixes(prepared.contracts.flatMap((c) => [...c.keyFormat.live, ...c.keyFormat.test])).addAll(prepared.secrets);
  const files: ReportFiles = { ...request.reports, junit: request.junit ?? DEFAULT_JUNIT_FILE };
  const junitFile = resolve(io.cwd, files.junit!);
  await checkReportFiles(files, io.cwd, prepared.inputFiles);
  const consoleReporter = new ConsoleReporter({
    write: io.stdout,
    secrets: prepared.secrets,
    startedAt,
    ...(request.color === undefined ? {} : { color: request.color }),
    ...liveOutput(request, io),
  });
  // the reporting code loads once the worker has collected the suite and runs its cases (this thread
  // idles then; earlier, while the worker imports the suite, it would delay the worker's requests)
  let reporting: Promise<typeof import('./report-run.ts')> | undefined;
  const loadReporting = () => (reporting ??= import('./report-run.ts'));
  const run = prepared.plan.specs.length === 0 ? EMPTY_RUN : await runVitest(prepared, consoleReporter, io, () => void loadReporting());
  const results = consoleReporter.results ?? collectResults(run.testModules, run.interrupted !== undefined ? 'interrupted' : 'passed');
  const { reportRun } = await loadReporting();
  const record = reportRun({ results, startedAt: started, prepared, files, shard: request.shard, interrupted: run.interrupted !== undefined || results.interrupted }, io);
  return { exitCode: exitCodeOf(results, run.unhandledErrors, run.interrupted, request.shard), results, junitFile, record };
}

/**
 * Waits rewritten in place on a terminal, unless colours are off (`--no-color`, NO_COLOR): then,
 * as in a file or a pipe, one line per wait.
 */
export function liveOutput(request: Pick<RunRequest, 'color'>, io: Pick<CliIO, 'live' | 'env'>): { live?: { write(text: string): void } } {
  const live = io.live;
  if (live === undefined || request.color === false || (io.env.NO_COLOR ?? '') !== '') return {};
  return { live: { write: (text) => live(text) } };
}

/** A shard with nothing to run: no vitest, an empty record. */
const EMPTY_RUN: VitestRunOutput = { testModules: [], unhandledErrors: [] };

/** `onSuiteStarted`: called once the worker has collected the suite */
async function runVitest(prepared: PreparedRun, consoleReporter: ConsoleReporter, io: CliIO, onSuiteStarted: () => void): Promise<VitestRunOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'authconform-'));
  const planFile = join(dir, 'plan.json');
  const vitestLog: string[] = [];
  try {
    // the validated contracts go along, so the worker does not parse and check every spec again
    const contractsFile = join(dir, 'contracts.v8');
    await writeFile(contractsFile, serialize(prepared.loaded));
    await writeFile(planFile, JSON.stringify({ ...prepared.plan, contracts: contractsFile } satisfies RunPlan, null, 2));
    const env: Record<string, string> = { [PLAN_ENV]: planFile };
    for (const name of prepared.envVars) {
      const value = io.env[name];
      if (value !== undefined) env[name] = value;
    }
    const run = await startConformanceVitest({
      env,
      reporters: [consoleReporter, { onTestModuleCollected: onSuiteStarted }],
      onInterrupt: () => consoleReporter.interrupt(),
      options: prepared.options,
      log: new Writable({
        write(chunk: Buffer, _encoding, done) {
          vitestLog.push(chunk.toString());
          done();
        },
      }),
    });
    if (io.env.AUTHCONFORM_DEBUG !== undefined && vitestLog.length > 0) io.stderr(vitestLog.join(''));
    return run;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function exitCodeOf(results: RunResults, unhandledErrors: readonly unknown[], interrupted: StopSignal | undefined, shard: ShardOption | undefined): number {
  if (interrupted !== undefined) return STOP_SIGNALS[interrupted];
  if (results.interrupted) return EXIT.interrupted;
  if (results.collectionErrors.length > 0) {
    throw new AuthconformError('AC_INTERNAL', `the conformance suite did not load: ${results.collectionErrors[0]}`);
  }
  if (unhandledErrors.length > 0) {
    const first = unhandledErrors[0] as { message?: unknown } | undefined;
    throw new AuthconformError('AC_INTERNAL', `unhandled error during the run: ${String(first?.message ?? first).split('\n')[0]}`);
  }
  const cases = results.specs.flatMap(casesOf);
  if (cases.length === 0 && shard === undefined) throw new AuthconformError('AC_USAGE', 'nothing to run: --only and --level select no case');
  return cases.some((c) => c.status === 'failed' || c.status === 'error') ? EXIT.failed : EXIT.ok;
}
