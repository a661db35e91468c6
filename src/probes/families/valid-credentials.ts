/**
 * credential.accepted, credential.test-mode, credential.formats: documented credentials in their
 * documented placement get past authentication. Only credential.accepted also holds the body to
 * the success schema (preconditions.ts, rule 2). A credential.formats case whose scheme and role a
 * credential.accepted requirement already probes on the same operation treats acceptance as a
 * precondition (its failure belongs to that requirement); the other schemes are its own assertion.
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, Outcome, ProbeContext, ProbeFamily } from '../model.ts';
import { missingRole, requireCredential } from '../credential.ts';
import { placementFor, tokenPlacement, loginToken } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { pass } from '../outcome.ts';
import { COVERAGE, coveringRequirement, requireAccepted } from '../preconditions.ts';
import { schemeByName, type BuildOptions } from '../request-builder.ts';
import { expectAccepted, sendBuilt } from '../steps.ts';

const ID = 'valid-credentials';

function acceptedCase(contract: Contract, fixtures: Fixtures, r: Requirement, defaultRole: 'valid' | 'test_mode'): Case {
  const role = r.role ?? defaultRole;
  const op = r.operation;
  const what = role === 'login' ? 'login token' : `${role} credential`;
  return makeCase(
    ID,
    r,
    `${what} is accepted on ${op.operationId}`,
    async (ctx) =>
      expectAccepted(ctx, { operation: op, credential: await placementFor(ctx, role), request: r.request ?? {} }, what, {
        shape: r.kind === 'credential.accepted',
      }),
    missingRole(fixtures, role),
  );
}

/**
 * Whether a credential.accepted requirement already sends this role in this scheme on this
 * operation: then acceptance here is a precondition, else this case's own assertion.
 */
function coveredByAccepted(ctx: ProbeContext, role: 'valid' | 'login', scheme: string, operationId: string): boolean {
  if (coveringRequirement(ctx.contract, COVERAGE.accepted(role, operationId)) === undefined) return false;
  if (role === 'login') return ctx.contract.login?.tokenScheme === scheme;
  return (requireCredential(ctx.fixtures, 'valid').scheme ?? ctx.contract.defaultScheme) === scheme;
}

async function acceptedInScheme(
  ctx: ProbeContext,
  role: 'valid' | 'login',
  scheme: string,
  build: BuildOptions,
  what: string,
): Promise<Outcome> {
  const opId = typeof build.operation === 'string' ? build.operation : build.operation.operationId;
  if (!coveredByAccepted(ctx, role, scheme, opId)) return expectAccepted(ctx, build, what);
  const s = await sendBuilt(ctx, build);
  requireAccepted(s, `the ${what}`, COVERAGE.accepted(role, opId), what);
  return pass(ctx, `${s.label} accepted with ${s.res.status} (${what})`);
}

function formatCases(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const op = r.operation;
  return op.schemes.map((name) => {
    const scheme = schemeByName(contract, name);
    if (scheme.credential === 'token') {
      return makeCase(
        ID,
        r,
        `${name} (login token) is accepted on ${op.operationId}`,
        async (ctx) => {
          const { token } = await loginToken(ctx);
          const build = { operation: op, credential: tokenPlacement(ctx, token), request: r.request ?? {} };
          return acceptedInScheme(ctx, 'login', name, build, `login token as ${name}`);
        },
        missingRole(fixtures, 'login'),
      );
    }
    return makeCase(
      ID,
      r,
      `${name} (API key) is accepted on ${op.operationId}`,
      async (ctx) => {
        const valid = requireCredential(ctx.fixtures, 'valid');
        const build = { operation: op, credential: { ...valid, scheme: name }, request: r.request ?? {} };
        return acceptedInScheme(ctx, 'valid', name, build, `valid key as ${name}`);
      },
      missingRole(fixtures, 'valid'),
    );
  });
}

export const validCredentials: ProbeFamily = {
  id: ID,
  title: 'Valid credentials are accepted',
  plans: {
    'credential.accepted': (contract, fixtures, r) => [acceptedCase(contract, fixtures, r, 'valid')],
    'credential.formats': formatCases,
    'credential.test-mode': (contract, fixtures, r) => [acceptedCase(contract, fixtures, r, 'test_mode')],
  },
};
