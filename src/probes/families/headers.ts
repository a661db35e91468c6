/**
 * response.header-echo: responses to keys with a documented prefix carry the echo header equal to
 * that prefix (valid → live prefix, test_mode → test prefix). request.required-header: with the
 * required header the valid key is accepted (the requirement's level); without it the request is
 * refused with the documented errors, or — when the docs only oblige the client and document no
 * refusal — a 4xx is checked as information (MAY). The
 * request with the header is the one credential.accepted sends (the builder always adds required
 * headers): when such a requirement covers the operation, its acceptance is a precondition here
 * (preconditions.ts), and the request without the header is this requirement's own assertion.
 */
import type { Contract, Operation, Requirement, Role } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, Outcome, ProbeContext, ProbeFamily } from '../model.ts';
import { missingRole, prefixOf, requireCredential } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, coveringRequirement, requireAccepted } from '../preconditions.ts';
import { SkipCase } from '../skip-case.ts';
import { SKIP } from '../skip-reasons.ts';
import { acceptanceFailure, refusalFailure, sendBuilt, type Sent } from '../steps.ts';
import { requireAcceptedHere } from '../valid-accepted.ts';
import { responseHeaderCases } from './response-headers.ts';

const ID = 'headers';

function echoCases(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const op = r.operation;
  const roles: Role[] = contract.keyFormat.test.length > 0 ? ['valid', 'test_mode'] : ['valid'];
  return contract.echoHeaders.flatMap((echo) =>
    roles.map((role) =>
      makeCase(
        ID,
        r,
        `${echo.name} equals the key prefix for the ${role} key`,
        async (ctx) => {
          const cred = requireCredential(ctx.fixtures, role);
          const prefix = prefixOf(ctx.contract, cred.value);
          if (prefix === undefined) throw new SkipCase(SKIP.noDocumentedPrefix(role));
          const s = await sendBuilt(ctx, { operation: op, credential: cred, request: r.request ?? {} });
          await requireAcceptedHere(ctx, s, role, `${role} key`);
          const value = s.res.headers[echo.name.toLowerCase()];
          if (value?.trim() !== prefix) {
            const actual = value === undefined ? `no ${echo.name} header` : `${echo.name}: ${value}`;
            return fail(ctx, expectation(`${echo.name}: ${prefix}`, actual, s.label, `${role} key`));
          }
          return pass(ctx, `${s.label} answered ${echo.name}: ${prefix} for the ${role} key`);
        },
        missingRole(fixtures, role),
      ),
    ),
  );
}

/**
 * The valid key with the required header. Covered by credential.accepted on the operation: a
 * precondition (throws PreconditionFailed); otherwise the requirement's own check (returns the failure).
 */
async function sendWithHeader(
  ctx: ProbeContext,
  r: Requirement,
  op: Operation,
  name: string,
): Promise<{ s: Sent; failure?: Outcome }> {
  const s = await sendBuilt(ctx, { operation: op, credential: requireCredential(ctx.fixtures, 'valid'), request: r.request ?? {} });
  const note = `with ${name}`;
  const coverage = COVERAGE.accepted('valid', op.operationId);
  if (coveringRequirement(ctx.contract, coverage) !== undefined) {
    requireAccepted(s, 'the valid key', coverage, note);
    return { s };
  }
  const f = acceptanceFailure(s, note);
  return f === undefined ? { s } : { s, failure: fail(ctx, f) };
}

function requiredHeaderCases(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const op = r.operation;
  const skip = missingRole(fixtures, 'valid');
  return contract.requiredHeaders.flatMap((h) => [
    makeCase(
      ID,
      r,
      `with ${h.name}: ${h.value} the valid key is accepted on ${op.operationId}`,
      async (ctx) => {
        const { s, failure } = await sendWithHeader(ctx, r, op, h.name);
        return failure ?? pass(ctx, `${s.label} accepted with ${s.res.status} (with ${h.name})`);
      },
      skip,
    ),
    withoutHeaderCase(r, op, h.name, skip),
  ]);
}

/**
 * The request without the header. Levels follow the wording, per side: a statement that obliges
 * the client ("requests must contain") documents no server reaction, so without documented errors
 * this case is informational (MAY: a 4xx is expected, anything else is a warning that never fails
 * the run); with documented errors the refusal is the requirement's own, at its level.
 */
function withoutHeaderCase(r: Requirement, op: Operation, name: string, skip: string | undefined): Case {
  const documented = r.errors.length > 0;
  const c = makeCase(
    ID,
    r,
    documented ? `without ${name} the request is refused with the documented error` : `without ${name} the request is refused with a 4xx (informational)`,
    async (ctx) => {
      // a refusal means something only when the same request with the header is accepted
      const { failure } = await sendWithHeader(ctx, r, op, name);
      if (failure) return failure;
      const s = await sendBuilt(ctx, {
        operation: op,
        credential: requireCredential(ctx.fixtures, 'valid'),
        request: r.request ?? {},
        omitHeaders: [name],
      });
      const note = `valid key, no ${name}`;
      if (documented) {
        const refused = refusalFailure(s, r.errors, { note });
        if (refused) return fail(ctx, refused);
      } else if (s.res.status < 400 || s.res.status > 499) {
        return fail(ctx, expectation('a 4xx status', String(s.res.status), s.label, `${note}; the docs oblige the client and document no refusal`));
      }
      return pass(ctx, `${s.label} without ${name} refused with ${s.res.status}`);
    },
    skip,
  );
  if (!documented) c.level = 'MAY';
  return c;
}

export const headers: ProbeFamily = {
  id: ID,
  title: 'Documented request and response headers',
  plans: {
    'response.header-echo': echoCases,
    'request.required-header': requiredHeaderCases,
    'response.header': responseHeaderCases,
  },
};
