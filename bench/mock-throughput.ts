/**
 * Throughput of the mock server against a bare node:http server answering a small JSON, both on
 * loopback, driven by undici (keep-alive, 50 concurrent) with a valid key. Not a test: prints
 * requests/second for both and the ratio. Run: `npx tsx bench/mock-throughput.ts [requests]`.
 *
 * The mock runs the linkfetch contract with `unlimited: true` (rate-limit bookkeeping runs, never a
 * 429), so the limiter does not throttle the benchmark. It is measured in both dispatch modes: the
 * default `direct` one (the ratio that counts) and `msw` (every request through msw's getResponse).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { loadContract } from '../src/spec/load.ts';
import { startMock } from '../src/mock/server.ts';

const TOTAL = Number(process.argv[2] ?? 20_000);
const CONCURRENCY = 50;
const MAX_MS = 5_000;

interface Result {
  requests: number;
  ms: number;
  rps: number;
  statuses: Record<number, number>;
}

async function drive(url: string, headers: Record<string, string>): Promise<Result> {
  const agent = new Agent({ connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 10_000 });
  const statuses: Record<number, number> = {};
  let sent = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (sent < TOTAL && performance.now() - started < MAX_MS) {
      sent++;
      const res = await request(url, { dispatcher: agent, headers });
      await res.body.dump();
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const ms = performance.now() - started;
  await agent.close();
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  return { requests, ms, rps: (requests / ms) * 1000, statuses };
}

async function bare(): Promise<{ url: string; close(): Promise<void> }> {
  const body = JSON.stringify({ name: 'Ada Lovelace', headline: 'Analyst of engines' });
  const server = createServer({ keepAlive: true }, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1/profiles?url=linkedin.com/in/ada-lovelace`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

const contract = await loadContract('linkfetch');
const mock = await startMock(contract, { unlimited: true });
const viaMsw = await startMock(contract, { unlimited: true, dispatch: 'msw' });
const plain = await bare();
const key = mock.fixtures.credentials.valid!.value;
const headers = { authorization: `Bearer ${key}` };
const path = '/v1/profiles?url=linkedin.com/in/ada-lovelace';

// warm-up (JIT, connections)
await drive(plain.url, headers);
await drive(mock.url + path, headers);
await drive(viaMsw.url + path, headers);

const b = await drive(plain.url, headers);
const m = await drive(mock.url + path, headers);
const w = await drive(viaMsw.url + path, headers);
await Promise.all([mock.close(), viaMsw.close(), plain.close()]);

const line = (name: string, r: Result): string =>
  `${name.padEnd(14)} ${String(Math.round(r.rps)).padStart(7)} req/s  (${r.requests} requests in ${Math.round(r.ms)} ms, statuses ${JSON.stringify(r.statuses)})`;
console.log(`node ${process.version}, ${CONCURRENCY} concurrent, keep-alive, up to ${TOTAL} requests or ${MAX_MS} ms each`);
console.log(line('bare node:http', b));
console.log(line('mock (direct)', m));
console.log(line('mock (msw)', w));
console.log(`ratio mock/bare: ${(m.rps / b.rps).toFixed(2)} (dispatch 'direct', the default); ${(w.rps / b.rps).toFixed(2)} (dispatch 'msw')`);
