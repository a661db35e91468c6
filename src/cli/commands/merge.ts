/**
 * `authconform merge RUN1.json RUN2.json ... --json F --junit F --html F`: the shard records of
 * one run joined into the record of the whole run, and its reports. Exit 0 when the merged run
 * is conformant, 1 when a case fails it, 2 for bad input.
 */
import { resolve } from 'node:path';
import { checkReportFiles } from '../../report/report-files.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { JSON_OPTION, readReportFiles, REPORT_OPTIONS } from '../report-options.ts';
import { writeAndSay } from './report.ts';

export const command: CliCommand = {
  name: 'merge',
  summary: 'join the JSON records of the shards of one run (run --shard i/n) into one record and its reports',
  args: '<records...>',
  argsHelp: 'JSON run records of the shards, in any order',
  options: [JSON_OPTION, { flags: '--junit <FILE>', help: 'JUnit XML file' }, ...REPORT_OPTIONS],
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv);
    // the record's schema, the merge and the renderers load here, not with every command
    const [{ emitCiReports }, { mergeRecords }, { readRunRecord }, { conformant }] = await Promise.all([
      import('../../report/ci-reports.ts'),
      import('../../report/merge.ts'),
      import('../../report/record-schema.ts'),
      import('../../report/tally.ts'),
    ]);
    const records = parsed.positionals.map((file) => ({ record: readRunRecord(resolve(io.cwd, file), file), shown: file }));
    const files = readReportFiles(parsed);
    await checkReportFiles(files, io.cwd);
    const merged = mergeRecords(records);
    await writeAndSay(merged, files, io);
    emitCiReports(merged, [], io);
    const cases = merged.specs.reduce((sum, s) => sum + s.cases.length, 0);
    io.stdout(`merged ${records.length} record${records.length === 1 ? '' : 's'}: ${merged.specs.length} specs, ${cases} cases, ${conformant(merged) ? 'conformant' : 'not conformant'}`);
    return conformant(merged) ? 0 : 1;
  },
};
