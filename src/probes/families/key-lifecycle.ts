/**
 * key.grace, key.revoked, key.indistinguishable, key.no-expiry: revoked keys in and past their
 * grace window (fixtures, and on the mock the live rotation story through the control API),
 * revoked and unknown keys answered alike, and keys that do not expire.
 */
import type { Contract, ErrorSpec, NoExpiryRequirement, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, Outcome, ProbeContext, ProbeFamily } from '../model.ts';
import { canaryKey, missingRole, requireCredential } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { fail, pass } from '../outcome.ts';
import { SkipCase } from '../skip-case.ts';
import { SKIP } from '../skip-reasons.ts';
import {
  acceptanceFailure,
  errorsById,
  expectAccepted,
  expectRefused,
  refusalFailure,
  requireControl,
  sendBuilt } from '../steps.ts';
import { COVERAGE, requireAccepted, requireRefused } from '../preconditions.ts';
import { compareResponses } from '../response-diff.ts';
import { expectation } from '../messages.ts';

const ID = 'key-lifecycle';

function rotationErrors(contract: Contract, r: Requirement): ErrorSpec[] {
  if (r.errors.length > 0) return r.errors;
  if (contract.rotation === undefined) throw new SkipCase(SKIP.noContractSection('rotation'));
  return errorsById(contract, [contract.rotation.error]);
}

function graceMs(ctx: ProbeContext): number {
  if (ctx.contract.rotation === undefined) throw new SkipCase(SKIP.noContractSection('rotation'));
  return ctx.contract.rotation.graceMs;
}

/**
 * Create a key like `valid`, check both work (preconditions: credential.accepted covers them),
 * revoke `valid`, move the clock, and check the old key (accepted before the end of the window,
 * refused after it) and the new one. "Accepted" is the status alone (preconditions.ts, rule 2).
 */
async function rotationStory(ctx: ProbeContext, r: Requirement, phase: 'in-grace' | 'past-grace'): Promise<Outcome> {
  const control = requireControl(ctx);
  const grace = graceMs(ctx);
  const op = r.operation;
  const old = requireCredential(ctx.fixtures, 'valid');
  const value = await control.createKey({ like: old.value });
  ctx.secrets.push(value);
  const fresh = { ...old, value };
  const covered = COVERAGE.accepted('valid', op.operationId);
  const oldBefore = await sendBuilt(ctx, { operation: op, credential: old });
  requireAccepted(oldBefore, 'the valid key', covered, 'old key, before the rotation');
  const freshBefore = await sendBuilt(ctx, { operation: op, credential: fresh });
  requireAccepted(freshBefore, 'a new key like the valid one', covered, 'new key, before the rotation');
  await control.revokeKey(old.value);
  if (phase === 'in-grace') {
    await control.advance(grace - 1000);
    return expectAccepted(ctx, { operation: op, credential: old }, 'revoked key, 1 s before the end of the grace window');
  }
  if (grace > 0) await control.advance(grace + 1000);
  const note = grace > 0 ? 'revoked key, 1 s after the end of the grace window' : 'revoked key, right after revocation';
  const s = await sendBuilt(ctx, { operation: op, credential: old });
  const refused = refusalFailure(s, rotationErrors(ctx.contract, r), { note });
  if (refused) return fail(ctx, refused);
  const after = await sendBuilt(ctx, { operation: op, credential: fresh });
  const broken = acceptanceFailure(after, 'new key, after the old one was revoked');
  if (broken) return fail(ctx, broken);
  return pass(ctx, `${s.label} refused the revoked key with ${s.res.status}; the new key still works`);
}

/**
 * Why a real target's fixture-key case cannot run: the docs let the key owner choose the grace
 * window and the fixtures name none; or (`inGrace`) the chosen grace is zero, so no key is in it.
 */
function graceSkip(contract: Contract, fixtures: Fixtures, env: { mock: boolean }, inGrace: boolean): string | undefined {
  const choices = contract.rotation?.choices;
  if (env.mock || choices === undefined) return undefined;
  if (fixtures.rotation === undefined) return SKIP.graceChoice(choices);
  return inGrace && fixtures.rotation.graceMs === 0 ? SKIP.noGrace(fixtures.rotation.grace) : undefined;
}

function graceCases(contract: Contract, fixtures: Fixtures, r: Requirement, env: { mock: boolean }): Case[] {
  const { role } = r;
  const op = r.operation;
  const cases = [
    makeCase(
      ID,
      r,
      `${role} key is accepted`,
      async (ctx) => expectAccepted(ctx, { operation: op, credential: requireCredential(ctx.fixtures, role) }, `${role} key`),
      missingRole(fixtures, role) ?? graceSkip(contract, fixtures, env, true),
    ),
  ];
  if ((contract.rotation?.graceMs ?? 0) > 0) {
    cases.push(
      makeCase(
        ID,
        r,
        'revoked key is accepted 1 s before the end of the grace window',
        (ctx) => rotationStory(ctx, r, 'in-grace'),
        env.mock ? missingRole(fixtures, 'valid') : SKIP.mockOnly(),
      ),
    );
  }
  return cases;
}

function revokedCases(contract: Contract, fixtures: Fixtures, r: Requirement, env: { mock: boolean }): Case[] {
  const { role } = r;
  const op = r.operation;
  const grace = contract.rotation?.graceMs ?? 0;
  return [
    makeCase(
      ID,
      r,
      `${role} key is refused`,
      async (ctx) =>
        expectRefused(ctx, { operation: op, credential: requireCredential(ctx.fixtures, role) }, rotationErrors(ctx.contract, r), {
          note: `${role} key`,
        }),
      missingRole(fixtures, role) ?? graceSkip(contract, fixtures, env, false),
    ),
    makeCase(
      ID,
      r,
      grace > 0 ? 'revoked key is refused 1 s after the end of the grace window' : 'revoked key is refused right away',
      (ctx) => rotationStory(ctx, r, 'past-grace'),
      env.mock ? missingRole(fixtures, 'valid') : SKIP.mockOnly(),
    ),
  ];
}

function indistinguishableCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  const { role } = r;
  const op = r.operation;
  return makeCase(
    ID,
    r,
    `${role} and unknown keys get the same response`,
    async (ctx) => {
      const revoked = requireCredential(ctx.fixtures, role);
      const unknown = { ...revoked, value: canaryKey(ctx.contract, revoked.value) };
      const a = await sendBuilt(ctx, { operation: op, credential: unknown });
      const b = await sendBuilt(ctx, { operation: op, credential: revoked });
      // comparing two refusals: each must be one (credential.invalid / key.revoked say so)
      requireRefused(a, 'an unknown key', COVERAGE.unknownRefused(op.operationId), 'unknown key');
      requireRefused(b, `the ${role} key`, COVERAGE.revokedRefused(role, op.operationId), `${role} key`);
      const codes = r.errors.flatMap((e) => (e.code === undefined ? [] : [e.code]));
      const diffs = compareResponses(a.res, b.res, codes, ['unknown key', `${role} key`]);
      if (diffs.length > 0) {
        return fail(ctx, expectation('the same response for an unknown and a revoked key', diffs.join('; '), a.label));
      }
      return pass(ctx, `${a.label} answered the unknown and the ${role} key alike (${a.res.status})`);
    },
    missingRole(fixtures, role),
  );
}

function noExpiryCase(fixtures: Fixtures, r: NoExpiryRequirement, env: { mock: boolean }): Case {
  const { after } = r;
  const { role } = r;
  const op = r.operation;
  return makeCase(
    ID,
    r,
    `${role} key is still accepted after ${after}`,
    async (ctx) => {
      const control = requireControl(ctx);
      const credential = requireCredential(ctx.fixtures, role);
      const before = await sendBuilt(ctx, { operation: op, credential });
      requireAccepted(before, `the ${role} key`, COVERAGE.accepted(role, op.operationId), `${role} key, before the clock moves`);
      await control.advance(r.afterMs);
      return expectAccepted(ctx, { operation: op, credential }, `${role} key, ${after} later`);
    },
    env.mock ? missingRole(fixtures, role) : SKIP.mockOnly(),
  );
}

export const keyLifecycle: ProbeFamily = {
  id: ID,
  title: 'Key revocation, rotation and expiry',
  plans: {
    'key.grace': graceCases,
    'key.revoked': revokedCases,
    'key.no-expiry': (_contract, fixtures, r, env) => [noExpiryCase(fixtures, r, env)],
    'key.indistinguishable': (contract, fixtures, r) => [indistinguishableCase(contract, fixtures, r)],
  },
};
