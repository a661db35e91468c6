/**
 * Issue 13, done-when "a run with writes allowed and quotas not spent completes the Linkt
 * catalogue in under a minute against a 60/min target": the cases that need an exhausted window
 * (exceeded, Retry-After, recovery) share ONE exhaustion per credential and window, and ONE wait
 * for its reset. The catalogue runs case by case as the runner does (a context per case, one
 * SharedSteps store for the run) against the second Linkt reading (60/min, 1,000/day), whose clock
 * is virtual: a wait moves it, so nothing here depends on time. Counted, not timed: how many times
 * the valid key's window was spent (an accepted request followed by a 429) and how many waits.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/spec/load.ts';
import { loadFixtures } from '../../src/fixtures/load-fixtures.ts';
import { planCases } from '../../src/probes/registry.ts';
import { createProbeContext } from '../../src/probes/context.ts';
import { runCase } from '../../src/probes/run-case.ts';
import { SharedSteps } from '../../src/probes/step-memo.ts';
import { createTransport } from '../../src/transport/client.ts';
import { createOrigins } from '../../src/transport/origins.ts';
import { startServer, type Fault } from '../independent/second/linkt-server.ts';
import { fixturesOf } from '../independent/second/readings.ts';

interface Run {
  /** `<requirement id> <title>: <verdict>[: <message>]` of every case that did not pass */
  notPassed: string[];
  passed: number;
  /** times the valid key's window was spent: an accepted request followed by a 429 */
  windowsSpent: number;
  /** the waits the cases asked for, s */
  waits: number[];
}

const contract = await loadContract('linkt');

/** Runs the Linkt catalogue (or the cases `only` keeps) with writes allowed and quotas not spent. */
async function runLinkt(faults: Fault[] = [], only: (name: string) => boolean = () => true): Promise<Run> {
  let offset = 0;
  const waits: number[] = [];
  const server = await startServer(faults, { now: () => Date.now() + offset });
  const transport = createTransport({ rateLimitAware: false, useEnvProxy: false });
  try {
    const c = server.credentials;
    const env = { LINKT2_KEY: c.valid, LINKT2_DELETED_KEY: c.deleted, LINKT2_SCOPED_KEY: c.scoped, LINKT2_OTHER_KEY: c.other_tenant, LINKT2_ICP_ID: c.icp_id };
    const { fixtures } = await loadFixtures(fixturesOf('linkt'), contract, env);
    const shared = new SharedSteps();
    const validStatuses: number[] = [];
    const run: Run = { notPassed: [], passed: 0, windowsSpent: 0, waits };
    for (const testCase of planCases(contract, fixtures, { mock: false }).flatMap((p) => p.cases).filter((x) => only(x.name))) {
      const ctx = createProbeContext({
        contract,
        fixtures,
        origins: createOrigins(async (req) => {
          const res = await transport.send(req);
          if (Object.values(req.headers).includes(c.valid)) validStatuses.push(res.status);
          return res;
        }, server.url, fixtures.plainUrl),
        options: { writes: true, spendQuota: false, maxWaitMs: 65_000 },
        shared,
        sleep: async (ms) => {
          waits.push(Math.round(ms / 1000));
          offset += ms;
        },
      });
      const o = await runCase(testCase, ctx);
      if (o.verdict === 'pass') run.passed += 1;
      else run.notPassed.push(`${testCase.name}: ${o.verdict}: ${o.message}`);
    }
    run.windowsSpent = validStatuses.filter((s, i) => s === 429 && i > 0 && validStatuses[i - 1] !== 429).length;
    return run;
  } finally {
    await transport.close();
    await server.close();
  }
}

const SKIPPED = [
  'LINKT-KEY-01 revoked key is refused right away: skip: needs the mock\'s clock',
  'LINKT-RATE-05 exceeding 1000 requests per day gives 429: skip: exhausting the P1D limit (1000 requests) on a real target spends the quota; run with --spend-quota',
];

describe('one exhaustion per credential and window, shared by the cases that need it', () => {
  it('a --writes run of the Linkt catalogue spends the per-minute window once and waits once, every case passing', async () => {
    const run = await runLinkt();
    expect(run.notPassed).toEqual(SKIPPED);
    expect({ passed: run.passed, windowsSpent: run.windowsSpent, waits: run.waits.length }).toEqual({ passed: 20, windowsSpent: 1, waits: 1 });
  });

  it('each case that needs an exhausted window passes alone (--only), spending the window itself', async () => {
    for (const id of ['LINKT-RATE-06', 'LINKT-RATE-07']) {
      const run = await runLinkt([], (name) => name.startsWith(id));
      expect({ id, ...run }).toEqual({ id, notPassed: [], passed: 1, windowsSpent: 1, waits: id === 'LINKT-RATE-07' ? [run.waits[0]] : [] });
    }
  });

  it('a fault in the shared 429 fails only its own requirement; the case reading the same 429 skips with a pointer to it', async () => {
    const run = await runLinkt(['no-retry-after-field'], (name) => name.startsWith('LINKT-RATE-0'));
    expect(run.notPassed.map((line) => line.replace(/: (Expected|precondition not met).*/, ': $1 …'))).toEqual([
      'LINKT-RATE-05 exceeding 60 requests per minute gives 429: fail: Expected …',
      SKIPPED[1],
      'LINKT-RATE-06 429 carries a valid Retry-After: skip: precondition not met …',
    ]);
    expect(run.notPassed[2]).toContain('see LINKT-RATE-05');
    expect({ windowsSpent: run.windowsSpent, waits: run.waits.length }).toEqual({ windowsSpent: 1, waits: 1 });
  });
});
