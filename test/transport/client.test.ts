import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { createTransport } from '../../src/transport/client.ts';
import { RequestBudget } from '../../src/transport/budget.ts';
import { isTransportError } from '../../src/transport/errors.ts';
import { sendExchange } from '../../src/transport/exchange.ts';
import type { Transport } from '../../src/transport/types.ts';
import { caught, startServer, type TestServer } from './servers.ts';

let server: TestServer | undefined;
let transport: Transport | undefined;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = undefined;
  server = undefined;
});

describe('transport: responses', () => {
  it('parses a 200 JSON response, its headers and its Date', async () => {
    server = await startServer((_req, res) => {
      res.setHeader('Date', 'Sun, 06 Nov 1994 08:49:37 GMT');
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('X-RateLimit-Remaining', '41');
      res.end('{"id":7,"name":"ü"}');
    });
    transport = createTransport({ timeoutMs: 2000 });
    const res = await transport.send({ method: 'GET', url: `${server.url}/v1/me`, headers: {} });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: 7, name: 'ü' });
    expect(res.jsonError).toBeUndefined();
    expect(res.body).toBe('{"id":7,"name":"ü"}');
    expect(res.truncated).toBe(false);
    expect(res.date).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-ratelimit-remaining']).toBe('41');
    expect(res.rawHeaderNames.slice(0, 3)).toEqual(['Date', 'Content-Type', 'X-RateLimit-Remaining']);
    expect(res.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(transport.requestsSent).toBe(1);
  });

  it('parses +json media types', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      res.end('{"title":"Unauthorized"}');
    });
    transport = createTransport({ timeoutMs: 2000 });
    const res = await transport.send({ method: 'GET', url: server.url, headers: {} });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ title: 'Unauthorized' });
  });

  it('reports invalid JSON under application/json as jsonError without throwing or quoting the body', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('not json sk_live_secret');
    });
    transport = createTransport({ timeoutMs: 2000 });
    const res = await transport.send({ method: 'GET', url: server.url, headers: {} });
    expect(res.json).toBeUndefined();
    expect(res.jsonError).toBe('body is not valid JSON (23 bytes)');
    expect(res.body).toBe('not json sk_live_secret');
  });

  it('does not parse non-JSON content types', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('{"a":1}');
    });
    transport = createTransport({ timeoutMs: 2000 });
    const res = await transport.send({ method: 'GET', url: server.url, headers: {} });
    expect(res.json).toBeUndefined();
    expect(res.jsonError).toBeUndefined();
  });

  it('sends header names exactly as given, and the body', async () => {
    let seen: { raw: string[]; body: string; method: string } | undefined;
    server = await startServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen = { raw: req.rawHeaders, body, method: req.method ?? '' };
        res.end();
      });
    });
    transport = createTransport({ timeoutMs: 2000 });
    await transport.send({
      method: 'POST',
      url: `${server.url}/v1/keys`,
      headers: { 'X-API-Key': 'k_123', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe('{"a":1}');
    const names = seen?.raw.filter((_, i) => i % 2 === 0) ?? [];
    expect(names.includes('X-API-Key')).toBe(true);
    expect(seen?.raw[seen.raw.indexOf('X-API-Key') + 1]).toBe('k_123');
  });

  it('joins repeated response headers with ", " and keeps raw names in order', async () => {
    server = await startServer((_req, res) => {
      res.setHeader('WWW-Authenticate', ['Bearer realm="api"', 'ApiKey']);
      res.end();
    });
    transport = createTransport({ timeoutMs: 2000 });
    const res = await transport.send({ method: 'GET', url: server.url, headers: {} });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api", ApiKey');
    expect(res.rawHeaderNames.filter((n) => n === 'WWW-Authenticate').length).toBe(2);
  });

  it('returns a 3xx as is, without following it', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/start') {
        res.writeHead(302, { location: '/elsewhere' });
        res.end();
      } else {
        res.end('followed');
      }
    });
    transport = createTransport({ timeoutMs: 2000 });
    const res = await transport.send({
      method: 'GET',
      url: `${server.url}/start`,
      headers: { authorization: 'Bearer abc' },
    });
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe('/elsewhere');
    expect(server.requests).toBe(1);
  });

  it('does not treat a HEAD response content-length as a body over the cap', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '5000', 'content-type': 'application/json' });
      res.end();
    });
    transport = createTransport({ timeoutMs: 2000, maxBodyBytes: 100 });
    const res = await transport.send({ method: 'HEAD', url: server.url, headers: {} });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.jsonError).toBeUndefined();
  });

  it('rejects a bad URL with AC_INVALID_URL without taking from the budget', async () => {
    const budget = new RequestBudget(5);
    transport = createTransport({ budget });
    const err = await caught(() => transport!.send({ method: 'GET', url: 'ftp://example.com/x', headers: {} }));
    expect(err.code).toBe('AC_INVALID_URL');
    expect(err.message).toBe('invalid URL: scheme ftp: is not http: or https:');
    const err2 = await caught(() => transport!.send({ method: 'GET', url: '/relative', headers: {} }));
    expect(err2.code).toBe('AC_INVALID_URL');
    expect(budget.used).toBe(0);
    expect(transport.requestsSent).toBe(0);
  });

  it('limits concurrent requests per origin to `concurrency`', async () => {
    let active = 0;
    let peak = 0;
    server = await startServer((_req, res) => {
      active += 1;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active -= 1;
        res.end('ok');
      }, 20);
    });
    transport = createTransport({ timeoutMs: 2000, concurrency: 2 });
    const t = transport;
    const url = server.url;
    await Promise.all(Array.from({ length: 6 }, () => t.send({ method: 'GET', url, headers: {} })));
    expect(peak).toBe(2);
    expect(server.requests).toBe(6);
  });

  it('sendExchange captures a TransportError instead of throwing', async () => {
    transport = createTransport();
    const ex = await sendExchange(transport, { method: 'GET', url: 'nope', headers: {} });
    expect(ex.response).toBeUndefined();
    expect(isTransportError(ex.error)).toBe(true);
    expect(ex.error?.code).toBe('AC_INVALID_URL');
  });
});

describe('transport: request budget', () => {
  it('lets exactly `max` of 10 concurrent sends reach the server', async () => {
    server = await startServer((_req, res) => setTimeout(() => res.end('ok'), 10));
    const budget = new RequestBudget(3);
    transport = createTransport({ timeoutMs: 2000, budget });
    const t = transport;
    const url = server.url;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => t.send({ method: 'GET', url, headers: {} })),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string; message: string }] : []));
    expect(fulfilled.length).toBe(3);
    expect(rejected.length).toBe(7);
    expect(new Set(rejected.map((e) => e.code))).toEqual(new Set(['AC_BUDGET_EXHAUSTED']));
    expect(rejected[0]?.message).toBe('request budget of 3 exhausted (--max-requests)');
    expect(server.requests).toBe(3);
    expect(budget.used).toBe(3);
    expect(transport.requestsSent).toBe(3);
  });

  it('is shared between transports', async () => {
    server = await startServer((_req, res) => res.end());
    const budget = new RequestBudget(1);
    transport = createTransport({ budget });
    const other = createTransport({ budget });
    await transport.send({ method: 'GET', url: server.url, headers: {} });
    const err = await caught(() => other.send({ method: 'GET', url: server!.url, headers: {} }));
    await other.close();
    expect(err.code).toBe('AC_BUDGET_EXHAUSTED');
    expect(server.requests).toBe(1);
  });

  it('unit: tryTake, used, remaining, unlimited, validation', () => {
    const b = new RequestBudget(2);
    expect([b.tryTake(), b.tryTake(), b.tryTake()]).toEqual([true, true, false]);
    expect(b.used).toBe(2);
    expect(b.remaining).toBe(0);
    expect(b.max).toBe(2);
    const unlimited = new RequestBudget(undefined);
    expect(unlimited.max).toBeUndefined();
    expect(unlimited.tryTake()).toBe(true);
    expect(unlimited.remaining).toBe(Infinity);
    expect(() => new RequestBudget(-1)).toThrow(RangeError);
    expect(() => new RequestBudget(1.5)).toThrow(RangeError);
  });
});
