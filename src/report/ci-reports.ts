/**
 * CI outputs of a run record, from the environment: with GITHUB_STEP_SUMMARY set, the Markdown
 * summary is appended to that file; with GITHUB_ACTIONS=true, one annotation per failed case is
 * written to stdout. Both pass the record mask like every report.
 */
import { appendFileSync } from 'node:fs';
import type { CliIO } from '../cli/command.ts';
import { renderAnnotations } from '../../reporters/github-annotations.ts';
import { renderStepSummary } from '../../reporters/github-summary.ts';
import { maskRecord, recordMask } from './mask.ts';
import type { RunRecord } from './record.ts';

export function emitCiReports(record: RunRecord, secrets: readonly string[], io: Pick<CliIO, 'env' | 'stdout'>): void {
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  const annotate = io.env.GITHUB_ACTIONS === 'true';
  if ((summaryFile === undefined || summaryFile === '') && !annotate) return;
  const masked = maskRecord(record, secrets);
  const mask = recordMask(masked, secrets);
  if (summaryFile !== undefined && summaryFile !== '') appendFileSync(summaryFile, mask(renderStepSummary(masked)));
  if (annotate) for (const line of renderAnnotations(masked)) io.stdout(mask(line));
}
