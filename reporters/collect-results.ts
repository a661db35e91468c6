/**
 * vitest's finished test tree → the run's results by spec, family and case, read from the metas
 * the generated suite attached (src/runner/meta.ts). Shared by the JUnit and console reporters
 * and by `authconform run` for its exit code.
 */
import type { TestCase, TestModule, TestRunEndReason, TestSuite } from 'vitest/node';
import type { Level } from '../src/spec/contract.ts';
import type { CaseMeta, SpecMeta } from '../src/runner/meta.ts';

export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface CaseResult {
  name: string;
  /** the first word of the test name when no meta says otherwise */
  requirementId: string;
  level?: Level;
  status: CaseStatus;
  /** a failed SHOULD/MAY case that does not fail the run */
  warning: boolean;
  /** failed/error: the one-line reason; skipped: the reason */
  message?: string;
  meta?: CaseMeta;
  /** ms */
  durationMs: number;
  /** ms since epoch, when it ran */
  startTime?: number;
}

export interface FamilyResult {
  family: string;
  cases: CaseResult[];
}

export interface SpecResult {
  spec: string;
  meta?: SpecMeta;
  families: FamilyResult[];
}

export interface RunResults {
  specs: SpecResult[];
  /** errors outside any case: a test file that failed to load, an afterAll that threw */
  collectionErrors: string[];
  interrupted: boolean;
}

export function collectResults(testModules: ReadonlyArray<TestModule>, reason?: TestRunEndReason): RunResults {
  const interrupted = reason === 'interrupted';
  const out: RunResults = { specs: [], collectionErrors: [], interrupted };
  for (const module of testModules) {
    for (const error of module.errors()) out.collectionErrors.push(firstLine(error.message ?? String(error)));
    for (const child of module.children) {
      if (child.type === 'suite') out.specs.push(specOf(child, interrupted, out.collectionErrors));
      else out.specs.push({ spec: module.relativeModuleId, families: [{ family: '-', cases: [caseOf(child, interrupted)] }] });
    }
  }
  return out;
}

function specOf(suite: TestSuite, interrupted: boolean, errors: string[]): SpecResult {
  const meta = suite.meta().authconformSpec;
  const spec: SpecResult = { spec: meta?.spec ?? suite.name, families: [] };
  if (meta !== undefined) spec.meta = meta;
  for (const error of suite.errors()) errors.push(`${spec.spec}: ${firstLine(error.message ?? String(error))}`);
  const loose: CaseResult[] = [];
  for (const child of suite.children) {
    if (child.type === 'test') loose.push(caseOf(child, interrupted));
    else {
      for (const error of child.errors()) errors.push(`${spec.spec} › ${child.name}: ${firstLine(error.message ?? String(error))}`);
      const family = child.meta().authconformFamily?.family ?? child.name;
      spec.families.push({ family, cases: [...child.children.allTests()].map((t) => caseOf(t, interrupted)) });
    }
  }
  if (loose.length > 0) spec.families.unshift({ family: '-', cases: loose });
  return spec;
}

/** One test's result (`interrupted`: the run was cancelled, so unrun tests say so). */
export function caseOf(test: TestCase, interrupted = false): CaseResult {
  const meta = test.meta().authconform;
  const result = test.result();
  const diagnostic = test.diagnostic();
  const out: CaseResult = {
    name: test.name,
    requirementId: meta?.requirementId ?? test.name.split(' ')[0] ?? test.name,
    status: 'skipped',
    warning: false,
    durationMs: diagnostic?.duration ?? 0,
  };
  if (meta !== undefined) {
    out.meta = meta;
    out.level = meta.level;
  }
  if (diagnostic !== undefined && result.state !== 'skipped') out.startTime = diagnostic.startTime;
  switch (result.state) {
    case 'passed':
      out.status = 'passed';
      out.warning = meta?.warning === true;
      if (out.warning && meta?.message !== undefined) out.message = meta.message;
      break;
    case 'failed':
      out.status = meta?.verdict === 'fail' ? 'failed' : 'error';
      out.message = meta?.verdict === 'fail' || meta?.verdict === 'error' ? meta.message : undefined;
      out.message ??= firstLine(result.errors[0]?.message ?? 'failed');
      break;
    case 'skipped': {
      // a case that skipped itself (ctx.skip with its reason) keeps the reason; in a cancelled run
      // every other skip is a case the run never reached or abandoned in flight (vitest's note
      // then is "The test run was aborted by the user.", even if the case recorded a verdict later)
      const ownSkip = meta?.verdict === 'skip' && result.note === meta.message;
      out.message = interrupted && !ownSkip ? 'interrupted' : (result.note ?? 'not run (filtered out)');
      break;
    }
    case 'pending':
      out.message = 'interrupted';
      break;
  }
  if (out.message === undefined) delete out.message;
  return out;
}

export interface Tally {
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
  skipped: number;
  total: number;
}

export function tally(cases: Iterable<CaseResult>): Tally {
  const t: Tally = { passed: 0, failed: 0, errors: 0, warnings: 0, skipped: 0, total: 0 };
  for (const c of cases) {
    t.total += 1;
    if (c.status === 'passed') t.passed += 1;
    else if (c.status === 'failed') t.failed += 1;
    else if (c.status === 'error') t.errors += 1;
    else t.skipped += 1;
    if (c.warning) t.warnings += 1;
  }
  return t;
}

export function casesOf(spec: SpecResult): CaseResult[] {
  return spec.families.flatMap((f) => f.cases);
}

/** Wall-clock span of a set of cases, ms (first start to last end). */
export function spanMs(cases: CaseResult[]): number {
  let start = Infinity;
  let end = 0;
  for (const c of cases) {
    if (c.startTime === undefined) continue;
    start = Math.min(start, c.startTime);
    end = Math.max(end, c.startTime + c.durationMs);
  }
  return end > start ? end - start : cases.reduce((sum, c) => sum + c.durationMs, 0);
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}
