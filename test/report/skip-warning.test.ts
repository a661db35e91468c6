/** More than half of the cases skipped: one warning line naming the reason most skips share. */
import { describe, expect, it } from 'vitest';
import type { RecordCase, RunRecord } from '../../src/report/record.ts';
import { skipWarning } from '../../src/report/skip-warning.ts';

const kase = (verdict: RecordCase['verdict'], reason?: string): RecordCase =>
  ({ name: 'X', requirementId: 'X-1', level: 'MUST', kind: 'credential.accepted', statement: '', source: { doc: 'auth', title: 'Auth', section: 's' }, family: 'f', verdict, failsRun: true, findings: [], exchanges: [], durationMs: 0, ...(reason !== undefined ? { reason } : {}) }) as RecordCase;
const record = (cases: RecordCase[]): RunRecord => ({ specs: [{ name: 'acme', cases }] }) as unknown as RunRecord;
const SCOPED = 'no `scoped` credential in the fixtures';
const plain = (t: string): string => t;

describe('skipWarning', () => {
  it('half skipped or fewer: no warning', () => {
    expect(skipWarning(record([kase('pass'), kase('skip', SCOPED)]), plain)).toBeUndefined();
    expect(skipWarning(record([]), plain)).toBeUndefined();
  });

  it('more than half: the count and the most frequent reason (first met on a tie)', () => {
    const cases = [kase('skip', 'needs the mock\'s clock'), kase('skip', SCOPED), kase('skip', SCOPED), kase('fail', 'x'), kase('skip', 'needs the mock\'s clock')];
    expect(skipWarning(record(cases), plain)).toBe("warning: 4 of 5 cases skipped; main reason (2 cases): needs the mock's clock");
    expect(skipWarning(record([kase('skip', SCOPED), kase('skip', SCOPED), kase('pass')]), plain)).toBe(
      'warning: 2 of 3 cases skipped; main reason (2 cases): no `scoped` credential in the fixtures',
    );
  });

  it('the reason is masked, one line, control characters escaped', () => {
    const line = skipWarning(record([kase('skip', 'key sk_live_SECRET refused\u001b[2J\nsecond line')]), (t) => t.replace('sk_live_SECRET', 'sk_live_…'));
    expect(line).toBe('warning: 1 of 1 cases skipped; main reason (1 case): key sk_live_… refused\\x1b[2J');
  });
});
