/**
 * The probe families in run order, and the plan: for every requirement of the contract, the
 * family whose kinds include its kind plans its cases (within a family, in the order of its
 * kinds, then of the contract). Rate limits come last: they exhaust budgets.
 */
import type { Contract } from '../spec/contract.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import type { Case, ProbeFamily } from './model.ts';
import { validCredentials } from './families/valid-credentials.ts';
import { missingCredentials } from './families/missing-credentials.ts';
import { invalidCredentials } from './families/invalid-credentials.ts';
import { keyLifecycle } from './families/key-lifecycle.ts';
import { scopes } from './families/scopes.ts';
import { tenants } from './families/tenants.ts';
import { loginTokens } from './families/login-tokens.ts';
import { headers } from './families/headers.ts';
import { transport } from './families/transport.ts';
import { rateLimits } from './families/rate-limits.ts';

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
  rateLimits,
];

export interface PlannedFamily {
  family: ProbeFamily;
  cases: Case[];
}

/**
 * Families with at least one requirement, in run order, with their cases.
 * @throws Error when a requirement's kind is covered by no family (a programming error)
 */
export function planCases(contract: Contract, fixtures: Fixtures, env: { mock: boolean }): PlannedFamily[] {
  for (const r of contract.requirements) {
    if (!FAMILIES.some((f) => f.kinds.includes(r.kind))) {
      throw new Error(`no probe family covers requirement kind ${r.kind} (${r.id})`);
    }
  }
  const out: PlannedFamily[] = [];
  for (const family of FAMILIES) {
    const reqs = contract.requirements
      .filter((r) => family.kinds.includes(r.kind))
      .map((r, i) => ({ r, i }))
      .sort((a, b) => family.kinds.indexOf(a.r.kind) - family.kinds.indexOf(b.r.kind) || a.i - b.i)
      .map(({ r }) => r);
    if (reqs.length === 0) continue;
    out.push({ family, cases: reqs.flatMap((r) => family.plan(contract, fixtures, r, env)) });
  }
  assertUniqueNames(out.flatMap((p) => p.cases));
  return out;
}

function assertUniqueNames(cases: Case[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`two cases are named "${c.name}"`);
    seen.add(c.name);
  }
}
