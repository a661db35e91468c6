/**
 * The defect matrix (issue "Probes"): for every requirement of every bundled spec, each of its mock
 * defects must make a case of that requirement fail and leave every other case passing; every
 * requirement must have a defect; and the undamaged mock passes everything. Prints the summary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../src/spec/contract.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { loadMatrixSpec, MATRIX_SPEC_NAMES } from '../../src/selftest/matrix-specs.ts';
import { renderMatrix, runDefectMatrix, summarize, type DefectResult } from '../../src/selftest/defect-matrix.ts';

const contracts: Contract[] = [];
const results: DefectResult[] = [];

afterAll(() => {
  if (contracts.length === 0) return;
  const s = summarize(contracts, results);
  console.log(
    `defect matrix: ${s.specs} specs, ${s.requirements} requirements (${s.requirementsWithDefect} with a defect), ` +
      `${s.defects} defects, ${s.caught} caught, ${s.missed} missed, ${s.wronglyBlamed} wrongly blamed, ` +
      `${s.skippedElsewhere} skipped elsewhere (${s.skippedElsewhereCases} cases)`,
  );
});

describe.each(MATRIX_SPEC_NAMES)('%s defect matrix', (name) => {
  it('every requirement has a defect; each defect fails exactly its own requirement', { timeout: 120_000 }, async () => {
    const spec = await loadMatrixSpec(name);
    const { contract } = spec;
    const mine = await runDefectMatrix(spec);
    contracts.push(contract);
    results.push(...mine);

    const covered = new Set(mine.map((r) => r.requirement));
    expect(contract.requirements.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(mine.filter((r) => r.caught.length === 0).map((r) => r.defect)).toEqual([]);
    expect(mine.filter((r) => r.wronglyBlamed.length > 0).map((r) => `${r.defect} → ${r.wronglyBlamed.join(' | ')}`)).toEqual([]);
  });
});

describe('docs/defect-matrix.md', () => {
  it('is the table of this run (npx tsx scripts/defect-matrix.mts --write)', () => {
    expect(contracts.map((c) => c.name)).toEqual([...MATRIX_SPEC_NAMES]);
    const ordered = MATRIX_SPEC_NAMES.flatMap((n) => results.filter((r) => r.spec === n));
    expect(readFileSync(join(repoRoot, 'docs/defect-matrix.md'), 'utf8')).toBe(renderMatrix(summarize(contracts, ordered), ordered));
  });
});
