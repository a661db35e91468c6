/** The skip reasons of some cases, grouped: `no \`scoped\` credential in the fixtures (3), needs --destructive (5)`. */
import type { CaseResult } from './collect-results.ts';

export function groupedSkipReasons(cases: readonly CaseResult[]): string {
  const counts = new Map<string, number>();
  for (const c of cases) {
    if (c.status !== 'skipped') continue;
    const reason = c.message ?? 'no reason given';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, n]) => `${reason} (${n})`).join(', ');
}
