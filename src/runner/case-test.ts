/**
 * The body of one generated test: run the case, record the verdict and its evidence on the task,
 * then tell vitest: skip, throw (a failure that fails the run), or pass (a warning or a pass).
 */
import type { TestContext } from 'vitest';
import type { Case, Outcome, ProbeContext } from '../probes/model.ts';
import { runCase } from '../probes/run-case.ts';
import { isTransportError } from '../transport/errors.ts';
import type { CaseMeta } from './meta.ts';
import { failureText } from './failure-text.ts';
import type { Redactor } from './redactor.ts';

/** A conformance failure as vitest sees it: the one-line reason, then expected/actual and evidence. */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
  constructor(message: string) {
    super(message);
    // the report carries the evidence; a stack into the runner would only be noise
    this.stack = message;
  }
}

export interface CaseTestInput {
  testCase: Case;
  /** a fresh probe context for this case (after the mock was reset) */
  makeContext(): Promise<ProbeContext>;
  /** a redactor for the run's secrets plus those a case learnt (login tokens, keys the mock created) */
  redactorFor(extraSecrets: string[]): Redactor;
}

export async function runCaseTest(input: CaseTestInput, ctx: TestContext): Promise<void> {
  const meta = ctx.task.meta.authconform as CaseMeta;
  if (input.testCase.skip !== undefined) {
    record(meta, { verdict: 'skip', message: input.testCase.skip, evidence: [] }, input.redactorFor([]));
    ctx.skip(meta.message);
    return;
  }
  const probe = await input.makeContext();
  let outcome: Outcome;
  try {
    outcome = await runCase(input.testCase, probe);
  } catch (err) {
    const redact = input.redactorFor(probe.secrets);
    if (isTransportError(err) && err.code === 'AC_BUDGET_EXHAUSTED') {
      outcome = { verdict: 'skip', message: `request budget exhausted: ${err.message}`, evidence: [] };
    } else {
      const message = redact(oneLine(err instanceof Error ? `${err.name}: ${err.message}` : String(err)));
      Object.assign(meta, { verdict: 'error', message, evidence: [], findings: [] } satisfies Partial<CaseMeta>);
      throw new ConformanceFailure(`${meta.requirementId}: the case could not run: ${message}`);
    }
  }
  // built after the case: it may have learnt secrets on the way (login tokens, new keys)
  record(meta, outcome, input.redactorFor(probe.secrets));
  if (outcome.verdict === 'skip') ctx.skip(meta.message);
  if (outcome.verdict === 'fail') {
    if (meta.failsRun) throw new ConformanceFailure(failureText(meta));
    meta.warning = true;
  }
}

function record(meta: CaseMeta, outcome: Outcome, redact: Redactor): void {
  meta.verdict = outcome.verdict;
  meta.message = redact(oneLine(outcome.message));
  if (outcome.expected !== undefined) meta.expected = redact(outcome.expected);
  if (outcome.actual !== undefined) meta.actual = redact(outcome.actual);
  meta.evidence = outcome.evidence.map(redact);
  meta.findings = (outcome.findings ?? []).map(redact);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
