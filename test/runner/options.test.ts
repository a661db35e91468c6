import { describe, expect, it } from 'vitest';
import { describeLevel, levelFailsRun, levelSelected, resolveSuiteOptions, SUITE_DEFAULTS } from '../../src/runner/options.ts';
import { selectCases, type PlannedFamily } from '../../src/runner/select-cases.ts';
import type { Level } from '../../src/spec/contract.ts';

describe('suite options', () => {
  it('applies the defaults once; undefined does not override them', () => {
    expect(resolveSuiteOptions({ concurrency: undefined, maxRequests: 50 })).toEqual({ ...SUITE_DEFAULTS, maxRequests: 50 });
    expect(SUITE_DEFAULTS).toEqual({
      level: undefined,
      strict: false,
      concurrency: 4,
      maxRequests: undefined,
      timeoutMs: 10_000,
      maxWaitMs: 65_000,
      writes: false,
      spendQuota: false,
      destructive: false,
      only: [],
      allowInsecure: false,
      allowLive: false,
    });
  });

  it('--destructive is an alias for --writes and --spend-quota; each of those alone sets only itself', () => {
    const pick = (o: ReturnType<typeof resolveSuiteOptions>) => ({ writes: o.writes, spendQuota: o.spendQuota });
    expect(pick(resolveSuiteOptions({ destructive: true }))).toEqual({ writes: true, spendQuota: true });
    expect(pick(resolveSuiteOptions({ writes: true }))).toEqual({ writes: true, spendQuota: false });
    expect(pick(resolveSuiteOptions({ spendQuota: true }))).toEqual({ writes: false, spendQuota: true });
  });

  // [level option, strict] → which levels run, which failures fail the run, how reports name it
  it.each([
    [undefined, false, 'MUST SHOULD MAY', 'MUST', 'default'],
    [undefined, true, 'MUST SHOULD MAY', 'MUST SHOULD', 'default+strict'],
    ['must', false, 'MUST', 'MUST', 'must'],
    ['should', false, 'MUST SHOULD', 'MUST SHOULD', 'should'],
    ['all', false, 'MUST SHOULD MAY', 'MUST SHOULD', 'all'],
  ] as const)('level %s, strict %s: runs %s; fails on %s', (level, strict, runs, fails, name) => {
    const levels: Level[] = ['MUST', 'SHOULD', 'MAY'];
    const options = { level, strict };
    expect(levels.filter((l) => levelSelected(l, options)).join(' ')).toBe(runs);
    expect(levels.filter((l) => levelFailsRun(l, options)).join(' ')).toBe(fails);
    expect(describeLevel(options)).toBe(name);
  });

  it('selects cases by requirement id or family id (any case), and drops emptied families', () => {
    const kase = (id: string, family: string, level: Level = 'MUST') => ({ name: `${id} t`, requirement: { id }, level, family }) as never;
    const planned = [
      { family: { id: 'missing-credentials' }, cases: [kase('A-1', 'missing-credentials'), kase('A-2', 'missing-credentials', 'SHOULD')] },
      { family: { id: 'scopes' }, cases: [kase('S-1', 'scopes', 'MAY')] },
    ] as unknown as PlannedFamily[];
    const names = (p: PlannedFamily[]) => p.map((f) => `${f.family.id}: ${f.cases.map((c) => c.requirement.id).join(',')}`);
    expect(names(selectCases(planned, { only: ['a-2', 'SCOPES'], level: undefined }))).toEqual(['missing-credentials: A-2', 'scopes: S-1']);
    expect(names(selectCases(planned, { only: [], level: 'should' }))).toEqual(['missing-credentials: A-1,A-2']);
    expect(names(selectCases(planned, { only: ['S-1'], level: 'must' }))).toEqual([]);
  });
});
