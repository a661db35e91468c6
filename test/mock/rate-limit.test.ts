/**
 * Rate limiting on every bundled spec's mock: documented headers (Limit = plan, Remaining falling by
 * one, Reset in the documented unit inside the window, measured from the mock's Date), 429 with the
 * documented error and Retry-After (agreeing with the body field), recovery after the reset on the
 * mock clock, per-key or per-tenant budgets, and the options that lift or shrink limits.
 */
import { describe, expect } from 'vitest';
import { mockTest as it } from '../support/mock-test.ts';
import type { Contract } from '../../src/spec/contract.ts';
import { startMock } from '../../src/mock/server.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { effectivePlan } from '../../src/mock/limits.ts';
import type { Reply } from './support.ts';
import { contractIn, contractOf, errorById, everyResponseMatchesItsSpec, expectError, loadContracts, MockClient, ResponseLog, seedsRole, SPECS, specFor } from './support.ts';

const log = new ResponseLog();
const CONTRACTS = await loadContracts();

function perMinuteOf(contract: Contract, mock: MockServer): number | undefined {
  return effectivePlan(contract, mock.fixtures.plan)?.windows.find((w) => w.headers)?.max ?? mock.fixtures.rateLimit?.perMinute;
}

async function exhaust(client: MockClient, role: 'valid' | 'scoped', limit: number): Promise<{ accepted: number; limited: Reply }> {
  for (let i = 0; i <= limit + 1; i++) {
    const r = await client.call(client.contract.probeOperation, { role });
    if (r.status === 429) return { accepted: i, limited: r };
  }
  throw new Error(`no 429 within ${limit + 2} requests`);
}

describe.each(SPECS)('%s mock: rate limits', (name) => {
  const spec = contractIn(CONTRACTS, name);
  let contract: Contract;
  let mock: MockServer;
  let client: MockClient;
  let limit: number;

  it.beforeAll(async ({ mocks }) => {
    ({ contract, mock } = await mocks.start(name, { port: 0 }));
    client = new MockClient(contract, mock, log);
    limit = perMinuteOf(contract, mock) ?? 0;
  });

  it('limits the valid key when the spec documents rate limiting, never otherwise', async () => {
    if (contract.rateLimit !== undefined) {
      expect(limit).toBeGreaterThan(0);
      return;
    }
    await client.control('POST', 'reset', {});
    const statuses = new Set<number>();
    for (let i = 0; i < 100; i++) statuses.add((await client.call(contract.probeOperation, { role: 'valid' })).status);
    expect([...statuses]).toEqual([200]);
  });

  if (spec.rateLimit?.headers !== undefined) it('sends the documented headers: Limit = plan, Remaining falling by one, Reset inside the window', async () => {
    const names = contract.rateLimit?.headers;
    await client.control('POST', 'reset', {});
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await client.call(contract.probeOperation, { role: 'valid' }));
    const header = (r: Reply, n: string): number => Number(r.headers[n.toLowerCase()]);
    expect(replies.map((r) => [header(r, names!.limit), header(r, names!.remaining)])).toEqual([
      [limit, limit - 1],
      [limit, limit - 2],
      [limit, limit - 3],
    ]);
    for (const r of replies) {
      const date = Date.parse(r.headers['date']!) / 1000;
      const reset = header(r, names!.reset);
      const delta = contract.rateLimit!.resetUnit === 'delta-seconds' ? reset : reset - date;
      expect(delta).toBeGreaterThan(0);
      expect(delta).toBeLessThanOrEqual(60);
    }
  });

  if (spec.rateLimit !== undefined) it('answers 429 with the documented error and Retry-After once the limit is used up, then recovers after the reset', async () => {
    await client.control('POST', 'reset', {});
    const { accepted, limited } = await exhaust(client, 'valid', limit);
    expect(accepted).toBe(limit);
    expectError(limited, errorById(contract, contract.rateLimit!.error));
    const retryAfter = limited.headers['retry-after'];
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    const field = contract.rateLimit!.retryAfterField;
    if (field !== undefined) expect((limited.body as Record<string, unknown>)[field]).toBe(Number(retryAfter));
    const names = contract.rateLimit!.headers;
    if (names !== undefined) expect(limited.headers[names.remaining.toLowerCase()]).toBe('0');
    await client.advance(Number(retryAfter) * 1000);
    expect((await client.call(contract.probeOperation, { role: 'valid' })).status).toBe(200);
  });

  if (seedsRole(spec, 'scoped') && spec.rateLimit !== undefined) it('keeps budgets per credential or per tenant, as the spec says', async () => {
    await client.control('POST', 'reset', {});
    await exhaust(client, 'valid', limit);
    const sameTenant = await client.call(contract.probeOperation, { role: 'scoped' });
    expect(sameTenant.status).toBe(contract.rateLimit!.perCredential ? 200 : 429);
    if (mock.fixtures.credentials.other_tenant !== undefined) {
      expect((await client.call(contract.probeOperation, { role: 'other_tenant' })).status).toBe(200);
    }
  });
});

describe.each(SPECS)('%s mock: limit options', (name) => {
  if (contractIn(CONTRACTS, name).rateLimit !== undefined) it('unlimited: no 429 past the limit', async () => {
    const contract = await contractOf(name);
    const mock = await startMock(specFor(contract), { unlimited: true });
    try {
      const client = new MockClient(contract, mock, log);
      const limit = perMinuteOf(contract, mock)!;
      const statuses = new Set<number>();
      for (let i = 0; i < limit + 3; i++) statuses.add((await client.call(contract.probeOperation, { role: 'valid' })).status);
      expect([...statuses]).toEqual([200]);
    } finally {
      await mock.close();
    }
  });

  it('rateLimit override: 2 requests per 1 s window, Retry-After of 1 s', async () => {
    const contract = await contractOf(name);
    const mock = await startMock(specFor(contract), { rateLimit: { perWindow: 2, windowMs: 1000 } });
    try {
      const client = new MockClient(contract, mock, log);
      const replies = [];
      for (let i = 0; i < 3; i++) replies.push(await client.call(contract.probeOperation, { role: 'valid' }));
      // the three requests may straddle a window boundary of the (real-time) clock: then the third passes
      const limited = replies.find((r) => r.status === 429);
      if (limited !== undefined) expect(limited.headers['retry-after']).toBe('1');
      expect(replies.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
      expect(mock.fixtures.rateLimit).toEqual({ perMinute: 2 });
    } finally {
      await mock.close();
    }
  });
});

everyResponseMatchesItsSpec(log);
