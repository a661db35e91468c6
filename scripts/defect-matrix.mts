/**
 * The defect matrix over the bundled specs and the matrix examples (src/selftest/matrix-specs.ts). Prints MISSED / BLAMED / SKIPPED lines and the totals;
 * with --write, also writes docs/defect-matrix.md (checked by test/matrix/defect-matrix.test.ts).
 * Run: npx tsx scripts/defect-matrix.mts [--write]
 *
 * Lines printed: MISSED (no case of the defect's own requirement fails), BLAMED
 * (a case of another requirement fails), SKIPPED (a case of another requirement skips: a broken
 * precondition, pointing at the requirement that covers it), then the totals.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract } from '../src/spec/contract.ts';
import { repoRoot } from '../src/spec/bundled.ts';
import { loadMatrixSpec, MATRIX_SPEC_NAMES } from '../src/selftest/matrix-specs.ts';
import { renderMatrix, runDefectMatrix, summarize, type DefectResult } from '../src/selftest/defect-matrix.ts';

const contracts: Contract[] = [];
const results: DefectResult[] = [];
for (const n of MATRIX_SPEC_NAMES) {
  const spec = await loadMatrixSpec(n);
  contracts.push(spec.contract);
  for (const r of await runDefectMatrix(spec)) {
    results.push(r);
    if (r.caught.length === 0) console.log(`MISSED ${r.defect}: ${r.description}`);
    for (const b of r.wronglyBlamed) console.log(`BLAMED ${r.defect} -> ${b}`);
    for (const s of r.skippedElsewhere) console.log(`SKIPPED ${r.defect} -> ${s}`);
  }
}
const s = summarize(contracts, results);
console.log(
  `TOTAL ${s.specs} specs, ${s.requirements} requirements (${s.requirementsWithDefect} with a defect), ${s.defects} defects, ` +
    `${s.caught} caught, ${s.missed} missed, ${s.wronglyBlamed} wrongly blamed, ` +
    `${s.skippedElsewhere} skipped elsewhere (${s.skippedElsewhereCases} cases)`,
);
if (process.argv.includes('--write')) {
  writeFileSync(join(repoRoot, 'docs/defect-matrix.md'), renderMatrix(s, results));
  console.log('wrote docs/defect-matrix.md');
}
