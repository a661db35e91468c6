/**
 * The 401/403 status rows of the standards profile. Every bundled spec pins 401 for a missing or
 * unknown key and 403 for a scope refusal, so there the rows are "covered by" the spec's own
 * requirements (profile-matrix.ts). Here linkfetch is loaded with a spec requirement that
 * leaves the status free (it allows 401 or 403): the row then judges the request, the conformant
 * mock passes it, and its defect is caught by it alone. A spec documenting the other status only
 * makes the row fail with a hint to waive it; the waiver turns the case into a skip.
 */
import { describe, expect, it } from 'vitest';
import type { Contract, ErrorSpec, Requirement } from '../../src/spec/contract.ts';
import type { LoadedSpec } from '../../src/spec/mock-config.ts';
import { loadSpecWithProfiles } from '../../src/spec/layer-profiles.ts';
import { runDefectMatrix } from '../../src/selftest/defect-matrix.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';

/** linkfetch with both profiles, the errors of the first `kind` requirement replaced. */
async function linkfetchWith(kind: Requirement['kind'], errors: (c: Contract) => ErrorSpec[]): Promise<LoadedSpec> {
  const spec = await loadSpecWithProfiles('linkfetch', ['standards', 'security']);
  const c = spec.contract;
  const at = c.requirements.findIndex((r) => r.kind === kind);
  const requirements = c.requirements.map((r, i) => (i === at ? ({ ...r, errors: errors(c) } as Requirement) : r));
  return { ...spec, contract: { ...c, requirements } };
}

const verdicts = async (c: LoadedSpec, id: string) =>
  (await runAgainstMock(c, { pick: (x) => x.requirement.id === id })).map(({ o }) => `${o.verdict}: ${o.message}`);

describe.each([
  {
    row: 'STD-HTTP-401-UNAUTHENTICATED',
    kind: 'credential.missing' as const,
    free: (c: Contract) => [c.errors.missing_key!, c.errors.scope_denied!],
    skippers: ['STD-BEARER-CHALLENGE', 'STD-BEARER-NO-ERROR-WITHOUT-CREDENTIALS'],
  },
  {
    row: 'STD-HTTP-403-FOR-VALID-CREDENTIALS',
    kind: 'scope.denied' as const,
    free: (c: Contract) => [c.errors.scope_denied!, c.errors.invalid_key!],
    skippers: ['STD-BEARER-INSUFFICIENT-SCOPE'],
  },
])('$row where the spec leaves the status free', ({ row, kind, free, skippers }) => {
  it('the conformant mock passes; its defect fails this row and no other requirement, spec or profile', { timeout: 300_000 }, async () => {
    const c = await linkfetchWith(kind, free);
    expect(await verdicts(c, row)).toEqual([expect.stringMatching(/^pass: /)]);
    const results = await runDefectMatrix(c, (id) => id === row);
    expect(results.map((r) => [r.defect, r.caught.length > 0, r.wronglyBlamed])).toEqual([[row, true, []]]);
    // the Bearer rows that needed the standard's status skip pointing at this row
    expect(results[0]!.skippedElsewhere.filter((s) => /^STD-/.test(s) && s.includes('precondition not met')).map((s) => [s.split(' ')[0], s.includes(`see ${row}`)])).toEqual(
      skippers.map((id) => [id, true]),
    );
  });
});

describe('a spec documenting another status', () => {
  it('STD-HTTP-401-UNAUTHENTICATED fails against the mock with a hint to waive it; the waiver makes it a skip with the reason', { timeout: 120_000 }, async () => {
    const c = await linkfetchWith('credential.missing', (x) => [x.errors.scope_denied!]);
    expect(await verdicts(c, 'STD-HTTP-401-UNAUTHENTICATED')).toEqual([
      'fail: Expected 401, got 403; 403 documented (LINKFETCH-AUTH-02): waive STD-HTTP-401-UNAUTHENTICATED with the doc\'s words if that status is the API\'s documented answer for GET /v1/profiles (no credential)',
    ]);
    const waived = { ...c, contract: { ...c.contract, waivers: [{ id: 'STD-HTTP-401-UNAUTHENTICATED', reason: 'Docs: "403 | No API key"' }] } };
    expect(await verdicts(waived, 'STD-HTTP-401-UNAUTHENTICATED')).toEqual(['skip: waived: Docs: "403 | No API key"']);
  });
});
