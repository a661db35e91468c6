import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTransport } from '../../src/transport/client.ts';
import { envProxyConfigured } from '../../src/transport/dispatcher.ts';
import { startServer } from './servers.ts';

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** A minimal forward proxy: CONNECT tunnels and absolute-form requests, counting both. */
async function startProxy(): Promise<{ url: string; used: () => number; close: () => Promise<void> }> {
  let used = 0;
  const sockets = new Set<net.Socket>();
  const proxy = http.createServer((req, res) => {
    used += 1;
    const target = new URL(req.url ?? '');
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  proxy.on('connect', (req, client: net.Socket) => {
    used += 1;
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream).add(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  proxy.on('connection', (s: net.Socket) => sockets.add(s));
  proxy.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => proxy.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    used: () => used,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
}

describe('transport: proxies from the environment', () => {
  it('detects proxy variables', () => {
    expect(envProxyConfigured({})).toBe(false);
    expect(envProxyConfigured({ https_proxy: 'http://p:3128' })).toBe(true);
    expect(envProxyConfigured({ HTTP_PROXY: '' })).toBe(false);
  });

  it('goes through HTTP_PROXY, and around it for NO_PROXY hosts', async () => {
    const target = await startServer((_req, res) => res.end('via'));
    const proxy = await startProxy();
    process.env['HTTP_PROXY'] = proxy.url;
    delete process.env['NO_PROXY'];
    delete process.env['no_proxy'];
    const t = createTransport({ timeoutMs: 2000 });
    try {
      const res = await t.send({ method: 'GET', url: `${target.url}/x`, headers: {} });
      expect(res.body).toBe('via');
      expect(proxy.used()).toBe(1);
      // undici re-reads NO_PROXY on every request
      process.env['NO_PROXY'] = '127.0.0.1';
      await t.send({ method: 'GET', url: `${target.url}/y`, headers: {} });
      expect(proxy.used()).toBe(1);
      expect(target.requests).toBe(2);
    } finally {
      await t.close();
      await proxy.close();
      await target.close();
    }
  });
});
