/**
 * credential.accepted, credential.test-mode, credential.formats: documented credentials in their
 * documented placement get past authentication.
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, ProbeFamily } from '../model.ts';
import { missingRole, requireCredential } from '../credential.ts';
import { placementFor, tokenPlacement, loginToken } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { schemeByName } from '../request-builder.ts';
import { expectAccepted, operationOf } from '../steps.ts';

const ID = 'valid-credentials';

function acceptedCase(contract: Contract, fixtures: Fixtures, r: Requirement, defaultRole: 'valid' | 'test_mode'): Case {
  const role = r.role ?? defaultRole;
  const op = operationOf(contract, r);
  const what = role === 'login' ? 'login token' : `${role} credential`;
  return makeCase(
    ID,
    r,
    `${what} is accepted on ${op.operationId}`,
    async (ctx) => expectAccepted(ctx, { operation: op, credential: await placementFor(ctx, role), request: r.request ?? {} }, what),
    missingRole(fixtures, role),
  );
}

function formatCases(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const op = operationOf(contract, r);
  return op.schemes.map((name) => {
    const scheme = schemeByName(contract, name);
    if (scheme.credential === 'token') {
      return makeCase(
        ID,
        r,
        `${name} (login token) is accepted on ${op.operationId}`,
        async (ctx) => {
          const { token } = await loginToken(ctx);
          return expectAccepted(ctx, { operation: op, credential: tokenPlacement(ctx, token), request: r.request ?? {} }, `login token as ${name}`);
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
        const credential = { ...valid, scheme: name };
        return expectAccepted(ctx, { operation: op, credential, request: r.request ?? {} }, `valid key as ${name}`);
      },
      missingRole(fixtures, 'valid'),
    );
  });
}

export const validCredentials: ProbeFamily = {
  id: ID,
  title: 'Valid credentials are accepted',
  kinds: ['credential.accepted', 'credential.formats', 'credential.test-mode'],
  applies: (contract) => contract.requirements.some((r) => validCredentials.kinds.includes(r.kind)),
  plan(contract, fixtures, r) {
    if (r.kind === 'credential.formats') return formatCases(contract, fixtures, r);
    return [acceptedCase(contract, fixtures, r, r.kind === 'credential.test-mode' ? 'test_mode' : 'valid')];
  },
};
