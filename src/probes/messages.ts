/**
 * The one-line failure messages: "Expected <expected>, got <actual> for <METHOD path> (<note>)".
 */
import type { ProbeResponse } from '../transport/types.ts';
import type { Failure } from './case-failure.ts';

const MAX_DETAILS = 3;

/** "401" or "401 (body has no value missing_key)"; with a wrong status, the status alone says it. */
export function describeActual(res: Pick<ProbeResponse, 'status'>, mismatches: string[] = []): string {
  if (mismatches.some((m) => m.startsWith('status '))) return String(res.status);
  const details = mismatches;
  if (details.length === 0) return String(res.status);
  const shown = details.slice(0, MAX_DETAILS).join('; ');
  const more = details.length > MAX_DETAILS ? `; and ${details.length - MAX_DETAILS} more` : '';
  return `${res.status} (${shown}${more})`;
}

export function expectation(expected: string, actual: string, label: string, note?: string): Failure {
  return {
    message: `Expected ${expected}, got ${actual} for ${label}${note ? ` (${note})` : ''}`,
    expected,
    actual,
  };
}
