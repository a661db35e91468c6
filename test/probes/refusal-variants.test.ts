/**
 * Probe-side rules of the issue-10 refusals: credential.invalid's wrong-scheme variants never send a
 * word of refusedSchemes (credential.refused-scheme's case), and unknown-key canaries stay within
 * keyFormat.maxLength.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canaryKey } from '../../src/probes/credential.ts';
import { planCases } from '../../src/probes/registry.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { Contract } from '../../src/spec/contract.ts';

const titles = (contract: Contract, kind: string): string[] =>
  planCases(contract, { credentials: { valid: { role: 'valid', value: 'octo_k7Qm2Xv9Lp4Rt8Wn3Bz6Yc1D', scheme: contract.defaultScheme } }, resources: {} }, { mock: true })
    .flatMap((p) => p.cases)
    .filter((c) => c.requirement.kind === kind)
    .map((c) => c.title);

describe('wrong-scheme variants of credential.invalid', () => {
  it('octo-lite refuses Basic and Token (refusedSchemes): no such variant; each has its refused-scheme case', async () => {
    const { contract } = await loadSpec(join(repoRoot, 'test/fixtures/refusals/octo-lite.yaml'));
    const invalid = titles(contract, 'credential.invalid');
    expect(invalid.filter((t) => /scheme is refused/.test(t))).toEqual([]);
    expect(titles(contract, 'credential.refused-scheme')).toEqual([
      'Authorization: Basic base64(canary-user:canary-password) is refused',
      'Authorization: Token <valid key> is refused',
    ]);
  });

  it('without refusedSchemes the variants are sent as before (linkfetch: Basic and Token)', async () => {
    const { contract } = await loadSpec('linkfetch');
    expect(titles(contract, 'credential.invalid').filter((t) => /scheme is refused/.test(t))).toEqual(['Basic scheme is refused', 'Token scheme is refused']);
  });
});

describe('keyFormat.maxLength', () => {
  it('a canary of a longer prefix is cut to the longest documented key; without it, the valid key body length is kept', () => {
    const like = `ghp_${'a1B2'.repeat(9)}`; // 40 characters
    const limited = { keyFormat: { live: ['ghp_', 'github_pat_'], test: [], maxLength: 40 } };
    const free = { keyFormat: { live: ['ghp_', 'github_pat_'], test: [] } };
    const cut = canaryKey(limited, like, 'github_pat_');
    expect([cut.length, cut.startsWith('github_pat_')]).toEqual([40, true]);
    expect(canaryKey(free, like, 'github_pat_').length).toBe(47);
    expect(canaryKey(limited, like).length).toBe(40);
  });
});
