/**
 * Run record → the Markdown appended to a GitHub job summary ($GITHUB_STEP_SUMMARY): tallies per
 * spec, then the failed requirements with their reasons. Cell text is escaped so a reason cannot
 * break the table or inject markup.
 */
import type { RunRecord } from '../src/report/record.ts';
import { conformant, specVerdict, tallyCases } from '../src/report/tally.ts';

export function renderStepSummary(record: RunRecord): string {
  const lines = [
    `## authconform ${record.tool.version}: ${conformant(record) ? 'conformant' : 'not conformant'}`,
    '',
    '| spec | verdict | passed | failed | warnings | errors | skipped | requests |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const spec of record.specs) {
    const t = tallyCases(spec.cases);
    lines.push(`| ${cell(spec.name)} | ${specVerdict(spec)} | ${t.passed} | ${t.failed} | ${t.warnings} | ${t.errors} | ${t.skipped} | ${spec.requests} |`);
  }
  const failed = record.specs.flatMap((spec) => spec.cases.filter((c) => c.verdict === 'fail' || c.verdict === 'error').map((c) => ({ spec, c })));
  if (failed.length > 0) {
    lines.push('', '### Failed requirements', '', '| spec | requirement | level | case | reason |', '| --- | --- | --- | --- | --- |');
    for (const { spec, c } of failed) {
      const level = c.verdict === 'error' ? 'error' : c.failsRun ? c.level : `${c.level} (warning)`;
      lines.push(`| ${cell(spec.name)} | ${cell(c.requirementId)} | ${level} | ${cell(c.name)} | ${cell(c.reason ?? '')} |`);
    }
  }
  if (record.options.shard !== null) lines.push('', `Shard ${record.options.shard.index}/${record.options.shard.count}.`);
  return `${lines.join('\n')}\n`;
}

/** Table cell text: one line, `|` and HTML-significant characters escaped. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}
