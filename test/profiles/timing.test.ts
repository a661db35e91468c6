/**
 * The timing probe (SEC-TIMING-NO-ENUMERATION) on the in-process mock with seeded virtual answer
 * times (src/selftest/virtual-latency.ts: lognormal loopback noise with stalls, no real time
 * passes): the conformant mock passes 20 runs of 20 different seeds (false-alarm rate 0 of 20), and
 * the defect adding 5 ms to refusals of keys the mock knows is caught at the default budget in each
 * of 5 seeds. The verdicts depend on the seeds only, never on the machine's load.
 */
import { describe, expect, it } from 'vitest';
import { loadSpecWithProfiles } from '../../src/spec/layer-profiles.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';

const ID = 'SEC-TIMING-NO-ENUMERATION';
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
/** the defect's runs: fewer seeds keep the file fast; each is caught */
const DEFECT_SEEDS = SEEDS.slice(0, 5);

async function timingRuns(defects: string[], seeds: number[]) {
  const spec = await loadSpecWithProfiles('linkfetch', ['security']);
  const out = [];
  for (const seed of seeds) {
    const [run] = await runAgainstMock(spec, { defects, seed, pick: (c) => c.requirement.id === ID });
    out.push(run!.o);
  }
  return out;
}

describe('the timing probe', () => {
  it('passes the conformant mock in 20 of 20 seeded runs, stating effect sizes and p-values', { timeout: 120_000 }, async () => {
    const outcomes = await timingRuns([], SEEDS);
    expect(outcomes.map((o) => o.verdict)).toEqual(SEEDS.map(() => 'pass'));
    for (const o of outcomes) {
      expect(o.message).toMatch(/^no difference of 5 ms or more detected over 200 requests \(20 warm-up, 60 per class, planned for 5 ms at α 0\.001, power 0\.95\): /);
      expect(o.message).toMatch(/unknown key and valid-prefix key.*shift -?\d+\.\d\d ms \(95% CI .*\), P\(valid-prefix key > unknown key\) = \d\.\d\d, p = [\d.e-]+, n = 60\+60/);
      expect(o.message).toContain('revoked key');
    }
  });

  it('catches 5 ms added to refusals of known keys in 5 of 5 seeded runs', { timeout: 120_000 }, async () => {
    const outcomes = await timingRuns([ID], DEFECT_SEEDS);
    expect(outcomes.map((o) => o.verdict)).toEqual(DEFECT_SEEDS.map(() => 'fail'));
    for (const o of outcomes) {
      expect(o.message).toMatch(/^Response times tell keys apart: valid-prefix key answers slower than unknown key: shift [4-6]\.\d\d ms/);
      expect(o.message).toMatch(/revoked key answers slower than unknown key: shift [4-6]\.\d\d ms .*p = [\d.e-]+, n = 60\+60 \(p < 0\.001, \|shift\| ≥ 2\.50 ms\)/);
    }
  });
});
