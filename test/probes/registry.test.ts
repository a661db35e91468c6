/** planCases and FAMILIES: coverage, order, names. */
import { describe, expect, it } from 'vitest';
import { KIND_IDS } from '../../src/kinds/index.ts';
import { FAMILY_IDS } from '../../src/kinds/kind.ts';
import { FAMILIES, planCases } from '../../src/probes/registry.ts';
import { acmeContract, acmeFixtures, req } from './support/acme-contract.ts';
import { acmeRequirements } from './support/acme-requirements.ts';

describe('FAMILIES', () => {
  it('runs in the order of FAMILY_IDS, rate limits then the lockout last', () => {
    expect(FAMILIES.map((f) => f.id)).toEqual([...FAMILY_IDS]);
    expect(FAMILY_IDS.slice(-2)).toEqual(['rate-limits', 'lockout']);
  });

  it('has a probe function for every requirement kind, and for nothing else', () => {
    const covered = FAMILIES.flatMap((f) => Object.keys(f.plans));
    expect([...covered].sort()).toEqual([...KIND_IDS].sort());
  });
});

describe('planCases', () => {
  it('plans every requirement with its family, names prefixed with the requirement id', () => {
    const contract = acmeContract(acmeRequirements());
    const planned = planCases(contract, acmeFixtures(), { mock: true });
    expect(planned.map((p) => [p.family.id, p.cases.length])).toEqual([
      ['valid-credentials', 4],
      ['missing-credentials', 2],
      ['invalid-credentials', 11],
      ['key-lifecycle', 6],
      ['scopes', 2],
      ['tenants', 5],
      ['login-tokens', 4],
      ['headers', 2],
      ['rate-limits', 9],
    ]);
    for (const c of planned.flatMap((p) => p.cases)) {
      expect(c.name).toBe(`${c.requirement.id} ${c.title}`);
      expect(c.level).toBe(c.requirement.level);
    }
  });

  it('orders rate-limit cases: observations, exhaustion, per-key, recovery', () => {
    const contract = acmeContract([
      req('ratelimit.recovery'),
      req('ratelimit.per-key'),
      req('ratelimit.exceeded', { errors: ['rate_limit'] }),
      req('ratelimit.headers'),
    ]);
    const [rl] = planCases(contract, acmeFixtures(), { mock: true });
    expect(rl?.cases.map((c) => c.name)).toEqual([
      'ACME-RATELIMIT-HEADERS responses carry the rate-limit headers',
      'ACME-RATELIMIT-EXCEEDED exceeding 5 requests per minute gives 429',
      'ACME-RATELIMIT-EXCEEDED exceeding 12 requests per day gives 429',
      'ACME-RATELIMIT-PER-KEY another key is accepted while the valid key is limited',
      'ACME-RATELIMIT-RECOVERY the key is accepted again after the reset',
    ]);
  });

  it('marks mock-only cases skipped on a real target', () => {
    const contract = acmeContract([req('key.no-expiry'), req('key.grace', { role: 'revoked_in_grace' })]);
    const cases = planCases(contract, acmeFixtures(), { mock: false }).flatMap((p) => p.cases);
    expect(cases.map((c) => [c.title, c.skip])).toEqual([
      ['revoked_in_grace key is accepted', undefined],
      ['revoked key is accepted 1 s before the end of the grace window', "needs the mock's clock"],
      ['valid key is still accepted after P365D', "needs the mock's clock"],
    ]);
  });

  it('throws on a requirement kind no family covers', () => {
    const teleport = { ...req('credential.accepted'), id: 'ACME-CREDENTIAL-TELEPORT', kind: 'credential.teleport' as 'credential.accepted' };
    const contract = acmeContract([req('credential.accepted'), teleport]);
    expect(() => planCases(contract, acmeFixtures(), { mock: true })).toThrow(
      'no probe family covers requirement kind credential.teleport (ACME-CREDENTIAL-TELEPORT)',
    );
  });
});

describe('lockout-sensitive cases', () => {
  it('a case that trips the lockout (error.message on the lockout error) runs last of all, after the lockout family', async () => {
    const { loadContract } = await import('../../src/spec/load.ts');
    const { repoRoot } = await import('../../src/spec/bundled.ts');
    const contract = await loadContract(`${repoRoot}examples/acme-pro/acme-pro.yaml`);
    const planned = planCases(contract, { credentials: {}, resources: {} }, { mock: true });
    expect(planned.map((p) => p.family.id)).toEqual(['valid-credentials', 'missing-credentials', 'invalid-credentials', 'headers', 'lockout']);
    expect(planned.at(-1)!.cases.map((c) => `${c.requirement.id} ${c.family}`)).toEqual([
      'ACMEPRO-LOCK-01 lockout',
      'ACMEPRO-LOCK-01 lockout',
      'ACMEPRO-LOCK-02 lockout',
    ]);
    expect(planned.flatMap((p) => p.cases).filter((c) => c.requirement.id === 'ACMEPRO-KEY-02').map((c) => c.family)).toEqual(['invalid-credentials']);
  });
});
