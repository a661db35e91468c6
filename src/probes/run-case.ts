/**
 * Runs one case and never throws: a planned skip, a SkipCase or CaseFailure from inside the case,
 * a PreconditionFailed (a skip naming the requirement that covers the behaviour, else a fail; see
 * preconditions.ts), a TransportError (fail with its one-line message and the request), or any
 * other error ("probe error: ..."). SHOULD/MAY levels are the runner's business; this returns pass/fail/skip.
 */
import { isTransportError } from '../transport/errors.ts';
import type { Case, Outcome, ProbeContext } from './model.ts';
import { CaseFailure } from './case-failure.ts';
import { fail, skip } from './outcome.ts';
import { isPreconditionFailed, judgePrecondition } from './preconditions.ts';
import { requestLabel } from './request-label.ts';
import { isSkipCase } from './skip-case.ts';
import { SKIP } from './skip-reasons.ts';
import { strayRateLimitProblems } from './rate-limits/stray.ts';

/** The family whose 429s are its own business. */
export const RATE_LIMIT_FAMILY = 'rate-limits';

export async function runCase(c: Case, ctx: ProbeContext): Promise<Outcome> {
  if (c.skip !== undefined) return skip(ctx, c.skip);
  let outcome: Outcome;
  try {
    outcome = await c.run(ctx);
  } catch (err) {
    outcome = outcomeOfError(ctx, c, err);
  }
  return c.family === RATE_LIMIT_FAMILY ? outcome : withStrayRateLimits(ctx, outcome);
}

function outcomeOfError(ctx: ProbeContext, c: Case, err: unknown): Outcome {
  if (isSkipCase(err)) return skip(ctx, err.reason);
  if (isPreconditionFailed(err)) {
    const judged = judgePrecondition(ctx.contract, c.requirement, err);
    return judged.verdict === 'skip' ? skip(ctx, judged.reason) : fail(ctx, judged.failure);
  }
  if (err instanceof CaseFailure) return fail(ctx, err.failure);
  if (isTransportError(err)) {
    if (err.code === 'AC_BUDGET_EXHAUSTED') return skip(ctx, SKIP.budget(err.message));
    const ex = ctx.exchanges.find((e) => e.error === err);
    return fail(ctx, ex === undefined ? err.message : `${err.message} for ${requestLabel(ex.request)}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return fail(ctx, `probe error: ${message.split('\n')[0] ?? ''}`);
}

function withStrayRateLimits(ctx: ProbeContext, outcome: Outcome): Outcome {
  const problems = strayRateLimitProblems(ctx);
  if (problems.length === 0) return outcome;
  const out: Outcome = { ...outcome, findings: [...(outcome.findings ?? []), ...problems] };
  if (outcome.verdict !== 'fail') {
    out.verdict = 'fail';
    out.message = problems[0] ?? outcome.message;
  }
  return out;
}
