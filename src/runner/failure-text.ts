/** The text of a failure, shared by the thrown error and the reports. */
/** What a failure text is made of (a case's meta, or a run record case mapped onto it). */
export interface FailureFacts {
  message?: string | undefined;
  expected?: string | undefined;
  actual?: string | undefined;
  findings: string[];
  evidence: string[];
}

/** The one-line message, then expected/actual, findings and the redacted exchanges. */
export function failureText(meta: FailureFacts): string {
  const lines = [meta.message ?? 'failed'];
  if (meta.expected !== undefined) lines.push(`expected: ${meta.expected}`);
  if (meta.actual !== undefined) lines.push(`actual:   ${meta.actual}`);
  for (const finding of meta.findings) lines.push(`finding:  ${finding}`);
  for (const exchange of meta.evidence) lines.push('', exchange);
  return lines.join('\n');
}
