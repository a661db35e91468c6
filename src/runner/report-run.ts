/**
 * What `authconform run` does once vitest is done: the run record built from the results, every
 * report file written from it, the CI outputs, the files' list and the mostly-skipped warning.
 * run-conformance.ts loads this module while the cases run (the CLI's thread is idle then), not
 * before the suite starts: the renderers are a tenth of the CLI's start-up.
 */
import { relative, sep } from 'node:path';
import type { CliIO } from '../cli/command.ts';
import type { RunResults } from '../../reporters/collect-results.ts';
import { buildRunRecord } from '../report/build-record.ts';
import type { RunRecord } from '../report/record.ts';
import { REPORT_LABELS, writeReports, type ReportFiles } from '../report/write-reports.ts';
import { emitCiReports } from '../report/ci-reports.ts';
import { recordMask } from '../report/mask.ts';
import { skipWarning } from '../report/skip-warning.ts';
import type { ShardOption } from './shard.ts';
import type { PreparedRun } from './prepare-run.ts';
import { describeLevel } from './options.ts';

export interface ReportRunInput {
  results: RunResults;
  startedAt: Date;
  prepared: PreparedRun;
  files: ReportFiles;
  shard: ShardOption | undefined;
  /** a signal or Ctrl+C cut the run short: no mostly-skipped warning (the signal says why) */
  interrupted: boolean;
}

export function reportRun(input: ReportRunInput, io: CliIO): RunRecord {
  const { prepared, results } = input;
  const record = buildRunRecord({
    results,
    startedAt: input.startedAt,
    endedAt: new Date(),
    level: describeLevel(prepared.options),
    writes: prepared.options.writes,
    spendQuota: prepared.options.spendQuota,
    only: prepared.options.only,
    shard: input.shard,
    specFiles: Object.fromEntries(prepared.contracts.map((c) => [c.name, relative(io.cwd, c.file).split(sep).join('/')])),
  });
  const written = writeReports(record, input.files, prepared.secrets, io.cwd);
  emitCiReports(record, prepared.secrets, io);
  for (const [format, file] of Object.entries(written)) io.stdout(`${REPORT_LABELS[format as keyof ReportFiles]}: ${file}`);
  // an interrupted run skips what it never reached: the signal says why, not a missing fixture
  const mostlySkipped = input.interrupted ? undefined : skipWarning(record, recordMask(record, prepared.secrets));
  if (mostlySkipped !== undefined) io.stderr(mostlySkipped);
  return record;
}
