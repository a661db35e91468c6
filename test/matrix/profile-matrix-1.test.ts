/**
 * Part 1 of the profile defect matrix (profile-matrix.ts): the bundled specs of index 0,
 * PROFILE_MATRIX_PARTS, …; and the check that one file per part exists, so that every bundled spec
 * is in a part that runs.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SPECS } from '../../src/spec/bundled.ts';
import { describeProfileMatrix, PROFILE_MATRIX_PARTS, specsOfPart } from './profile-matrix.ts';

describe('the parts of the profile matrix', () => {
  it('one file per part, and the parts together hold every bundled spec once', () => {
    const files = readdirSync(fileURLToPath(new URL('.', import.meta.url))).filter((f) => /^profile-matrix-\d+\.test\.ts$/.test(f));
    const parts = Array.from({ length: PROFILE_MATRIX_PARTS }, (_, i) => i + 1);
    expect(files.sort()).toEqual(parts.map((k) => `profile-matrix-${k}.test.ts`).sort());
    expect(parts.flatMap(specsOfPart).sort()).toEqual([...BUNDLED_SPECS].sort());
  });
});

describeProfileMatrix(1);
