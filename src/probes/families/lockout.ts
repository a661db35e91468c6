/**
 * credential.lockout, run last of all (a lockout blocks every credential for a while):
 * - after N−1 refused credentials within the window the valid key is still accepted, and after the
 *   N-th it gets the lockout error (or, where the docs say the valid key is unaffected, it is
 *   accepted and another refused credential gets the lockout error);
 * - once the lockout has lasted its documented time, the valid key is accepted again (the mock's
 *   clock moves; a real target is waited for, bounded by --max-wait).
 * N, the window and the duration come from the fixtures (fixtures.lockout; the mock's from
 * mock.lockout), or the spec where the docs give them; without them the cases skip saying so.
 * Earlier refusals of the run are waited out first (the pacer), so the count starts at zero, and so
 * is a rate limit earlier cases spent on the operation (rate-limits/wait-out.ts).
 */
import { INVALID_ATTEMPT_WINDOW } from '../refusal-pacer.ts';
import type { Contract, LockoutNumbers, Requirement } from '../../spec/contract.ts';
import type { Credential, Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, Outcome, ProbeContext, ProbeFamily } from '../model.ts';
import { canaryKey, missingRole, requireCredential } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, PreconditionFailed, requireAccepted, requireRefused } from '../preconditions.ts';
import { SkipCase } from '../skip-case.ts';
import { acceptanceFailure, refusalFailure, sendBuilt, type Sent } from '../steps.ts';
import { durationMs } from '../../spec/duration.ts';
import { sendPastRateLimit } from '../rate-limits/wait-out.ts';

const ID = 'lockout';

/** The lockout numbers of the target: its fixtures', else the spec's when the docs give all three. */
function numbersOf(ctx: ProbeContext): LockoutNumbers {
  const fromFixtures = ctx.fixtures.lockout;
  if (fromFixtures !== undefined) return fromFixtures;
  const spec = ctx.contract.lockout;
  const withinMs = durationMs(spec?.within ?? '');
  const lastsMs = durationMs(spec?.lasts ?? '');
  if (spec?.after !== undefined && withinMs !== undefined && lastsMs !== undefined) return { after: spec.after, withinMs, lastsMs };
  throw new SkipCase('the docs give no lockout numbers; set lockout {after, within, lasts} in the fixtures');
}

/** Starts a count from zero: earlier refusals of the run are waited out, then pacing stops (this case trips the lockout on purpose). */
async function startCount(ctx: ProbeContext): Promise<void> {
  const pacer = ctx.pacer;
  if (pacer === undefined) return;
  await pacer.settle({ now: () => Date.now(), sleep: (ms) => ctx.sleep(ms, INVALID_ATTEMPT_WINDOW), maxWaitMs: ctx.options.maxWaitMs });
  pacer.tripping = true;
}

function sendValid(ctx: ProbeContext, r: Requirement, valid: Credential): Promise<Sent> {
  return sendBuilt(ctx, { operation: r.operation, request: r.request ?? {}, credential: valid });
}

/** The valid key's first request, past any rate limit earlier cases spent on the operation. */
function sendBaseline(ctx: ProbeContext, r: Requirement, valid: Credential): Promise<Sent> {
  return sendPastRateLimit(ctx, () => sendValid(ctx, r, valid));
}

/** `n` refused credentials: unknown keys with the valid key's prefix (each must be refused: credential.invalid states it). */
async function refuse(ctx: ProbeContext, r: Requirement, valid: Credential, n: number): Promise<Sent | undefined> {
  let last: Sent | undefined;
  for (let i = 0; i < n; i++) {
    last = await sendBuilt(ctx, { operation: r.operation, request: r.request ?? {}, credential: { ...valid, value: canaryKey(ctx.contract, valid.value) } });
    requireRefused(last, 'an unknown key', COVERAGE.unknownRefused(r.operation.operationId), `refused credential ${i + 1}`);
  }
  return last;
}

/**
 * Trips the lockout for a case of another requirement (error.message on the lockout error): the
 * valid key accepted, `after` refused credentials, then the valid key's answer.
 */
export async function trippedLockout(ctx: ProbeContext, r: Requirement): Promise<Sent> {
  const n = numbersOf(ctx);
  const valid = requireCredential(ctx.fixtures, 'valid');
  await startCount(ctx);
  const first = await sendBaseline(ctx, r, valid);
  // on a real target an earlier case may have left the lockout on: that is the answer to read
  if (ctx.control === undefined && !r.operation.acceptStatuses.includes(first.res.status)) return first;
  requireAccepted(first, 'the valid key', COVERAGE.accepted('valid', r.operation.operationId), 'before any refused credential');
  await refuse(ctx, r, valid, n.after);
  return sendValid(ctx, r, valid);
}

async function thresholdCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const n = numbersOf(ctx);
  const valid = requireCredential(ctx.fixtures, 'valid');
  await startCount(ctx);
  requireAccepted(await sendBaseline(ctx, r, valid), 'the valid key', COVERAGE.accepted('valid', r.operation.operationId), 'before any refused credential');
  await refuse(ctx, r, valid, n.after - 1);
  const before = await sendValid(ctx, r, valid);
  const early = acceptanceFailure(before, `after ${n.after - 1} refused credentials (the lockout comes after ${n.after})`);
  if (early) return fail(ctx, early);
  const tripped = await refuse(ctx, r, valid, 1);
  const lockout = ctx.contract.lockout;
  if (lockout?.affectsValid === false) {
    const still = acceptanceFailure(await sendValid(ctx, r, valid), `after ${n.after} refused credentials (the docs say the valid key is not locked out)`);
    if (still) return fail(ctx, still);
    const next = (await refuse(ctx, r, valid, 1))!;
    const f = refusalFailure(next, r.errors, { note: `refused credential ${n.after + 1}: locked out` });
    if (f) return fail(ctx, f);
    return pass(ctx, `${next.label} answered the lockout error ${next.res.status} after ${n.after} refused credentials; the valid key still accepted`);
  }
  const locked = await sendValid(ctx, r, valid);
  const f = refusalFailure(locked, r.errors, { note: `valid key after ${n.after} refused credentials${tripped === undefined ? '' : ` (last one: ${tripped.res.status})`}` });
  if (f) return fail(ctx, f);
  return pass(ctx, `${locked.label} locked the valid key out with ${locked.res.status} after ${n.after} refused credentials; accepted after ${n.after - 1}`);
}

async function recoveryCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const n = numbersOf(ctx);
  const valid = requireCredential(ctx.fixtures, 'valid');
  const waitMs = n.lastsMs + 1000;
  if (ctx.control === undefined && waitMs > ctx.options.maxWaitMs) {
    throw new SkipCase(`the lockout lasts ${Math.ceil(n.lastsMs / 1000)} s, beyond the wait bound (--max-wait: ${Math.round(ctx.options.maxWaitMs / 1000)} s)`);
  }
  await startCount(ctx);
  requireAccepted(await sendBaseline(ctx, r, valid), 'the valid key', COVERAGE.accepted('valid', r.operation.operationId), 'before any refused credential');
  await refuse(ctx, r, valid, n.after);
  const locked = await sendValid(ctx, r, valid);
  const f = refusalFailure(locked, r.errors, { note: `valid key after ${n.after} refused credentials` });
  if (f) {
    // the lockout itself is the first case's statement: this case only needs it to happen
    throw new PreconditionFailed(`the valid key was not locked out (${locked.res.status}) on ${locked.label}`, { kinds: ['credential.lockout'], operation: r.operation.operationId }, f);
  }
  if (ctx.control !== undefined) await ctx.control.advance(waitMs);
  else await ctx.sleep(waitMs, 'the lockout to end');
  const again = await sendValid(ctx, r, valid);
  const still = acceptanceFailure(again, `${Math.ceil(waitMs / 1000)} s after the lockout began (it lasts ${Math.ceil(n.lastsMs / 1000)} s)`);
  if (still) return fail(ctx, still);
  return pass(ctx, `${again.label} accepted the valid key again with ${again.res.status} after the lockout (${Math.ceil(n.lastsMs / 1000)} s)`);
}

function plan(_contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const skip = missingRole(fixtures, 'valid');
  return [
    makeCase(ID, r, 'locks out after the documented number of refused credentials, not before', (ctx) => thresholdCase(ctx, r), skip),
    makeCase(ID, r, 'the valid key is accepted again once the lockout has lasted its time', (ctx) => recoveryCase(ctx, r), skip),
  ];
}

export const lockout: ProbeFamily = {
  id: ID,
  title: 'Lockout after repeated refused credentials',
  plans: { 'credential.lockout': plan },
};

