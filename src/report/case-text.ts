/** Text of a record case shared by the projections: the failure with its evidence. */
import { failureText } from '../runner/failure-text.ts';
import type { RecordCase } from './record.ts';

/** The one-line reason, then expected/actual, findings and the redacted exchanges. */
export function caseFailureText(c: RecordCase): string {
  const facts = { message: c.reason, expected: c.expected, actual: c.actual, findings: c.findings, evidence: c.exchanges };
  return failureText(facts);
}

/** Why a failed SHOULD/MAY case does not fail the run. */
export function warningWhy(c: RecordCase): string {
  return c.level === 'MAY' ? 'MAY, informational' : 'SHOULD; fails the run only with --level should/all or --strict';
}
