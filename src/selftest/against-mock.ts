/**
 * Runs every planned case of a contract against its own embedded mock, with defects or conformant
 * variants switched on: the instrument behind the defect matrix and the variant checks. The mock
 * is reset (clock, keys, counters) before every case, as the vitest suite does.
 */
import type { LoadedSpec } from '../spec/mock-config.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { startMock } from '../mock/server.ts';
import { createControlClient } from '../mock/control-client.ts';
import type { Case, Outcome } from '../probes/model.ts';
import { planCases } from '../probes/registry.ts';
import { createProbeContext } from '../probes/context.ts';
import { runCase } from '../probes/run-case.ts';
import { createTransport } from '../transport/client.ts';
import { createOrigins } from '../transport/origins.ts';
import { virtualLatency } from './virtual-latency.ts';
import type { ProbeRequest, ProbeResponse } from '../transport/types.ts';

export interface CaseRun {
  c: Case;
  o: Outcome;
}

export interface MockRunOptions {
  defects?: string[];
  variants?: string[];
  /** only the cases this returns true for */
  pick?: (c: Case) => boolean;
  /** seed of the virtual answer times the timing probe reads (virtual-latency.ts) @default 1 */
  seed?: number;
  /** wraps the probes' send, as undici's compose() wraps a dispatcher (e.g. a target that refuses one key) */
  wrapSend?: (send: Send, fixtures: Fixtures) => Send;
}

type Send = (r: ProbeRequest) => Promise<ProbeResponse>;

export async function runAgainstMock(spec: LoadedSpec, opts: MockRunOptions = {}): Promise<CaseRun[]> {
  const { contract } = spec;
  const latency = virtualLatency(opts.seed ?? 1);
  const mock = await startMock(spec, { port: 0, control: true, defects: opts.defects ?? [], variants: opts.variants ?? [], sleep: latency.sleep });
  const control = createControlClient(mock.url);
  const transport = createTransport({ rateLimitAware: false, useEnvProxy: false });
  const pick = opts.pick ?? (() => true);
  const inner: Send = latency.wrap((r) => transport.send(r));
  const send = opts.wrapSend?.(inner, mock.fixtures) ?? inner;
  const origins = createOrigins(send, mock.url, mock.fixtures.plainUrl);
  try {
    const out: CaseRun[] = [];
    for (const c of planCases(contract, mock.fixtures, { mock: true }).flatMap((p) => p.cases).filter(pick)) {
      await control.reset();
      const ctx = createProbeContext({
        contract,
        fixtures: mock.fixtures,
        origins,
        clock: latency.clock,
        control,
        options: { writes: false, spendQuota: false, maxWaitMs: 65_000 },
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
