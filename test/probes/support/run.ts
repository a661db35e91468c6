/** Plans a contract and runs one case (found by title) against a target through the real transport. */
import type { Contract } from '../../../src/spec/contract.ts';
import type { Fixtures } from '../../../src/fixtures/fixtures.ts';
import type { Case, MockControl, Outcome, RunOptions } from '../../../src/probes/model.ts';
import { planCases } from '../../../src/probes/registry.ts';
import { createProbeContext } from '../../../src/probes/context.ts';
import { runCase } from '../../../src/probes/run-case.ts';
import { createTransport } from '../../../src/transport/client.ts';
import { createOrigins } from '../../../src/transport/origins.ts';

export interface RunOne {
  contract: Contract;
  fixtures: Fixtures;
  baseUrl: string;
  /** exact case title */
  title: string;
  control?: MockControl;
  options?: Partial<RunOptions>;
  sleep?: (ms: number) => Promise<void>;
  announce?: (what: string, ms: number) => void;
}

export function allCases(contract: Contract, fixtures: Fixtures, mock: boolean): Case[] {
  return planCases(contract, fixtures, { mock }).flatMap((p) => p.cases);
}

export function findCase(cases: Case[], title: string): Case {
  const c = cases.find((x) => x.title === title);
  if (!c) throw new Error(`no case titled "${title}"; have: ${cases.map((x) => x.title).join(' | ')}`);
  return c;
}

export async function runOne(o: RunOne): Promise<Outcome> {
  const c = findCase(allCases(o.contract, o.fixtures, o.control !== undefined), o.title);
  const transport = createTransport({ rateLimitAware: false, timeoutMs: 2000, useEnvProxy: false });
  try {
    const ctx = createProbeContext({
      contract: o.contract,
      fixtures: o.fixtures,
      origins: createOrigins((r) => transport.send(r), o.baseUrl, o.fixtures.plainUrl),
      ...(o.control === undefined ? {} : { control: o.control }),
      options: { writes: false, spendQuota: false, maxWaitMs: 65_000, ...o.options },
      ...(o.sleep === undefined ? {} : { sleep: o.sleep }),
      ...(o.announce === undefined ? {} : { announce: o.announce }),
    });
    return await runCase(c, ctx);
  } finally {
    await transport.close();
  }
}
