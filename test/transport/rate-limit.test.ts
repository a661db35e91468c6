import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTransport } from '../../src/transport/client.ts';
import { credentialFingerprint } from '../../src/transport/credential-fingerprint.ts';
import { createRateLimitGate } from '../../src/transport/rate-limit-gate.ts';
import type { ProbeResponse, RateLimitPause, Transport, TransportOptions } from '../../src/transport/types.ts';
import { startServer, type TestServer } from './servers.ts';

let server: TestServer | undefined;
let transport: Transport | undefined;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = undefined;
  server = undefined;
});

const NOW = 1_700_000_000_000; // a fixed local clock

/** A transport whose clock is frozen at NOW and whose sleep only records. */
function recordingTransport(extra: TransportOptions = {}): { t: Transport; sleeps: number[]; pauses: RateLimitPause[] } {
  const sleeps: number[] = [];
  const pauses: RateLimitPause[] = [];
  const t = createTransport({
    timeoutMs: 2000,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRateLimitPause: (p) => pauses.push(p),
    ...extra,
  });
  return { t, sleeps, pauses };
}

/** First response sets `headers`, later ones are plain 200s. */
async function serverSendingOnce(status: number, headers: Record<string, string>): Promise<TestServer> {
  let first = true;
  return startServer((_req: IncomingMessage, res: ServerResponse) => {
    if (first) {
      first = false;
      res.writeHead(status, headers);
    }
    res.end('{}');
  });
}

const req = (url: string, key = 'sk_test_0123456789abcdef') => ({
  method: 'GET',
  url,
  headers: { authorization: `Bearer ${key}` },
  secrets: [key],
});

describe('rate-limit gate (through the transport)', () => {
  it('remaining 0 with a delta reset of 1 s makes the next send wait 1000 ms', async () => {
    server = await serverSendingOnce(200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' });
    const { t, sleeps, pauses } = recordingTransport();
    transport = t;
    await t.send(req(server.url));
    expect(sleeps).toEqual([]);
    await t.send(req(server.url));
    expect(sleeps).toEqual([1000]);
    expect(pauses).toEqual([
      { origin: server.url, waitMs: 1000, requestedMs: 1000, reason: 'remaining-zero', skipped: false },
    ]);
    expect(server.requests).toBe(2);
  });

  it('measures an epoch reset against the response Date header, not the local clock', async () => {
    // the server's clock is in 1994; the local clock is in 2023: only the difference matters
    const serverNow = Date.UTC(1994, 10, 6, 8, 49, 37);
    server = await serverSendingOnce(200, {
      date: 'Sun, 06 Nov 1994 08:49:37 GMT',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(serverNow / 1000 + 5),
    });
    const { t, sleeps } = recordingTransport({
      rateLimitHeaders: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetUnit: 'epoch-seconds' },
    });
    transport = t;
    await t.send(req(server.url));
    await t.send(req(server.url));
    expect(sleeps).toEqual([5000]);
  });

  it('honours a 429 Retry-After in seconds', async () => {
    server = await serverSendingOnce(429, { 'retry-after': '2' });
    const { t, sleeps, pauses } = recordingTransport();
    transport = t;
    expect((await t.send(req(server.url))).status).toBe(429);
    await t.send(req(server.url));
    expect(sleeps).toEqual([2000]);
    expect(pauses[0]?.reason).toBe('retry-after');
  });

  it('honours a 429 Retry-After HTTP-date, measured against the Date header', async () => {
    server = await serverSendingOnce(429, {
      date: 'Sun, 06 Nov 1994 08:49:37 GMT',
      'retry-after': 'Sun, 06 Nov 1994 08:49:40 GMT',
    });
    const { t, sleeps } = recordingTransport();
    transport = t;
    await t.send(req(server.url));
    await t.send(req(server.url));
    expect(sleeps).toEqual([3000]);
  });

  it('sends anyway (no sleep) when the wait would exceed maxPauseMs', async () => {
    server = await serverSendingOnce(200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' });
    const { t, sleeps, pauses } = recordingTransport({ maxPauseMs: 65_000 });
    transport = t;
    await t.send(req(server.url));
    await t.send(req(server.url));
    expect(sleeps).toEqual([]);
    expect(pauses).toEqual([
      { origin: server.url, waitMs: 0, requestedMs: 100_000, reason: 'remaining-zero', skipped: true },
    ]);
    expect(server.requests).toBe(2);
  });

  it('does not hold back bypassRateLimitGate requests, other credentials, or a non-aware transport', async () => {
    server = await serverSendingOnce(200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' });
    const { t, sleeps } = recordingTransport();
    transport = t;
    await t.send(req(server.url));
    await t.send({ ...req(server.url), bypassRateLimitGate: true });
    await t.send(req(server.url, 'sk_test_another_key_000000'));
    expect(sleeps).toEqual([]);
    await t.send(req(server.url));
    expect(sleeps).toEqual([1000]);

    const srv2 = await serverSendingOnce(200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' });
    const unaware = recordingTransport({ rateLimitAware: false });
    await unaware.t.send(req(srv2.url));
    await unaware.t.send(req(srv2.url));
    await unaware.t.close();
    await srv2.close();
    expect(unaware.sleeps).toEqual([]);
  });

  it('a later response with remaining > 0 reopens the window', async () => {
    let n = 0;
    server = await startServer((_req, res) => {
      n += 1;
      res.writeHead(200, n === 1 ? { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' } : { 'x-ratelimit-remaining': '9' });
      res.end();
    });
    const { t, sleeps } = recordingTransport();
    transport = t;
    await t.send(req(server.url));
    await t.send(req(server.url)); // waits once, then sees remaining 9
    await t.send(req(server.url));
    expect(sleeps).toEqual([1000]);
  });
});

describe('rate-limit gate (unit)', () => {
  const response = (headers: Record<string, string>, status = 200, date?: number): ProbeResponse => ({
    status,
    headers,
    rawHeaderNames: Object.keys(headers),
    body: '',
    truncated: false,
    elapsedMs: 1,
    ...(date === undefined ? {} : { date }),
  });

  it('turns a server-relative reset into a local deadline when the response is seen', async () => {
    let now = 10_000;
    const sleeps: number[] = [];
    const gate = createRateLimitGate({
      headers: { remaining: 'X-RateLimit-Remaining', reset: 'X-RateLimit-Reset', resetUnit: 'delta-seconds' },
      maxPauseMs: 65_000,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    gate.observe('k', response({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' }));
    expect(gate.state('k')).toEqual({ remaining: 0, resetAt: 13_000 });
    now = 11_500; // 1.5 s pass before the next request
    const ticket = gate.ticket('k', 'http://x');
    expect(ticket.mustWait()).toBe(true);
    await ticket.wait();
    expect(sleeps).toEqual([1500]);
    expect(ticket.pausedMs).toBe(1500);
    expect(ticket.mustWait()).toBe(false);
    expect(gate.ticket('k', 'http://x').mustWait()).toBe(false); // the window has reset
  });

  it('ignores unparseable figures', () => {
    const gate = createRateLimitGate({
      headers: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetUnit: 'delta-seconds' },
      maxPauseMs: 65_000,
      now: () => 0,
      sleep: async () => undefined,
    });
    gate.observe('k', response({ 'x-ratelimit-remaining': 'lots', 'x-ratelimit-reset': 'soon' }, 429));
    expect(gate.state('k')).toBeUndefined();
  });
});

describe('credential fingerprint', () => {
  it('depends on the secrets the request carries, not on other headers', () => {
    const a = credentialFingerprint({ url: 'http://x/', headers: { authorization: 'Bearer sk_1234567890' }, secrets: ['sk_1234567890'] });
    const a2 = credentialFingerprint({ url: 'http://x/', headers: { Authorization: 'Bearer sk_1234567890', 'x-other': '1' }, secrets: ['sk_1234567890', 'unused_secret'] });
    const b = credentialFingerprint({ url: 'http://x/', headers: { authorization: 'Bearer sk_0000000000' }, secrets: ['sk_0000000000'] });
    const q = credentialFingerprint({ url: 'http://x/?api_key=sk_1234567890', headers: {}, secrets: ['sk_1234567890'] });
    expect(a).toBe(a2);
    expect(a).toBe(q);
    expect(a === b).toBe(false);
    expect(a.length).toBe(16);
    expect(credentialFingerprint({ url: 'http://x/', headers: {} })).toBe('');
  });
});
