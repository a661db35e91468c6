/**
 * tenant.isolation: another tenant's credential cannot read a resource of the first tenant (403
 * with a documented error, or a status in `statuses`, and no id in the body), nor find it in its
 * own list. org.membership: the organization header with a foreign org is refused, with each
 * member org accepted (an assertion: accepting members is part of the statement, so an API that
 * refuses every organization fails; "accepted" is the status alone, preconditions.ts rule 2).
 */
import type { Contract, ErrorSpec, IsolationRequirement, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, ProbeFamily } from '../model.ts';
import { missingRole, requireCredential } from '../credential.ts';
import { placementFor } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { SkipCase } from '../skip-case.ts';
import { SKIP } from '../skip-reasons.ts';
import { firstTenantResource, leaksId } from '../resource-finder.ts';
import { hiddenResourcePlans } from './public-access.ts';
import { COVERAGE, credentialWhat, requireAccepted } from '../preconditions.ts';
import {
  errorsById,
  expectAccepted,
  expectRefused,
  refusalFailure,
  sendBuilt } from '../steps.ts';

const ID = 'tenants';

type ResourceRef = NonNullable<IsolationRequirement['resource']>;

function resourceOf(r: IsolationRequirement): ResourceRef {
  if (r.resource === undefined) throw new SkipCase(SKIP.noContractSection(`resource (${r.id})`));
  return r.resource;
}

/** The errors a cross-tenant read may get: the documented ones, else a bare 403. */
function isolationErrors(r: Requirement): ErrorSpec[] {
  return r.errors.length > 0 ? r.errors : [{ id: 'forbidden', status: 403 }];
}

function isolationCases(contract: Contract, fixtures: Fixtures, r: IsolationRequirement): Case[] {
  const { role } = r;
  const param = r.resource?.param;
  const fixed = param !== undefined && r.resource?.params === undefined && r.resource?.where === undefined && (fixtures.resources[param] ?? '') !== '';
  const skip = missingRole(fixtures, role) ?? (fixed ? undefined : missingRole(fixtures, 'valid'));
  const get = (r.resource?.get ?? r.operation).operationId;
  const list = r.resource?.list.operationId ?? contract.probeOperation;
  return [
    makeCase(
      ID,
      r,
      `${role} credential cannot read a resource of the first tenant (${get})`,
      async (ctx) => {
        const res = resourceOf(r);
        const { id, path } = await firstTenantResource(ctx, res);
        const other = requireCredential(ctx.fixtures, role);
        const s = await sendBuilt(ctx, { operation: res.get, credential: other, request: { path } });
        const note = `${role} credential, resource ${id} of the first tenant`;
        const refused = refusalFailure(s, isolationErrors(r), { note, statuses: r.statuses });
        if (refused && !s.op.acceptStatuses.includes(s.res.status)) {
          // refused otherwise than documented: is the credential in play at all (accepted on the list)? A refused key proves no isolation
          const own = await sendBuilt(ctx, { operation: res.list, credential: other });
          requireAccepted(own, credentialWhat(role), COVERAGE.accepted(role, res.list.operationId));
        }
        if (refused) return fail(ctx, refused);
        if (leaksId(s, id)) {
          return fail(ctx, expectation(`no resource id ${id} in the body`, `${s.res.status} with the id in the body`, s.label, note));
        }
        return pass(ctx, `${s.label} refused the ${role} credential with ${s.res.status}`);
      },
      skip,
    ),
    makeCase(
      ID,
      r,
      `${role} credential's list does not contain the first tenant's resource (${list})`,
      async (ctx) => {
        const res = resourceOf(r);
        const { id } = await firstTenantResource(ctx, res);
        const s = await sendBuilt(ctx, { operation: res.list, credential: requireCredential(ctx.fixtures, role) });
        if (leaksId(s, id)) {
          return fail(
            ctx,
            expectation(`a list without resource ${id}`, `${s.res.status} with ${id} in the body`, s.label, `${role} credential`),
          );
        }
        return pass(ctx, `${s.label} with the ${role} credential does not list ${id} (${s.res.status})`);
      },
      skip,
    ),
  ];
}

function membershipCases(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const { role } = r;
  const op = r.operation;
  const roleSkip = missingRole(fixtures, role);
  const header = (): string => {
    if (contract.organization === undefined) throw new SkipCase(SKIP.noContractSection('organization'));
    return contract.organization.header;
  };
  const errors = (): ErrorSpec[] =>
    r.errors.length > 0 ? r.errors : errorsById(contract, [contract.organization?.error ?? '']);
  const foreign = fixtures.organizations?.foreign;
  const members = fixtures.organizations?.member ?? [];
  const cases = [
    makeCase(
      ID,
      r,
      `foreign organization${foreign ? ` ${foreign}` : ''} is refused`,
      async (ctx) =>
        expectRefused(
          ctx,
          { operation: op, credential: await placementFor(ctx, role), request: r.request ?? {}, headers: { [header()]: foreign ?? '' } },
          errors(),
          { note: `${role} credential, organization it does not belong to` },
        ),
      roleSkip ?? (foreign === undefined ? SKIP.missingOrganizations('foreign') : undefined),
    ),
  ];
  if (members.length === 0) {
    const reason = SKIP.missingOrganizations('member');
    cases.push(makeCase(ID, r, 'member organization is accepted', () => Promise.reject(new SkipCase(reason)), reason));
  }
  for (const org of members) {
    cases.push(
      makeCase(
        ID,
        r,
        `member organization ${org} is accepted`,
        async (ctx) =>
          expectAccepted(
            ctx,
            { operation: op, credential: await placementFor(ctx, role), request: r.request ?? {}, headers: { [header()]: org } },
            `${role} credential, member organization ${org}`,
          ),
        roleSkip,
      ),
    );
  }
  return cases;
}

export const tenants: ProbeFamily = {
  id: ID,
  title: 'Tenants and organizations are isolated',
  plans: {
    'tenant.isolation': isolationCases,
    'org.membership': membershipCases,
    ...hiddenResourcePlans,
  },
};
