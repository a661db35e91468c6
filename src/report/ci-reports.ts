/**
 * CI outputs of a run record, from the environment: with GITHUB_STEP_SUMMARY set, the Markdown
 * summary is appended to that file; with GITHUB_ACTIONS=true, one annotation per failed case is
 * written to stdout. Both are rendered (and masked) with every other report.
 */
import { appendFileSync } from 'node:fs';
import type { CliIO } from '../cli/command.ts';
import type { RunRecord } from './record.ts';
import { renderReports } from './write-reports.ts';

export function emitCiReports(record: RunRecord, secrets: readonly string[], io: Pick<CliIO, 'env' | 'stdout'>): void {
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  const annotate = io.env.GITHUB_ACTIONS === 'true';
  if ((summaryFile === undefined || summaryFile === '') && !annotate) return;
  const rendered = renderReports(record, secrets);
  if (summaryFile !== undefined && summaryFile !== '') appendFileSync(summaryFile, rendered.summary);
  if (annotate) for (const line of rendered.annotations) io.stdout(line);
}
