/** The end-of-run table: spec | passed | failed | warnings | skipped | requests | time. */
import { casesOf, spanMs, tally, type SpecResult } from './collect-results.ts';

const HEAD = ['spec', 'passed', 'failed', 'warnings', 'skipped', 'requests', 'time'] as const;

export function summaryRows(specs: SpecResult[]): string[][] {
  return specs.map((spec) => {
    const cases = casesOf(spec);
    const t = tally(cases);
    return [
      spec.spec,
      String(t.passed),
      String(t.failed + t.errors),
      String(t.warnings),
      String(t.skipped),
      spec.meta?.requests === undefined ? '-' : String(spec.meta.requests),
      formatSeconds(spanMs(cases)),
    ];
  });
}

/** Text table: first column left-aligned, the others right-aligned. */
export function formatTable(rows: string[][]): string[] {
  const all = [[...HEAD], ...rows];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
