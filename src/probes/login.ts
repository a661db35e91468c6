/**
 * Logging in with the fixtures' `login` credential (email + password) and using the issued token,
 * for the cases that need a token: login-tokens, credential.formats, org.membership.
 */
import type { LoginSpec, Role } from '../spec/contract.ts';
import type { ProbeContext } from './model.ts';
import { requireCredential } from './credential.ts';
import { getAtPointer } from '../spec/json-pointer.ts';
import { expectation, describeActual } from './messages.ts';
import { operationById, type CredentialPlacement } from './request-builder.ts';
import { SkipCase } from './skip-case.ts';
import { SKIP } from './skip-reasons.ts';
import { COVERAGE, PreconditionFailed, requireAccepted } from './preconditions.ts';
import { sendBuilt, type Sent } from './steps.ts';

export function loginSpec(ctx: Pick<ProbeContext, 'contract'>): LoginSpec {
  const spec = ctx.contract.login;
  if (spec === undefined) throw new SkipCase(SKIP.noContractSection('login'));
  return spec;
}

/** Sends the login request; `password` overrides the fixture's (a wrong one for login.reject), `email` the account's. */
export async function sendLogin(ctx: ProbeContext, password?: string, email?: string): Promise<Sent> {
  const spec = loginSpec(ctx);
  const cred = requireCredential(ctx.fixtures, 'login');
  const op = operationById(ctx.contract, spec.operationId);
  const body = { ...(isObject(op.example.body) ? op.example.body : {}), email: email ?? cred.email, password: password ?? cred.password };
  return sendBuilt(ctx, { operation: op, request: { body }, secrets: [password ?? ''] });
}

export interface IssuedToken {
  token: string;
  /** expires_at in ms since epoch, when it parses */
  expiresAtMs?: number;
  sent: Sent;
}

/**
 * Logs in and returns the token. A precondition of the cases that use a token (login.issue covers
 * it): the login must be accepted (status only) and yield a token.
 */
export async function loginToken(ctx: ProbeContext): Promise<IssuedToken> {
  const spec = loginSpec(ctx);
  const sent = await sendLogin(ctx);
  requireAccepted(sent, 'the login with the fixture credentials', COVERAGE.loginIssued(), 'login with the fixture credentials');
  const token = getAtPointer(sent.res.json, spec.tokenPointer);
  if (typeof token !== 'string' || token === '') {
    throw new PreconditionFailed(
      `the login issued no token at ${spec.tokenPointer} (${sent.label})`,
      COVERAGE.loginIssued(),
      expectation(`a token at ${spec.tokenPointer}`, describeActual(sent.res, ['no token']), sent.label, 'login'),
    );
  }
  ctx.secrets.push(token);
  const out: IssuedToken = { token, sent };
  const expires = getAtPointer(sent.res.json, spec.expiresPointer);
  const ms = typeof expires === 'string' ? Date.parse(expires) : NaN;
  if (Number.isFinite(ms)) out.expiresAtMs = ms;
  return out;
}

/** How an issued token travels. */
export function tokenPlacement(ctx: Pick<ProbeContext, 'contract'>, token: string): CredentialPlacement {
  return { value: token, scheme: loginSpec(ctx).tokenScheme };
}

/** The credential of a role as it travels; for `login`, a fresh token. */
export async function placementFor(ctx: ProbeContext, role: Role): Promise<CredentialPlacement> {
  if (role === 'login') return tokenPlacement(ctx, (await loginToken(ctx)).token);
  return requireCredential(ctx.fixtures, role);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
