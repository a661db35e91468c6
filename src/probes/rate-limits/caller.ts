/**
 * Who a rate-limit case sends as, and the limits that caller is held to: the valid credential and
 * its plan (figures.ts `limitsOf`), or — for a requirement with `as: anonymous` — no credential at
 * all on a public operation and the plan of requests without credentials (`rateLimit.anonymous`).
 */
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Credential } from '../../fixtures/fixtures.ts';
import type { Contract, Requirement, Role } from '../../spec/contract.ts';
import { missingRole, requireCredential } from '../credential.ts';
import type { ProbeContext } from '../model.ts';
import { describeActual, expectation } from '../messages.ts';
import { describeAccepted } from '../expect-accepted.ts';
import { PreconditionFailed, publicCoverage } from '../preconditions.ts';
import { SkipCase } from '../skip-case.ts';
import type { Sent } from '../steps.ts';
import { SKIP } from '../skip-reasons.ts';
import { requireAcceptedAs } from '../valid-accepted.ts';
import { limitsOf, type Limits, type NamesLimit } from './figures.ts';

/** Whether the requirement probes the plan of requests without credentials. */
export function isAnonymous(r: Pick<Requirement, 'as'>): boolean {
  return r.as === 'anonymous';
}

/** The credential a rate-limit case sends: the valid one (or `role`'s), or none (`as: anonymous`). */
export function callerOf(ctx: Pick<ProbeContext, 'fixtures'>, r: Pick<Requirement, 'as'>, role: Role = 'valid'): Credential | undefined {
  return isAnonymous(r) ? undefined : requireCredential(ctx.fixtures, role);
}

/** The plan-time skip reason: the valid credential is missing (never for an anonymous case). */
export function callerMissing(fixtures: Fixtures, r: Pick<Requirement, 'as'>, role: Role = 'valid'): string | undefined {
  return isAnonymous(r) ? undefined : missingRole(fixtures, role);
}

/** "the valid key", "no credential" */
export function callerWhat(credential: Credential | undefined): string {
  return credential === undefined ? 'no credential' : `${credential.role} key`;
}

/** What selects a caller's limits: `as: anonymous`, and the limit named (`limit`). */
export type LimitTarget = Pick<Requirement, 'as'> & NamesLimit;

/** The limits the caller is held to: the anonymous plan's (or its limit named), or the valid key's (limitsOf). */
export function limitsFor(contract: Contract, fixtures: Fixtures, r: LimitTarget): Limits {
  if (!isAnonymous(r)) return limitsOf(contract, fixtures, r);
  const plan = contract.rateLimit?.anonymous;
  if (plan === undefined) return { why: SKIP.noContractSection('rateLimit.anonymous') };
  if (r.limit !== undefined) {
    const named = plan.windows.find((w) => w.id === r.limit);
    return named === undefined ? { why: `no limit ${r.limit} in the anonymous plan` } : { plan, short: named };
  }
  const short = plan.windows.find((w) => w.headers);
  const longest = plan.windows.at(-1);
  return { plan, ...(short === undefined ? {} : { short }), ...(longest !== undefined && longest !== short ? { long: longest } : {}) };
}

/** The limit the headers report for this caller (the one exhaustion spends), or skip the case. */
export function requireShortFor(contract: Contract, fixtures: Fixtures, r: LimitTarget): NonNullable<Limits['short']> {
  const l = limitsFor(contract, fixtures, r);
  if (l.short === undefined) throw new SkipCase(l.why ?? SKIP.noLimit());
  return l.short;
}

/**
 * The first request of a sequence sets the stage: the valid key accepted (credential.accepted
 * covers it), or the public operation served without a credential.
 */
export function requireCallerAccepted(s: Sent, credential: Credential | undefined, note: string): void {
  if (credential !== undefined) {
    requireAcceptedAs(s, credential.role, note);
    return;
  }
  if (s.op.acceptStatuses.includes(s.res.status)) return;
  throw new PreconditionFailed(
    `the public operation was refused without a credential (${s.res.status}) on ${s.label}`,
    publicCoverage(s.op.operationId),
    expectation(describeAccepted(s.op), describeActual(s.res), s.label, note),
  );
}
