/**
 * The requests the challenge and status rows of the standards profile send, and how they read a
 * WWW-Authenticate field: no credential, an unknown token (in the operation's bearer scheme when it
 * has one), and the scoped credential on the operation it lacks the scope for.
 */
import type { Contract, CredentialScheme, Operation, Requirement, ScopeRequirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { parseChallenges, type Challenge } from '../../http-auth/challenges.ts';
import { canaryKey, missingRole } from '../credential.ts';
import { scopeSides } from '../families/scopes.ts';
import { placementFor } from '../login.ts';
import { isSkipCase } from '../skip-case.ts';
import type { ProbeContext } from '../model.ts';
import { sendBuilt, type Sent } from '../steps.ts';

/** The operation's first bearer scheme (OpenAPI http bearer), if any. */
export function bearerScheme(contract: Contract, op: Operation): CredentialScheme | undefined {
  return op.schemes.map((n) => contract.schemes.find((s) => s.name === n)).find((s) => s?.type === 'bearer');
}

/** The plan-time skip of a Bearer row on an operation no bearer scheme protects. */
export function bearerSkip(contract: Contract, r: Requirement): string | undefined {
  return bearerScheme(contract, r.operation) === undefined
    ? `${r.operation.operationId} accepts no bearer scheme (RFC 6750 judges bearer-protected operations only)`
    : undefined;
}

export interface ScopeTarget {
  requirement: ScopeRequirement;
  denied: { operation: Operation; request: NonNullable<Requirement['request']> };
  allowed?: { operation: Operation; request: NonNullable<Requirement['request']> };
}

/**
 * The first scope.denied requirement of the spec whose role the fixtures hold (travelling as a
 * bearer token when `bearer`), or why there is none.
 */
export function scopeTarget(contract: Contract, fixtures: Fixtures, bearer: boolean): ScopeTarget | { skip: string } {
  const denials = contract.requirements.filter((r): r is ScopeRequirement => r.kind === 'scope.denied' && r.origin === undefined);
  if (denials.length === 0) return { skip: 'the spec has no scope.denied requirement (no credential that is valid but lacks a permission)' };
  for (const r of denials) {
    if (missingRole(fixtures, r.role) !== undefined) continue;
    const scheme = contract.schemes.find((s) => s.name === (fixtures.credentials[r.role]?.scheme ?? contract.defaultScheme));
    if (bearer && scheme?.type !== 'bearer') continue;
    return { requirement: r, ...scopeSides(contract, fixtures, r) };
  }
  const roles = [...new Set(denials.map((r) => r.role))].join(', ');
  return { skip: bearer ? `no credential of the scope.denied roles (${roles}) travels as a bearer token` : (missingRole(fixtures, denials[0]!.role) ?? `no ${roles} credential`) };
}

export interface Exchange {
  what: 'no credential' | 'unknown token' | 'scope refusal';
  sent: Sent;
}

export async function sendWithout(ctx: ProbeContext, r: Requirement): Promise<Exchange> {
  return { what: 'no credential', sent: await sendBuilt(ctx, { operation: r.operation, request: r.request ?? {} }) };
}

/** An unknown token, in the operation's bearer scheme when it has one (else the default scheme). */
export async function sendUnknown(ctx: ProbeContext, r: Requirement): Promise<Exchange> {
  const scheme = bearerScheme(ctx.contract, r.operation)?.name ?? ctx.contract.defaultScheme;
  return { what: 'unknown token', sent: await sendBuilt(ctx, { operation: r.operation, credential: { value: canaryKey(ctx.contract), scheme }, request: r.request ?? {} }) };
}

/** The scope.denied role's credential on the operation it lacks the scope for. */
export async function sendDenied(ctx: ProbeContext, t: ScopeTarget): Promise<Exchange> {
  const credential = await placementFor(ctx, t.requirement.role);
  return { what: 'scope refusal', sent: await sendBuilt(ctx, { operation: t.denied.operation, credential, request: t.denied.request }) };
}

export type ChallengeRead = { kind: 'absent' } | { kind: 'unparseable'; error: string } | { kind: 'parsed'; challenges: Challenge[] };

/** The response's WWW-Authenticate field, parsed. */
export function readChallenges(s: Sent): ChallengeRead {
  const field = s.res.headers['www-authenticate'];
  if (field === undefined || field.trim() === '') return { kind: 'absent' };
  const parsed = parseChallenges([field]);
  return parsed.ok ? { kind: 'parsed', challenges: parsed.challenges } : { kind: 'unparseable', error: `${parsed.error} at offset ${parsed.offset}` };
}

/** sendDenied, or undefined where the target has no such request to send (no role, a write without --writes). */
export async function trySendDenied(ctx: ProbeContext, t: ScopeTarget | { skip: string }): Promise<Exchange | undefined> {
  if ('skip' in t) return undefined;
  try {
    return await sendDenied(ctx, t);
  } catch (e) {
    if (isSkipCase(e)) return undefined;
    throw e;
  }
}
