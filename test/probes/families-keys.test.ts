/** key-lifecycle: fixture keys and the rotation story on the mock, target behaviour → verdict. */
import { describe, expect, it } from 'vitest';
import { acmeContract, acmeFixtures, KEYS, req } from './support/acme-contract.ts';
import { acmeRequirements } from './support/acme-requirements.ts';
import { allCases } from './support/run.ts';
import { expected, verdictOf, type Scenario } from './support/scenario.ts';

const IN_GRACE = 'revoked key is accepted 1 s before the end of the grace window';
const PAST_GRACE = 'revoked key is refused 1 s after the end of the grace window';
const SAME = 'revoked_expired and unknown keys get the same response';
const noGrace = acmeContract(acmeRequirements(), { rotation: { grace: 'PT0S', graceMs: 0, error: 'invalid_key' } });
const graceChoice = acmeContract(acmeRequirements(), {
  rotation: { grace: 'PT24H', graceMs: 86_400_000, choices: ['PT24H', 'PT0S', 'P7D'], error: 'invalid_key' },
});
const chose = (grace: string, graceMs: number) => ({ ...acmeFixtures(), rotation: { grace, graceMs } });
const withoutGraceRole = acmeFixtures();
delete withoutGraceRole.credentials.revoked_in_grace;

const rows: Scenario[] = [
  {
    name: 'a choice of grace windows, none named by the fixtures (real target)',
    title: 'revoked_in_grace key is accepted',
    contract: graceChoice,
    mock: false,
    verdict: 'skip',
    message: 'the docs offer a choice of grace windows (PT24H, PT0S, P7D); set rotation.grace in the fixtures',
  },
  {
    name: 'a choice of grace windows, none named by the fixtures (real target)',
    title: 'revoked_expired key is refused',
    contract: graceChoice,
    mock: false,
    verdict: 'skip',
    message: 'the docs offer a choice of grace windows (PT24H, PT0S, P7D); set rotation.grace in the fixtures',
  },
  { name: 'the target chose PT24H (fixtures)', title: 'revoked_in_grace key is accepted', contract: graceChoice, fixtures: chose('PT24H', 86_400_000), mock: false, verdict: 'pass' },
  {
    name: 'the target chose PT0S (fixtures): no key is in grace',
    title: 'revoked_in_grace key is accepted',
    contract: graceChoice,
    fixtures: chose('PT0S', 0),
    mock: false,
    verdict: 'skip',
    message: "the target's grace window is PT0S (fixtures.rotation.grace): no revoked key is in its grace window",
  },
  { name: 'the target chose PT0S (fixtures)', title: 'revoked_expired key is refused', contract: graceChoice, fixtures: chose('PT0S', 0), mock: false, verdict: 'pass' },
  { name: 'a choice of grace windows, on the mock (the first)', title: IN_GRACE, contract: graceChoice, verdict: 'pass' },
  { name: 'conformant', title: 'revoked_in_grace key is accepted', verdict: 'pass' },
  {
    name: 'no revoked_in_grace fixture',
    title: 'revoked_in_grace key is accepted',
    fixtures: withoutGraceRole,
    verdict: 'skip',
    message: 'no `revoked_in_grace` credential in the fixtures',
  },
  { name: 'conformant', title: 'revoked_expired key is refused', verdict: 'pass' },
  { name: 'conformant', title: IN_GRACE, verdict: 'pass' },
  {
    name: 'revocation without grace',
    title: IN_GRACE,
    api: { graceMs: 0 },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (revoked key, 1 s before the end of the grace window)',
  },
  { name: 'conformant', title: PAST_GRACE, verdict: 'pass' },
  {
    name: 'revoked keys never expire',
    title: PAST_GRACE,
    api: { graceMs: 10 * 86_400_000 },
    verdict: 'fail',
    message: 'Expected 401 with code invalid_key, got 200 for GET /v1/things (revoked key, 1 s after the end of the grace window)',
  },
  {
    name: 'the new key stops working once the old one is refused',
    title: PAST_GRACE,
    api: { tweak: (r, d, t) => (r.headers['authorization']?.includes('New') && t.now > t.start ? { status: 401, body: { code: 'invalid_key' } } : d) },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (new key, after the old one was revoked)',
  },
  { name: 'on a real target', title: PAST_GRACE, mock: false, verdict: 'skip', message: "needs the mock's clock" },
  { name: 'grace PT0S, conformant', title: 'revoked key is refused right away', contract: noGrace, api: { graceMs: 0 }, verdict: 'pass' },
  {
    name: 'grace PT0S, a server that keeps a grace window',
    title: 'revoked key is refused right away',
    contract: noGrace,
    verdict: 'fail',
    message: 'Expected 401 with code invalid_key, got 200 for GET /v1/things (revoked key, right after revocation)',
  },
  { name: 'conformant', title: SAME, verdict: 'pass' },
  {
    name: 'another message for revoked keys',
    title: SAME,
    api: { tweak: (r, d) => (r.headers['authorization']?.endsWith(KEYS.revoked_expired) ? { status: 401, body: { error: { code: 'invalid_key', message: 'revoked' } } } : d) },
    verdict: 'pass',
  },
  {
    name: 'a revoked key told apart',
    title: SAME,
    api: {
      tweak: (r, d) =>
        r.headers['authorization']?.endsWith(KEYS.revoked_expired)
          ? { status: 401, body: { error: { code: 'key_revoked', revoked_at: '2026-01-01' } } }
          : d,
    },
    verdict: 'fail',
    message:
      'Expected the same response for an unknown and a revoked key, got code invalid_key only in the unknown key response; keys only in the unknown key response: error.message; keys only in the revoked_expired key response: error.revoked_at for GET /v1/things',
  },
  { name: 'conformant', title: 'valid key is still accepted after P30D', verdict: 'pass' },
  {
    name: 'keys expiring after a week',
    title: 'valid key is still accepted after P30D',
    api: { tweak: (_r, d, t) => (t.now - t.start > 7 * 86_400_000 ? { status: 401, body: { code: 'invalid_key' } } : d) },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (valid key, P30D later)',
  },
  { name: 'on a real target', title: 'valid key is still accepted after P30D', mock: false, verdict: 'skip', message: "needs the mock's clock" },
];

describe('key-lifecycle family', () => {
  for (const row of rows) {
    it(`${row.title}: ${row.name} → ${row.verdict}`, async () => {
      expect(await verdictOf(row)).toEqual(expected(row));
    });
  }

  it('plans no in-grace story when the grace window is PT0S', () => {
    const titles = allCases(noGrace, acmeFixtures(), true)
      .filter((c) => c.family === 'key-lifecycle')
      .map((c) => c.title);
    expect(titles).toEqual([
      'revoked_in_grace key is accepted',
      'revoked_expired key is refused',
      'revoked key is refused right away',
      'valid key is still accepted after P30D',
      'revoked_expired and unknown keys get the same response',
    ]);
  });

  it('names no-expiry cases by the documented duration (P365D when none)', () => {
    const c = acmeContract([req('key.no-expiry')]);
    expect(allCases(c, acmeFixtures(), true).map((x) => x.name)).toEqual(['ACME-KEY-NO-EXPIRY valid key is still accepted after P365D']);
  });
});
