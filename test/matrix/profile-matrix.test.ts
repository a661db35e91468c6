/**
 * The defect matrix of the profiles: every bundled spec with both profiles layered. Each profile
 * requirement that applies to the spec (a case not skipped at plan time) has a mock defect that
 * fails its own cases and no case of any other requirement, spec or profile; the undamaged mock
 * passes every profile case that applies. The spec's own rows are proven by defect-matrix.test.ts.
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
/** the profile rows that apply to each bundled spec (docs/profiles.md, the per-vendor table) */
const APPLICABLE: Record<string, string[]> = {
  linkt: EVERYWHERE,
  linkkit: [...EVERYWHERE, 'STD-HTTP-SCHEME-CASE', 'STD-BEARER-INVALID-TOKEN'],
  linkit: [...EVERYWHERE, 'STD-TOKEN-RESPONSE-NO-STORE', 'SEC-LOGIN-PASSWORD-EXACT'],
  linkfetch: [...EVERYWHERE, 'STD-HTTP-SCHEME-CASE', 'STD-BEARER-INVALID-TOKEN'],
  linq: [...EVERYWHERE, 'STD-HTTP-SCHEME-CASE', 'STD-BEARER-INVALID-TOKEN'],
};

describe.each(BUNDLED_SPECS)('%s with --profile standards --profile security', (name) => {
  it('the conformant mock passes every profile case that applies; each applicable profile row has a defect caught by it alone', { timeout: 300_000 }, async () => {
    const spec = await loadSpecWithProfiles(name, ['standards', 'security']);
    const { contract } = spec;
    const mock = await startMock(spec, { port: 0 });
    const planned = planCases(contract, mock.fixtures, { mock: true }).flatMap((p) => p.cases);
    await mock.close();
    const applicable = [...new Set(planned.filter((c) => isProfileRow(c.requirement.id) && c.skip === undefined).map((c) => c.requirement.id))];
    expect([...applicable].sort()).toEqual([...APPLICABLE[name]!].sort());

    const clean = await runAgainstMock(spec, { pick: (c) => isProfileRow(c.requirement.id) && c.skip === undefined });
    expect(clean.filter(({ o }) => o.verdict !== 'pass').map(({ c, o }) => `${c.name}: ${o.verdict}: ${o.message}`)).toEqual([]);

    const results = await runDefectMatrix(spec, (id) => applicable.includes(id));
    expect([...new Set(results.map((r) => r.requirement))].sort()).toEqual([...applicable].sort());
    expect(results.filter((r) => r.caught.length === 0).map((r) => r.defect)).toEqual([]);
    expect(results.filter((r) => r.wronglyBlamed.length > 0).map((r) => `${r.defect} → ${r.wronglyBlamed.join(' | ')}`)).toEqual([]);
  });
});
