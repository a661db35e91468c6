/**
 * The defect matrix (issue "Probes"): for every requirement of every bundled spec, each of its mock
 * defects must make a case of that requirement fail and leave every other case passing; every
 * requirement must have a defect; and the undamaged mock passes everything. Prints the summary.
 *
 * One test per requirement (its defects' runs), so a loaded machine stretches many short tests
 * instead of one long one per spec.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDefects } from '../../src/mock/defects.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { loadMatrixSpec, MATRIX_SPEC_NAMES } from '../../src/selftest/matrix-specs.ts';
import { renderMatrix, runDefectMatrix, summarize, type DefectResult } from '../../src/selftest/defect-matrix.ts';

const specs = await Promise.all(MATRIX_SPEC_NAMES.map((name) => loadMatrixSpec(name)));
/** results by defect id, per spec (filled by the tests below, read by the summary and the docs check) */
const results = new Map<string, Map<string, DefectResult>>(MATRIX_SPEC_NAMES.map((n) => [n, new Map()]));

/** every result so far, in the matrix's order: spec by spec, each in its defect list's order */
function ordered(): DefectResult[] {
  return specs.flatMap((spec) => {
    const mine = results.get(spec.contract.name)!;
    return listDefects(spec).flatMap((d) => mine.get(d.id) ?? []);
  });
}

afterAll(() => {
  const all = ordered();
  if (all.length === 0) return;
  const s = summarize(
    specs.map((x) => x.contract),
    all,
  );
  console.log(
    `defect matrix: ${s.specs} specs, ${s.requirements} requirements (${s.requirementsWithDefect} with a defect), ` +
      `${s.defects} defects, ${s.caught} caught, ${s.missed} missed, ${s.wronglyBlamed} wrongly blamed, ` +
      `${s.skippedElsewhere} skipped elsewhere (${s.skippedElsewhereCases} cases)`,
  );
});

describe.each(specs.map((spec) => [spec.contract.name, spec] as const))('%s defect matrix', (name, spec) => {
  const defects = listDefects(spec);

  it('every requirement has a defect', () => {
    const covered = new Set(defects.map((d) => d.requirement));
    expect(spec.contract.requirements.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const requirement of spec.contract.requirements) {
    const mine = defects.filter((d) => d.requirement === requirement.id);
    if (mine.length === 0) continue;
    it(`${requirement.id}: each of its ${mine.length} defect(s) fails exactly this requirement`, { timeout: 120_000 }, async () => {
      const runs = await runDefectMatrix(spec, (id) => id === requirement.id);
      for (const r of runs) results.get(name)!.set(r.defect, r);
      expect(runs.map((r) => r.defect)).toEqual(mine.map((d) => d.id));
      expect(runs.filter((r) => r.caught.length === 0).map((r) => r.defect)).toEqual([]);
      expect(runs.filter((r) => r.wronglyBlamed.length > 0).map((r) => `${r.defect} → ${r.wronglyBlamed.join(' | ')}`)).toEqual([]);
    });
  }
});

describe('docs/defect-matrix.md', () => {
  it('is the table of this run (npx tsx scripts/defect-matrix.mts --write)', () => {
    const all = ordered();
    expect(all.length).toBe(specs.reduce((n, spec) => n + listDefects(spec).length, 0));
    expect(readFileSync(join(repoRoot, 'docs/defect-matrix.md'), 'utf8')).toBe(
      renderMatrix(
        summarize(
          specs.map((x) => x.contract),
          all,
        ),
        all,
      ),
    );
  });
});
