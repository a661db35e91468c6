/**
 * Documented-but-refused forms of sending a credential (issue 10):
 * credential.refused-scheme: `Authorization: <word> …` with a scheme word the docs refuse
 * (refusedSchemes), carrying the valid key (`as: key`) or base64 of a made-up user name and
 * password (`as: username:password`, never a real password) → one of the errors. Counts as a
 * refused credential for a lockout budget (refusal-pacer.ts).
 * credential.refused-placement: the valid key in each refused place (refusedPlacements: query
 * parameter, cookie, header) and none where the schemes put it → one of the errors. The URL then
 * carries the real key: it is a secret of the request (masked in every label, log and report).
 */
import type { Contract, RefusedPlacement, RefusedSchemeRequirement, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case } from '../model.ts';
import { credentialOf, missingRole, requireCredential } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import type { BuildOptions } from '../request-builder.ts';
import { expectRefused } from '../steps.ts';

/** The made-up user-pass a refused user-name-and-password scheme carries (no real account has it). */
export const CANARY_USER_PASS = 'canary-user:canary-password';

function refusedSchemePlan(_contract: Contract, fixtures: Fixtures, r: RefusedSchemeRequirement): Case[] {
  const { word, as } = r.refused;
  const withKey = as === 'key';
  const shown = withKey ? `${word} <valid key>` : `${word} base64(${CANARY_USER_PASS})`;
  return [
    makeCase(
      'invalid-credentials',
      r,
      `Authorization: ${shown} is refused`,
      (ctx) => {
        const valid = withKey ? requireCredential(ctx.fixtures, 'valid') : credentialOf(ctx.fixtures, 'valid');
        const carried = withKey ? valid!.value : Buffer.from(CANARY_USER_PASS).toString('base64');
        const build: BuildOptions = { operation: r.operation, request: r.request ?? {}, headers: { ...valid?.headers, Authorization: `${word} ${carried}` } };
        if (withKey) build.secrets = [carried];
        return expectRefused(ctx, build, r.errors, { note: withKey ? `valid key under the refused scheme ${word}` : `made-up user name and password under the refused scheme ${word}` });
      },
      withKey ? missingRole(fixtures, 'valid') : undefined,
    ),
  ];
}

/** The request placing the key in a refused place (and nowhere else). */
function placed(r: Requirement, p: RefusedPlacement, key: string): BuildOptions {
  const request = r.request ?? {};
  const build: BuildOptions = { operation: r.operation, request, secrets: [key, encodeURIComponent(key)] };
  if (p.in === 'query') build.request = { ...request, query: { ...request.query, [p.name]: key } };
  else build.headers = p.in === 'cookie' ? { Cookie: `${p.name}=${key}` } : { [p.name]: key };
  return build;
}

function where(p: RefusedPlacement): string {
  return p.in === 'query' ? `query parameter ${p.name}` : p.in === 'cookie' ? `cookie ${p.name}` : `header ${p.name}`;
}

function refusedPlacementPlan(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  return (contract.refusedPlacements ?? []).map((p) =>
    makeCase(
      'missing-credentials',
      r,
      `valid key in the ${where(p)} (refused place) is refused`,
      (ctx) => {
        const valid = requireCredential(ctx.fixtures, 'valid');
        return expectRefused(ctx, placed(r, p, valid.value), r.errors, { note: `valid key in the ${where(p)}, no credential where the schemes put it` });
      },
      missingRole(fixtures, 'valid'),
    ),
  );
}

export const refusedSchemePlans = { 'credential.refused-scheme': refusedSchemePlan } as const;
export const refusedPlacementPlans = { 'credential.refused-placement': refusedPlacementPlan } as const;
