/**
 * credential.accepted, credential.test-mode, credential.formats: documented credentials in their
 * documented placement get past authentication. Only credential.accepted also holds the body to
 * the success schema (preconditions.ts, rule 2). A credential.formats case whose scheme and role a
 * credential.accepted requirement already probes on the same operation treats acceptance as a
 * precondition (its failure belongs to that requirement); the other schemes are its own assertion.
 */
import type { Contract, Operation, Requirement } from '../../spec/contract.ts';
import type { Credential, Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, Outcome, ProbeContext, ProbeFamily } from '../model.ts';
import { missingRole, requireCredential } from '../credential.ts';
import { placementFor, tokenPlacement, loginToken } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { pass } from '../outcome.ts';
import { COVERAGE, coveringRequirement, requireAccepted } from '../preconditions.ts';
import { coveredByAccepted, requireSchemeInPlay } from '../scheme-in-play.ts';
import { schemeByName, type BuildOptions } from '../request-builder.ts';
import { expectAccepted, sendBuilt } from '../steps.ts';
import { publicAccessPlans } from './public-access.ts';
import { schemeWords } from '../../spec/scheme-words.ts';

const ID = 'valid-credentials';

function acceptedCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  const role = r.role;
  const op = r.operation;
  const what = role === 'login' ? 'login token' : `${role} credential`;
  return makeCase(
    ID,
    r,
    `${what} is accepted on ${op.operationId}`,
    async (ctx) => {
      const credential = await placementFor(ctx, role);
      const outcome = await expectAccepted(ctx, { operation: op, credential, request: r.request ?? {} }, what, {
        shape: r.kind === 'credential.accepted',
      });
      if (outcome.verdict === 'fail' && r.kind !== 'credential.accepted' && role !== 'valid' && role !== 'login') {
        await requireSchemeInPlay(ctx, op, requireCredential(ctx.fixtures, role), r);
      }
      return outcome;
    },
    missingRole(fixtures, role),
  );
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

/** The valid key in its own scheme is accepted on the operation, when a credential.accepted requirement states it (else nothing). */
async function requireAcceptedAsDocumented(ctx: ProbeContext, op: Operation, valid: Credential, r: Requirement): Promise<void> {
  const coverage = COVERAGE.accepted('valid', op.operationId);
  if (coveringRequirement(ctx.contract, coverage) === undefined) return;
  const s = await sendBuilt(ctx, { operation: op, credential: valid, request: r.request ?? {} });
  requireAccepted(s, 'the valid key in its own scheme', coverage, 'valid key');
}

/** Each scheme of the operation once per scheme word it declares (`Bearer` and `token`); other schemes once. */
function schemeForms(contract: Contract, names: readonly string[]): Array<{ name: string; word?: string }> {
  return names.flatMap((name) => {
    const words = schemeWords(schemeByName(contract, name));
    return words.length > 1 ? words.map((word, i) => (i === 0 ? { name } : { name, word })) : [{ name }];
  });
}

function formatCases(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const op = r.operation;
  return schemeForms(contract, op.schemes).map(({ name, word }) => {
    const scheme = schemeByName(contract, name);
    const shown = word === undefined ? name : `${name} with scheme word ${word}`;
    // a token scheme carries the login's token only where the docs describe a login; else the
    // token is issued outside the API (a personal access token) and is the valid credential
    if (scheme.credential === 'token' && contract.login !== undefined) {
      return makeCase(
        ID,
        r,
        `${shown} (login token) is accepted on ${op.operationId}`,
        async (ctx) => {
          const { token } = await loginToken(ctx);
          const placement = { ...tokenPlacement(ctx, token), ...(word !== undefined ? { word } : {}) };
          const build = { operation: op, credential: placement, request: r.request ?? {} };
          if (word !== undefined) return expectAccepted(ctx, build, `login token as ${shown}`);
          return acceptedInScheme(ctx, 'login', name, build, `login token as ${name}`);
        },
        missingRole(fixtures, 'login'),
      );
    }
    return makeCase(
      ID,
      r,
      `${shown} (API key) is accepted on ${op.operationId}`,
      async (ctx) => {
        const valid = requireCredential(ctx.fixtures, 'valid');
        const build = { operation: op, credential: { ...valid, scheme: name, ...(word !== undefined ? { word } : {}) }, request: r.request ?? {} };
        if (word === undefined && coveredByAccepted(ctx, 'valid', name, op.operationId)) return acceptedInScheme(ctx, 'valid', name, build, `valid key as ${name}`);
        // another scheme or scheme word: the key must first work as credential.accepted sends it
        // (a key refused everywhere is that requirement's failure), then this form is its own assertion
        await requireAcceptedAsDocumented(ctx, op, valid, r);
        return expectAccepted(ctx, build, `valid key as ${shown}`);
      },
      missingRole(fixtures, 'valid'),
    );
  });
}

export const validCredentials: ProbeFamily = {
  id: ID,
  title: 'Valid credentials are accepted',
  plans: {
    'credential.accepted': (contract, fixtures, r) => [acceptedCase(contract, fixtures, r)],
    'credential.formats': formatCases,
    'credential.test-mode': (contract, fixtures, r) => [acceptedCase(contract, fixtures, r)],
    ...publicAccessPlans,
  },
};
