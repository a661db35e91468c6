/**
 * The loopback server itself: unknown routes (404 JSON, never 200), the plain-HTTP listener of
 * HTTPS-only specs, serving under server base paths, header names written in documented case,
 * every response JSON with a Date from the mock clock.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect } from 'vitest';
import { mockTest as it } from '../support/mock-test.ts';
import type { Contract } from '../../src/spec/contract.ts';
import { startMock } from '../../src/mock/server.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { contractIn, contractOf, everyResponseMatchesItsSpec, loadContracts, MockClient, ResponseLog, SPECS, specFor } from './support.ts';

const log = new ResponseLog();
const CONTRACTS = await loadContracts();

/** Raw response header names (node:http keeps their case; undici lower-cases them). */
function rawHeaderNames(url: string, headers: Record<string, string>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.rawHeaders.filter((_, i) => i % 2 === 0)));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(SPECS)('%s mock: the server', (name) => {
  const spec = contractIn(CONTRACTS, name);
  let contract: Contract;
  let mock: MockServer;
  let client: MockClient;

  it.beforeAll(async ({ mocks }) => {
    ({ contract, mock } = await mocks.start(name, { port: 0 }));
    client = new MockClient(contract, mock, log);
  });

  it('binds to 127.0.0.1 on an ephemeral port', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers unknown routes and unknown methods with 404 JSON, never 200', async () => {
    const probe = contract.operations.find((o) => o.operationId === contract.probeOperation)!;
    const replies = [await client.send('GET', '/no/such/route'), await client.send('DELETE', client.pathOf(probe)), await client.send("GET", `${client.pathOf(probe)}/extra/deeper/still`)];
    expect(replies.map((r) => [r.status, (r.body as { error: string }).error])).toEqual([
      [404, 'not_found'],
      [404, 'not_found'],
      [404, 'not_found'],
    ]);
  });

  if (!spec.transport.httpsOnly) it('specs not HTTPS-only: no plain-HTTP listener', () => {
    expect(mock.plainUrl).toBeUndefined();
  });

  if (spec.transport.httpsOnly) it('HTTPS-only specs: the plain-HTTP listener refuses every request with 403 JSON and serves no data', async () => {
    expect(mock.fixtures.plainUrl).toBe(mock.plainUrl);
    const canary = await client.call(contract.probeOperation, { credential: { ...client.credential('valid'), value: 'canary-not-a-key' }, baseUrl: mock.plainUrl });
    const real = await client.call(contract.probeOperation, { role: 'valid', baseUrl: mock.plainUrl });
    const none = await client.send('GET', '/anything', { baseUrl: mock.plainUrl });
    for (const r of [canary, real, none]) {
      expect([r.status, (r.body as { error: unknown }).error !== undefined]).toEqual([403, true]);
    }
  });

  it('writes header names in the case the spec documents', async () => {
    const valid = client.credential('valid');
    const scheme = contract.schemes.find((s) => s.name === valid.scheme)!;
    const headers = { [scheme.header]: scheme.type === 'bearer' ? `Bearer ${valid.value}` : valid.value, ...Object.fromEntries(contract.requiredHeaders.map((h) => [h.name, h.value])) };
    const op = contract.operations.find((o) => o.operationId === contract.probeOperation)!;
    const names = await rawHeaderNames(mock.url + client.pathOf(op), headers);
    const expected = ['Content-Type', 'Date', 'Content-Length'];
    const rl = contract.rateLimit?.headers;
    if (rl !== undefined) expected.push(rl.limit, rl.remaining, rl.reset);
    for (const e of contract.echoHeaders) expected.push(e.name);
    expect(names.filter((n) => expected.includes(n)).sort()).toEqual([...expected].sort());
  });
});

describe('serving under a server base path', () => {
  it('answers both at the operation path and under the base path of the documented server URL', async () => {
    const base = await contractOf(SPECS[0]!);
    const contract: Contract = { ...base, servers: ['https://api.example.com/base/v9'] };
    const mock = await startMock({ ...specFor(base), contract });
    try {
      const client = new MockClient(contract, mock, log);
      const op = contract.operations.find((o) => o.operationId === contract.probeOperation)!;
      const valid = client.credential('valid');
      const headers = { ...Object.fromEntries(contract.requiredHeaders.map((h) => [h.name, h.value])), ...(await import('./support.ts')).credentialHeaders(contract, valid) };
      const direct = await client.send(op.method, client.pathOf(op), { headers, operation: op });
      const based = await client.send(op.method, `/base/v9${client.pathOf(op)}`, { headers, operation: op });
      const other = await client.send(op.method, `/other${client.pathOf(op)}`, { headers });
      expect([direct.status, based.status, other.status]).toEqual([200, 200, 404]);
    } finally {
      await mock.close();
    }
  });
});

everyResponseMatchesItsSpec(log);
