/**
 * Every bundled spec against its own embedded mock (control API on, reset before every case).
 * Probes and mock are written from the same TEAM-NOTES semantics by different people; this is
 * where they have to agree:
 * - the conformant mock passes every planned case, also with every conformant variant switched on
 *   (other messages, extra fields, header case, other key strings, Retry-After as an HTTP-date);
 * The defects are proven in test/matrix/defect-matrix.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.ts';
import { presentBundledSpecs } from '../../src/spec/bundled.ts';
import { runAgainstMock, type CaseRun } from '../../src/selftest/against-mock.ts';

type Run = CaseRun;

const notPassing = (runs: Run[]): string[] =>
  runs.filter(({ o }) => o.verdict !== 'pass').map(({ c, o }) => `${c.name}: ${o.verdict}: ${o.message}`);

for (const name of presentBundledSpecs()) {
  describe(`${name} against its mock`, () => {
    it('passes every planned case', async () => {
      const runs = await runAgainstMock(await loadSpec(name));
      expect(runs.length).toBeGreaterThan(0);
      expect(notPassing(runs)).toEqual([]);
    });

    it('passes every planned case with every conformant variant', async () => {
      expect(notPassing(await runAgainstMock(await loadSpec(name), { variants: ['all'] }))).toEqual([]);
    });
  });
}
