/**
 * Every bundled spec against its own embedded mock (control API on, reset before every case).
 * Probes and mock are written from the same TEAM-NOTES semantics by different people; this is
 * where they have to agree:
 * - the conformant mock passes every planned case, also with every conformant variant switched on
 *   (other messages, extra fields, header case, other key strings, Retry-After as an HTTP-date);
 * - each mock defect fails at least one case of the requirement it breaks.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/spec/contract.ts';
import { loadContract } from '../../src/spec/load.ts';
import { presentBundledSpecs } from '../../src/spec/bundled.ts';
import { startMock } from '../../src/mock/server.ts';
import { listDefects } from '../../src/mock/defects.ts';
import { createControlClient } from '../../src/mock/control-client.ts';
import type { Case, Outcome } from '../../src/probes/model.ts';
import { planCases } from '../../src/probes/registry.ts';
import { createProbeContext } from '../../src/probes/context.ts';
import { runCase } from '../../src/probes/run-case.ts';
import { createTransport } from '../../src/transport/client.ts';

/** Defects no probe can catch, by id, with the reason (each one is a finding for the mock or the spec). None today. */
const UNDETECTABLE: Record<string, string> = {};

interface Run {
  c: Case;
  o: Outcome;
}

async function runAgainstMock(
  contract: Contract,
  opts: { defects?: string[]; variants?: string[] },
  pick: (c: Case) => boolean = () => true,
): Promise<Run[]> {
  const mock = await startMock(contract, { port: 0, control: true, ...opts });
  const control = createControlClient(mock.url);
  const transport = createTransport({ rateLimitAware: false, useEnvProxy: false });
  try {
    const out: Run[] = [];
    for (const c of planCases(contract, mock.fixtures, { mock: true }).flatMap((p) => p.cases).filter(pick)) {
      await control.reset();
      const ctx = createProbeContext({
        contract,
        fixtures: mock.fixtures,
        baseUrl: mock.url,
        send: (r) => transport.send(r),
        control,
        options: { destructive: false, maxWaitMs: 65_000 },
      });
      out.push({ c, o: await runCase(c, ctx) });
    }
    return out;
  } finally {
    await transport.close();
    await control.close();
    await mock.close();
  }
}

const notPassing = (runs: Run[]): string[] =>
  runs.filter(({ o }) => o.verdict !== 'pass').map(({ c, o }) => `${c.name}: ${o.verdict}: ${o.message}`);

for (const name of presentBundledSpecs()) {
  describe(`${name} against its mock`, () => {
    it('passes every planned case', async () => {
      const runs = await runAgainstMock(await loadContract(name), {});
      expect(runs.length).toBeGreaterThan(0);
      expect(notPassing(runs)).toEqual([]);
    });

    it('passes every planned case with every conformant variant', async () => {
      expect(notPassing(await runAgainstMock(await loadContract(name), { variants: ['all'] }))).toEqual([]);
    });

    it("fails a case of each defect's requirement", { timeout: 60_000 }, async () => {
      const contract = await loadContract(name);
      const missed: string[] = [];
      for (const d of listDefects(contract)) {
        const runs = await runAgainstMock(contract, { defects: [d.id] }, (c) => c.requirement.id === d.requirement);
        const caught = runs.some(({ o }) => o.verdict === 'fail');
        if (caught === (d.id in UNDETECTABLE)) missed.push(`${d.id} (${d.description}): ${caught ? 'caught, but listed as undetectable' : 'not caught'}`);
      }
      expect(missed).toEqual([]);
    });
  });
}
