/** Counts of a set of record cases, as every projection reports them. */
import type { Level } from '../spec/contract.ts';
import type { RecordCase, RecordSpec, RunRecord } from './record.ts';

export interface RecordTally {
  total: number;
  passed: number;
  /** failures that fail the run */
  failed: number;
  /** failures that do not fail the run (SHOULD/MAY) */
  warnings: number;
  errors: number;
  skipped: number;
}

export function tallyCases(cases: Iterable<RecordCase>): RecordTally {
  const t: RecordTally = { total: 0, passed: 0, failed: 0, warnings: 0, errors: 0, skipped: 0 };
  for (const c of cases) {
    t.total += 1;
    if (c.verdict === 'pass') t.passed += 1;
    else if (c.verdict === 'skip') t.skipped += 1;
    else if (c.verdict === 'error') t.errors += 1;
    else if (c.failsRun) t.failed += 1;
    else t.warnings += 1;
  }
  return t;
}

export function allCases(record: RunRecord): RecordCase[] {
  return record.specs.flatMap((s) => s.cases);
}

export function isWarning(c: RecordCase): boolean {
  return c.verdict === 'fail' && !c.failsRun;
}

/** Whether the record is a conformant run: no case fails the run, no error. */
export function conformant(record: RunRecord): boolean {
  return !record.interrupted && record.errors.length === 0 && allCases(record).every((c) => !(c.verdict === 'error' || (c.verdict === 'fail' && c.failsRun)));
}

/** Verdict of one spec: `conformant` unless a case fails the run or errs. */
export function specVerdict(spec: RecordSpec): 'conformant' | 'not conformant' {
  return spec.cases.some((c) => c.verdict === 'error' || (c.verdict === 'fail' && c.failsRun)) ? 'not conformant' : 'conformant';
}

export interface LevelTally {
  level: Level;
  passed: number;
  /** fail or error, whether or not it fails the run */
  failed: number;
  skipped: number;
  total: number;
}

/** Per level: how many of its cases passed, failed, skipped. */
export function tallyByLevel(cases: RecordCase[]): LevelTally[] {
  return (['MUST', 'SHOULD', 'MAY'] as const).map((level) => {
    const of = cases.filter((c) => c.level === level);
    return {
      level,
      passed: of.filter((c) => c.verdict === 'pass').length,
      failed: of.filter((c) => c.verdict === 'fail' || c.verdict === 'error').length,
      skipped: of.filter((c) => c.verdict === 'skip').length,
      total: of.length,
    };
  });
}
