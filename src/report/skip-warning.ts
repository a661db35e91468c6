/**
 * A run in which most cases were skipped proves little: one warning line says so and names the
 * reason most of them share (e.g. a role missing from the fixtures), so the reader fixes that first.
 */
import type { RunRecord } from './record.ts';
import type { Mask } from './mask.ts';
import { allCases } from './tally.ts';
import { escapeControl } from '../util/terminal-text.ts';

/** `warning: 14 of 20 cases skipped; main reason (9 cases): no \`scoped\` credential in the fixtures`, or undefined when at most half skipped. */
export function skipWarning(record: RunRecord, mask: Mask): string | undefined {
  const cases = allCases(record);
  const skipped = cases.filter((c) => c.verdict === 'skip');
  if (skipped.length * 2 <= cases.length) return undefined;
  const counts = new Map<string, number>();
  for (const c of skipped) {
    const reason = c.reason ?? 'no reason given';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  // the most frequent; on a tie, the first met (plan order)
  let main = '';
  let most = 0;
  for (const [reason, n] of counts) {
    if (n > most) [main, most] = [reason, n];
  }
  const line = escapeControl(mask(main).split('\n')[0] ?? '');
  return `warning: ${skipped.length} of ${cases.length} cases skipped; main reason (${most} ${most === 1 ? 'case' : 'cases'}): ${line}`;
}
