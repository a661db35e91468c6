import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../reporters/collect-results.ts';
import { groupedSkipReasons } from '../../reporters/skip-reasons.ts';

const kase = (status: CaseResult['status'], message?: string): CaseResult => ({
  name: 'X-1 case',
  requirementId: 'X-1',
  status,
  warning: false,
  durationMs: 0,
  ...(message === undefined ? {} : { message }),
});

describe('groupedSkipReasons', () => {
  it('groups the skipped cases by reason, in order of first appearance, with counts', () => {
    const cases = [
      kase('skipped', 'no `revoked_in_grace` credential in the fixtures'),
      kase('passed'),
      kase('skipped', 'needs --destructive'),
      kase('skipped', 'no `revoked_in_grace` credential in the fixtures'),
      kase('failed', 'Expected 401, got 200'),
      kase('skipped', 'needs --destructive'),
      kase('skipped', 'needs --destructive'),
    ];
    expect(groupedSkipReasons(cases)).toBe('no `revoked_in_grace` credential in the fixtures (2), needs --destructive (3)');
  });

  it('is empty without skipped cases', () => {
    expect(groupedSkipReasons([kase('passed')])).toBe('');
  });
});
