/**
 * Run record → GitHub Actions workflow commands: one `::error` per case that fails the run (or
 * could not run), one `::warning` per failure that does not (SHOULD/MAY). Escaped as the Actions
 * toolkit does (@actions/core command.ts): data `%`→%25, CR→%0D, LF→%0A; property values also
 * `:`→%3A and `,`→%2C.
 */
import type { RecordCase, RunRecord } from '../src/report/record.ts';

export function renderAnnotations(record: RunRecord): string[] {
  const lines: string[] = [];
  for (const spec of record.specs) {
    for (const c of spec.cases) {
      const level = annotationLevel(c);
      if (level === undefined) continue;
      const title = `${spec.name} ${c.requirementId} (${c.verdict === 'error' ? 'error' : c.level})`;
      lines.push(`::${level} title=${escapeProperty(title)}::${escapeData(`${c.name}: ${c.reason ?? c.verdict}`)}`);
    }
  }
  for (const error of record.errors) lines.push(`::error title=authconform::${escapeData(error)}`);
  return lines;
}

function annotationLevel(c: RecordCase): 'error' | 'warning' | undefined {
  if (c.verdict === 'error' || (c.verdict === 'fail' && c.failsRun)) return 'error';
  if (c.verdict === 'fail') return 'warning';
  return undefined;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
