/**
 * The programmatic `authconform run`: checks everything, writes the plan, runs the conformance
 * suite in vitest (one file, one worker) with the console and JUnit reporters, and turns the
 * results into an exit code: 0 clean, 1 conformance failure, 2 tool/usage error, 130 interrupted.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { CliIO } from '../cli/command.ts';
import { AuthconformError } from '../util/errors.ts';
import ConsoleReporter from '../../reporters/console-reporter.ts';
import JunitReporter, { DEFAULT_JUNIT_FILE } from '../../reporters/junit-reporter.ts';
import { casesOf, collectResults, type RunResults } from '../../reporters/collect-results.ts';
import { PLAN_ENV } from './plan.ts';
import { prepareRun, type RunRequestSpec } from './prepare-run.ts';
import { describeLevel, type SuiteOptions } from './options.ts';
import { checkReportPath } from './output-file.ts';
import { startConformanceVitest } from './start-vitest.ts';

export interface RunRequest {
  /** specs to run; empty = every bundled spec against the embedded mock */
  specs: RunRequestSpec[];
  options?: Partial<SuiteOptions>;
  /** JUnit file, relative to cwd @default 'reports/junit.xml' */
  junit?: string;
  /** colour in the console output @default picocolors' detection */
  color?: boolean;
}

export interface RunSummary {
  exitCode: number;
  results: RunResults;
  /** absolute path of the JUnit file written */
  junitFile: string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export async function runConformance(request: RunRequest, io: CliIO): Promise<RunSummary> {
  const startedAt = performance.now();
  const prepared = await prepareRun(request.specs, request.options ?? {}, io.env, io.cwd);
  io.secrets?.addPrefixes(prepared.contracts.flatMap((c) => [...c.keyFormat.live, ...c.keyFormat.test])).addAll(prepared.secrets);
  const junitFile = resolve(io.cwd, request.junit ?? DEFAULT_JUNIT_FILE);
  await checkReportPath(junitFile, `--junit ${request.junit ?? DEFAULT_JUNIT_FILE}`, prepared.inputFiles);
  const consoleReporter = new ConsoleReporter({
    write: io.stdout,
    secrets: prepared.secrets,
    startedAt,
    ...(request.color === undefined ? {} : { color: request.color }),
  });
  const junitReporter = new JunitReporter({ outputFile: junitFile, secrets: prepared.secrets, level: describeLevel(prepared.options) });
  const dir = await mkdtemp(join(tmpdir(), 'authconform-'));
  const planFile = join(dir, 'plan.json');
  const vitestLog: string[] = [];
  try {
    await writeFile(planFile, JSON.stringify(prepared.plan, null, 2));
    const env: Record<string, string> = { [PLAN_ENV]: planFile };
    for (const name of prepared.envVars) {
      const value = io.env[name];
      if (value !== undefined) env[name] = value;
    }
    const run = await startConformanceVitest({
      env,
      reporters: [consoleReporter, junitReporter],
      options: prepared.options,
      log: new Writable({
        write(chunk: Buffer, _encoding, done) {
          vitestLog.push(chunk.toString());
          done();
        },
      }),
    });
    const results = consoleReporter.results ?? collectResults(run.testModules, run.interrupted ? 'interrupted' : 'passed');
    const summary: RunSummary = { exitCode: exitCodeOf(results, run.unhandledErrors, run.interrupted), results, junitFile };
    io.stdout(`JUnit: ${junitFile}`);
    if (io.env.AUTHCONFORM_DEBUG !== undefined && vitestLog.length > 0) io.stderr(vitestLog.join(''));
    return summary;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function exitCodeOf(results: RunResults, unhandledErrors: readonly unknown[], interrupted: boolean): number {
  if (interrupted || results.interrupted) return EXIT.interrupted;
  if (results.collectionErrors.length > 0) {
    throw new AuthconformError('AC_INTERNAL', `the conformance suite did not load: ${results.collectionErrors[0]}`);
  }
  if (unhandledErrors.length > 0) {
    const first = unhandledErrors[0] as { message?: unknown } | undefined;
    throw new AuthconformError('AC_INTERNAL', `unhandled error during the run: ${String(first?.message ?? first).split('\n')[0]}`);
  }
  const cases = results.specs.flatMap(casesOf);
  if (cases.length === 0) throw new AuthconformError('AC_USAGE', 'nothing to run: --only and --level select no case');
  return cases.some((c) => c.status === 'failed' || c.status === 'error') ? EXIT.failed : EXIT.ok;
}
