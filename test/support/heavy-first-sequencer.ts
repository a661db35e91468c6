/**
 * vitest's order of the test files, for a run without vitest's results cache (a fresh clone, CI):
 * the files known to take longest first, then vitest's own order (larger files first). Two workers
 * take files from one queue; a long file taken last leaves one core idle at the end of the run
 * (the matrix and twins files are short texts that run long, so "larger first" put them last).
 * With the cache (every file of the run has a duration), vitest's order is kept: longest first.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** files that run for 10 s or more on the idle 2-core machine, longest first (a hint, not a rule) */
export const LONG_FILES: readonly RegExp[] = [
  /\/test\/matrix\/profile-matrix-1\.test\.ts$/,
  /\/test\/matrix\/defect-matrix\.test\.ts$/,
  /\/test\/independent\/examples\/[^/]+-twins\.test\.ts$/,
  /\/test\/hardening\/hostile-targets\.test\.ts$/,
  /\/test\/mock\/rate-limit-format\.test\.ts$/,
  /\/test\/matrix\/profile-matrix-\d+\.test\.ts$/,
  /\/test\/hardening\/(interrupt|safety-rails|secrets-red-team)\.test\.ts$/,
  /\/test\/report\/(run-reports|shard-merge)\.test\.ts$/,
  /\/test\/profiles\/timing\.test\.ts$/,
  /\/test\/probes\/against-mock\.test\.ts$/,
  /\/test\/hardening\/masker-fuzz-\d+\.test\.ts$/,
];

const rank = (file: TestSpecification): number => {
  const i = LONG_FILES.findIndex((re) => re.test(file.moduleId.replaceAll('\\', '/')));
  return i < 0 ? LONG_FILES.length : i;
};

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const cache = this.ctx.cache;
    const root = this.ctx.config.root;
    const cached = files.every((f) => cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId).replaceAll('\\', '/')}`) !== undefined);
    if (cached) return sorted;
    // Array.prototype.sort is stable: vitest's order within each rank
    return sorted.map((file, i) => ({ file, i, rank: rank(file) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.file);
  }
}
