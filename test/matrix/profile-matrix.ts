/**
 * The defect matrix of the profiles: every bundled spec with both profiles layered. Each profile
 * requirement that applies to the spec (a case not skipped at plan time) has a mock defect that
 * fails its own cases and no case of any other requirement, spec or profile; the undamaged mock
 * passes every profile case that applies. The spec's own rows are proven by defect-matrix.test.ts.
 *
 * Run in PROFILE_MATRIX_PARTS files (profile-matrix-<k>.test.ts), spec i of BUNDLED_SPECS in part
 * (i mod PROFILE_MATRIX_PARTS) + 1: each spec is a long test of its own, and as separate files they
 * spread over both workers instead of queueing in one. A new bundled spec joins a part by its index;
 * profile-matrix-1.test.ts checks that the parts together cover BUNDLED_SPECS.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_SPECS } from '../../src/spec/bundled.ts';
import { loadSpecWithProfiles } from '../../src/spec/layer-profiles.ts';
import { runDefectMatrix } from '../../src/selftest/defect-matrix.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';
import { planCases } from '../../src/probes/registry.ts';
import { startMock } from '../../src/mock/server.ts';

const isProfileRow = (id: string): boolean => /^(STD|SEC)-/.test(id);

const EVERYWHERE = ['STD-HTTP-401-CHALLENGE', 'SEC-KEY-NO-ENUMERATION', 'SEC-TIMING-NO-ENUMERATION'];
/** rows of every spec: Date, the RateLimit fields where present, canary echoes, keys in the query */
const EVERYWHERE_SECROWS = ['STD-HTTP-DATE-FORMAT', 'STD-RL-POLICY-SYNTAX', 'STD-RL-RATELIMIT-SYNTAX', 'SEC-NO-CREDENTIAL-ECHO', 'SEC-NO-CREDENTIAL-IN-QUERY'];
/** rows of a spec whose ratelimit.exceeded exhaustion brings a 429 (the Retry-After ones unless ratelimit.retry-after states it) */
const LIMITED = ['STD-429-DETAILS', 'STD-429-RETRY-AFTER', 'STD-HTTP-RETRY-AFTER-SYNTAX'];
/** the profile rows that apply to each bundled spec (docs/profiles.md, the per-vendor table) */
const APPLICABLE: Record<string, string[]> = {
  linkt: [...EVERYWHERE, ...EVERYWHERE_SECROWS, 'STD-429-DETAILS'],
  linkkit: [...EVERYWHERE, 'STD-HTTP-SCHEME-CASE', 'STD-BEARER-INVALID-TOKEN', ...EVERYWHERE_SECROWS, ...LIMITED],
  linkit: [...EVERYWHERE, 'STD-TOKEN-RESPONSE-NO-STORE', 'SEC-LOGIN-PASSWORD-EXACT', ...EVERYWHERE_SECROWS, 'SEC-LOGIN-NO-ENUMERATION'],
  linkfetch: [...EVERYWHERE, 'STD-HTTP-SCHEME-CASE', 'STD-BEARER-INVALID-TOKEN', ...EVERYWHERE_SECROWS, ...LIMITED],
  linq: [...EVERYWHERE, 'STD-HTTP-SCHEME-CASE', 'STD-BEARER-INVALID-TOKEN', ...EVERYWHERE_SECROWS, ...LIMITED],
};
// challenge parameters and the Bearer challenge rows (the 401/403 status rows are covered by each
// spec's own credential.missing / credential.invalid / scope.denied: profile-status-rows.test.ts)
const BEARER_ROWS = ['STD-BEARER-CHALLENGE', 'STD-BEARER-NO-ERROR-WITHOUT-CREDENTIALS', 'STD-BEARER-ATTR-CHARSET'];
APPLICABLE.linkt!.push('STD-HTTP-AUTHPARAM-ONCE');
APPLICABLE.linkit!.push('STD-HTTP-AUTHPARAM-ONCE', ...BEARER_ROWS);
for (const name of ['linkkit', 'linkfetch', 'linq']) APPLICABLE[name]!.push('STD-HTTP-AUTHPARAM-ONCE', ...BEARER_ROWS, 'STD-BEARER-INSUFFICIENT-SCOPE');

/** the number of profile-matrix-<k>.test.ts files */
export const PROFILE_MATRIX_PARTS = 5;

/** The bundled specs of part `part` (1-based). */
export const specsOfPart = (part: number): string[] => BUNDLED_SPECS.filter((_, i) => i % PROFILE_MATRIX_PARTS === part - 1);

/** The profile matrix of the specs of part `part` (1-based), one test per spec. */
export function describeProfileMatrix(part: number): void {
  describe.each(specsOfPart(part))('%s with --profile standards --profile security', (name) => {
    it('the conformant mock passes every profile case that applies; each applicable profile row has a defect caught by it alone', { timeout: 300_000 }, async () => {
      const spec = await loadSpecWithProfiles(name, ['standards', 'security']);
      const { contract } = spec;
      const mock = await startMock(spec, { port: 0 });
      const planned = planCases(contract, mock.fixtures, { mock: true }).flatMap((p) => p.cases);
      await mock.close();
      const applicable = [...new Set(planned.filter((c) => isProfileRow(c.requirement.id) && c.skip === undefined).map((c) => c.requirement.id))];
      expect([...applicable].sort()).toEqual([...APPLICABLE[name]!].sort());

      // with the rate-limit cases: the 429 rows judge the 429 their exhaustion brings
      const clean = await runAgainstMock(spec, { pick: (c) => c.skip === undefined && (isProfileRow(c.requirement.id) || c.family === 'rate-limits') });
      expect(clean.filter(({ o }) => o.verdict !== 'pass').map(({ c, o }) => `${c.name}: ${o.verdict}: ${o.message}`)).toEqual([]);

      const results = await runDefectMatrix(spec, (id) => applicable.includes(id));
      expect([...new Set(results.map((r) => r.requirement))].sort()).toEqual([...applicable].sort());
      expect(results.filter((r) => r.caught.length === 0).map((r) => r.defect)).toEqual([]);
      expect(results.filter((r) => r.wronglyBlamed.length > 0).map((r) => `${r.defect} → ${r.wronglyBlamed.join(' | ')}`)).toEqual([]);
    });
  });
}
