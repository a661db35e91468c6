/**
 * GitHub-shaped rate limits (issue 10), both ways on the mock of test/fixtures/rate-github: the
 * anonymous plan (`as: anonymous` on limit, reset, exceeded, recovery), ratelimit.used,
 * ratelimit.resource, ratelimit.secondary and the primary error's `headerEquals`. The conformant
 * mock passes every case; each defect fails exactly its own requirement.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/spec/bundled.ts';
import { loadContract, loadSpec } from '../../src/spec/load.ts';
import { runDefectMatrix } from '../../src/selftest/defect-matrix.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';
import { tempDir } from '../support/temp-dir.ts';

const DIR = join(repoRoot, 'test/fixtures/rate-github');
const SPEC = join(DIR, 'rate-github.yaml');

/** The test spec with one text edit, in a temporary folder beside copies of its seed and doc. */
function edited(from: RegExp, to: string): string {
  const dir = tempDir('ac-rate-github-');
  for (const f of ['seed.yaml', 'rate-github-auth.txt']) copyFileSync(join(DIR, f), join(dir, f));
  const text = readFileSync(SPEC, 'utf8');
  expect(from.test(text)).toBe(true);
  writeFileSync(join(dir, 'spec.yaml'), text.replace(from, to));
  return join(dir, 'spec.yaml');
}

describe('rate-github: anonymous plan, Used, Resource, secondary limits', () => {
  it('the conformant mock passes every case', { timeout: 120_000 }, async () => {
    const runs = await runAgainstMock(await loadSpec(SPEC));
    expect(runs.filter(({ o }) => o.verdict !== 'pass').map(({ c, o }) => `${c.requirement.id} ${o.verdict}: ${o.message}`)).toEqual([]);
    expect(runs.map(({ c }) => c.requirement.id)).toEqual([
      'RG-AUTH-01', 'RG-AUTH-02', 'RG-AUTH-02', 'RG-RATE-01', 'RG-RATE-02', 'RG-RATE-03', 'RG-RATE-04', 'RG-RATE-07', 'RG-RATE-05', 'RG-RATE-06', 'RG-RATE-10', 'RG-RATE-08', 'RG-RATE-09',
    ]);
  });

  it('each defect fails exactly its own requirement', { timeout: 300_000 }, async () => {
    const results = await runDefectMatrix(await loadSpec(SPEC));
    expect(results.map((r) => r.defect)).toEqual([
      'RG-AUTH-01', 'RG-AUTH-02', 'RG-AUTH-02/wrong-error', 'RG-RATE-01', 'RG-RATE-01/omitted', 'RG-RATE-02', 'RG-RATE-03', 'RG-RATE-04',
      'RG-RATE-05', 'RG-RATE-05/frozen', 'RG-RATE-06', 'RG-RATE-06/varies', 'RG-RATE-07', 'RG-RATE-08', 'RG-RATE-08/never', 'RG-RATE-09',
      'RG-RATE-10', 'RG-RATE-10/primary-like',
    ]);
    expect(results.filter((r) => r.caught.length === 0).map((r) => r.defect)).toEqual([]);
    expect(results.filter((r) => r.wronglyBlamed.length > 0).map((r) => `${r.defect} → ${r.wronglyBlamed.join(' | ')}`)).toEqual([]);
  });

  it('validate refuses as: anonymous without the anonymous plan, and a secondary limit naming no error', async () => {
    const problem = (pointer: string, message: RegExp) => ({ code: 'AC_SPEC_INVALID', problems: expect.arrayContaining([expect.objectContaining({ pointer, message: expect.stringMatching(message) })]) });
    await expect(loadContract(edited(/    anonymous:\n      limits: .*\n/, ''))).rejects.toMatchObject(
      problem('/x-authconform/requirements/4/as', /^requirement RG-RATE-03 is about requests without credentials, but x-authconform.rateLimit has no "anonymous" plan$/),
    );
    await expect(loadContract(edited(/error: secondary_limited, retryAfter/, 'error: secondary_limit, retryAfter'))).rejects.toMatchObject(
      problem('/x-authconform/rateLimit/secondary/0/error', /^rateLimit.secondary\[0\] names error "secondary_limit"/),
    );
  });
});
