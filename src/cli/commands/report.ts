/**
 * `authconform report RUN.json --junit F --html F --sarif F ...`: the reports of a saved run
 * record, rendered again (every report is a projection of the record). Exit 0, or 2 for a file
 * that is no run record.
 */
import { resolve } from 'node:path';
import type { RunRecord } from '../../report/record.ts';
import { checkReportFiles, REPORT_LABELS, type ReportFiles } from '../../report/report-files.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, usageError } from '../parse-args.ts';
import { readReportFiles, REPORT_OPTIONS } from '../report-options.ts';

export const command: CliCommand = {
  name: 'report',
  summary: 'render the reports (JUnit, HTML, SARIF, attestation, badge) of a saved JSON run record',
  args: '<record>',
  argsHelp: 'a JSON run record written by `run --json` or `merge --json`',
  options: [{ flags: '--junit <FILE>', help: 'JUnit XML file' }, ...REPORT_OPTIONS],
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv);
    const [file] = parsed.positionals;
    const files = readReportFiles(parsed);
    if (Object.values(files).every((f) => f === undefined)) throw usageError(command, 'name at least one report to write (--junit, --html, ...)');
    // the record's schema and the renderers load here, not with every command
    const { readRunRecord } = await import('../../report/record-schema.ts');
    const record = readRunRecord(resolve(io.cwd, file!), file);
    await checkReportFiles(files, io.cwd);
    await writeAndSay(record, files, io);
    return 0;
  },
};

/** Writes the reports and prints one `<format>: <file>` line per file. */
export async function writeAndSay(record: RunRecord, files: ReportFiles, io: Parameters<CliCommand['run']>[1]): Promise<void> {
  const { writeReports } = await import('../../report/write-reports.ts');
  for (const [format, written] of Object.entries(writeReports(record, files, [], io.cwd))) io.stdout(`${REPORT_LABELS[format as keyof ReportFiles]}: ${written}`);
}
