/**
 * credential.missing: no credential at all, or the key in a header the spec does not document
 * (`Authorization: Bearer K` for a custom-header scheme, `X-API-Key: K` for an Authorization one).
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, ProbeFamily } from '../model.ts';
import { missingRole, requireCredential } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { expectRefused} from '../steps.ts';
import { refusedPlacementPlans } from './refused-forms.ts';

const ID = 'missing-credentials';

/** An undocumented header a client might put the key in, and how. */
export function wrongHeader(contract: Contract): { name: string; format: (key: string) => string } | undefined {
  const documented = new Set(contract.schemes.map((s) => s.header.toLowerCase()));
  if (!documented.has('authorization')) return { name: 'Authorization', format: (k) => `Bearer ${k}` };
  if (!documented.has('x-api-key')) return { name: 'X-API-Key', format: (k) => k };
  return undefined;
}

function plan(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const op = r.operation;
  const errors = r.errors;
  const cases = [
    makeCase(ID, r, `no credentials are refused on ${op.operationId}`, (ctx) =>
      expectRefused(ctx, { operation: op, request: r.request ?? {} }, errors, { note: 'no credentials' }),
    ),
  ];
  const wrong = wrongHeader(contract);
  if (wrong) {
    const shown = wrong.format('K');
    cases.push(
      makeCase(
        ID,
        r,
        `key in the wrong header (${wrong.name}: ${shown}) is refused`,
        (ctx) => {
          const valid = requireCredential(ctx.fixtures, 'valid');
          return expectRefused(
            ctx,
            { operation: op, request: r.request ?? {}, headers: { [wrong.name]: wrong.format(valid.value) } },
            errors,
            { note: `valid key in the undocumented ${wrong.name} header` },
          );
        },
        missingRole(fixtures, 'valid'),
      ),
    );
  }
  return cases;
}

export const missingCredentials: ProbeFamily = {
  id: ID,
  title: 'Requests without a credential are refused',
  plans: { 'credential.missing': plan, ...refusedPlacementPlans },
};
