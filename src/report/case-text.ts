/** Text of a record case shared by the projections: the failure with its evidence. */
import type { RecordCase } from './record.ts';

/** The one-line reason, then expected/actual, findings and the redacted exchanges. */
export function caseFailureText(c: RecordCase): string {
  const lines = [c.reason ?? 'failed'];
  if (c.expected !== undefined) lines.push(`expected: ${c.expected}`);
  if (c.actual !== undefined) lines.push(`actual:   ${c.actual}`);
  for (const finding of c.findings) lines.push(`finding:  ${finding}`);
  for (const exchange of c.exchanges) lines.push('', exchange);
  return lines.join('\n');
}

/** Why a failed SHOULD/MAY case does not fail the run. */
export function warningWhy(c: RecordCase): string {
  return c.level === 'MAY' ? 'MAY, informational' : 'SHOULD; fails the run only with --level should/all or --strict';
}
