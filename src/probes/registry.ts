/**
 * The probe families in run order, and the plan: for every requirement of the contract, the
 * family its kind names (src/kinds/) plans its cases with the kind's probe function (within a
 * family, in the order of src/kinds/index.ts, then of the contract). Rate limits come last.
 */
import { isRequirementKind, kindOf, kindsOfFamily } from '../kinds/index.ts';
import type { Contract, RequirementKind } from '../spec/contract.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import type { Case, PlanCases, ProbeFamily } from './model.ts';
import { validCredentials } from './families/valid-credentials.ts';
import { missingCredentials } from './families/missing-credentials.ts';
import { invalidCredentials } from './families/invalid-credentials.ts';
import { keyLifecycle } from './families/key-lifecycle.ts';
import { scopes } from './families/scopes.ts';
import { tenants } from './families/tenants.ts';
import { loginTokens } from './families/login-tokens.ts';
import { headers } from './families/headers.ts';
import { transport } from './families/transport.ts';
import { standards } from './families/standards.ts';
import { security } from './families/security.ts';
import { rateLimits } from './families/rate-limits.ts';
import { lockout } from './families/lockout.ts';

/** The families in run order (FAMILY_IDS): rate limits last, they exhaust budgets. */
export const FAMILIES: ProbeFamily[] = [
  validCredentials,
  missingCredentials,
  invalidCredentials,
  keyLifecycle,
  scopes,
  tenants,
  loginTokens,
  headers,
  transport,
  standards,
  security,
  rateLimits,
  lockout,
];

export interface PlannedFamily {
  family: ProbeFamily;
  cases: Case[];
}

/** The probe function of a kind: its family's (src/kinds/ names the family). */
export function planOf(kind: RequirementKind): { family: ProbeFamily; plan: PlanCases } | undefined {
  if (!isRequirementKind(kind)) return undefined;
  const family = FAMILIES.find((f) => f.id === kindOf(kind).family);
  const plan = family?.plans[kind] as PlanCases | undefined;
  return family !== undefined && plan !== undefined ? { family, plan } : undefined;
}

/**
 * Families with at least one requirement, in run order, with their cases.
 * @throws Error when a requirement's kind is covered by no family (a programming error)
 */
export function planCases(contract: Contract, fixtures: Fixtures, env: { mock: boolean }): PlannedFamily[] {
  for (const r of contract.requirements) {
    if (planOf(r.kind) === undefined) throw new Error(`no probe family covers requirement kind ${r.kind} (${r.id})`);
  }
  const out: PlannedFamily[] = [];
  for (const family of FAMILIES) {
    const kinds = kindsOfFamily(family.id);
    const reqs = contract.requirements
      .filter((r) => kinds.includes(r.kind))
      .map((r, i) => ({ r, i }))
      .sort((a, b) => kinds.indexOf(a.r.kind) - kinds.indexOf(b.r.kind) || a.i - b.i)
      .map(({ r }) => r);
    if (reqs.length === 0) continue;
    out.push({ family, cases: reqs.flatMap((r) => waived(contract, planOf(r.kind)!.plan(contract, fixtures, r, env))) });
  }
  // cases that trip a lockout run last of all, with the lockout family (after its own cases)
  const last = out.flatMap((p) => p.cases.filter((c) => c.tripsLockout === true && p.family.id !== 'lockout'));
  if (last.length > 0) {
    for (const p of out) p.cases = p.cases.filter((c) => !last.includes(c));
    const group = out.find((p) => p.family.id === 'lockout') ?? { family: FAMILIES.find((f) => f.id === 'lockout')!, cases: [] };
    group.cases.push(...last.map((c) => ({ ...c, family: group.family.id })));
    if (!out.includes(group)) out.push(group);
  }
  const kept = out.filter((p) => p.cases.length > 0);
  out.length = 0;
  out.push(...kept);
  assertUniqueNames(out.flatMap((p) => p.cases));
  return out;
}

/** A waived requirement's cases are not run: each is a skip saying why (`waived: <reason>`). */
function waived(contract: Contract, cases: Case[]): Case[] {
  return cases.map((c) => {
    const reason = contract.waivers?.find((w) => w.id === c.requirement.id)?.reason;
    return reason === undefined ? c : { ...c, skip: `waived: ${reason}`, waiver: reason };
  });
}

function assertUniqueNames(cases: Case[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`two cases are named "${c.name}"`);
    seen.add(c.name);
  }
}
