/**
 * Operations and resources seen without a credential (issue 10):
 * access.public: a public operation (security: [], x-authconform.public) without any credential is
 * accepted (status only, preconditions.ts rule 2).
 * resource.hidden: a private resource requested without a credential gets exactly one of the
 * errors (the docs' 404: its existence is not confirmed) and its id is not in the body. That it
 * exists is proven first: the valid credential is accepted on the same request (a precondition:
 * credential.accepted on that operation covers it).
 */
import type { Contract, HiddenResourceRequirement, Requirement } from '../../spec/contract.ts';
import { getAtPointer } from '../../spec/json-pointer.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, Outcome, ProbeContext } from '../model.ts';
import { missingRole, requireCredential } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { firstTenantResource, leaksId, scalar, type FoundResource } from '../resource-finder.ts';
import { expectAccepted, refusalFailure, sendBuilt } from '../steps.ts';
import { requireAcceptedHere } from '../valid-accepted.ts';

function publicPlan(_contract: Contract, _fixtures: Fixtures, r: Requirement): Case[] {
  const op = r.operation;
  return [makeCase('valid-credentials', r, `${op.operationId} is served without any credential`, (ctx) => expectAccepted(ctx, { operation: op, request: r.request ?? {} }, 'no credential on a public operation'))];
}

function lastSegment(path: string): string {
  const segments = new URL(path, 'http://origin.invalid').pathname.split('/').filter((p) => p !== '');
  return decodeURIComponent(segments.at(-1) ?? '');
}

async function hiddenCase(ctx: ProbeContext, r: HiddenResourceRequirement): Promise<Outcome> {
  const op = r.resource?.get ?? r.operation;
  const found: FoundResource | undefined = r.resource === undefined ? undefined : await firstTenantResource(ctx, r.resource);
  const request = found === undefined ? (r.request ?? {}) : { ...r.request, path: { ...r.request?.path, ...found.path } };
  const seen = await sendBuilt(ctx, { operation: op, request, credential: requireCredential(ctx.fixtures, 'valid') });
  await requireAcceptedHere(ctx, seen, 'valid', 'the valid credential proves the resource exists');
  // the id the anonymous answer must not carry: the listed item's, else the resource's own `id`, else the last path parameter
  const id = found?.id ?? scalar(getAtPointer(seen.res.json, '/id')) ?? lastSegment(seen.req.path);
  const s = await sendBuilt(ctx, { operation: op, request });
  const note = 'no credential, a resource the valid credential can read';
  const refused = refusalFailure(s, r.errors, { note });
  if (refused) return fail(ctx, refused);
  if (leaksId(s, id)) return fail(ctx, expectation(`no resource id ${id} in the body`, `${s.res.status} with the id in the body`, s.label, note));
  return pass(ctx, `${s.label} without a credential answered ${s.res.status}, as for a resource that does not exist`);
}

function hiddenPlan(_contract: Contract, fixtures: Fixtures, r: HiddenResourceRequirement): Case[] {
  const op = r.resource?.get ?? r.operation;
  return [makeCase('tenants', r, `a private resource of ${op.operationId} is hidden from requests without a credential`, (ctx) => hiddenCase(ctx, r), missingRole(fixtures, 'valid'))];
}

export const publicAccessPlans = { 'access.public': publicPlan } as const;
export const hiddenResourcePlans = { 'resource.hidden': hiddenPlan } as const;
