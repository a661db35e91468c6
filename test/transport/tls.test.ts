import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createTransport } from '../../src/transport/client.ts';
import { caught, startServer } from './servers.ts';
import { makeSelfSigned } from '../support/self-signed.ts';

describe('transport: TLS', () => {
  let dir = '';
  let server: https.Server | undefined;
  let port = 0;

  beforeAll(async () => {
    const tls = await makeSelfSigned();
    dir = tls.dir;
    server = https.createServer({ key: tls.key, cert: tls.cert }, (_req, res) => res.end('secret page'));
    server.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server!.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a self-signed certificate → AC_TLS', async () => {
    const t = createTransport({ timeoutMs: 2000 });
    try {
      const err = await caught(() => t.send({ method: 'GET', url: `https://127.0.0.1:${port}/`, headers: {} }));
      expect(err.code).toBe('AC_TLS');
      expect(err.message).toBe('TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)');
      expect(t.requestsSent).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('https to a plain-HTTP port → AC_TLS handshake failure', async () => {
    const plain = await startServer((_req, res) => res.end());
    const t = createTransport({ timeoutMs: 2000 });
    try {
      const err = await caught(() => t.send({ method: 'GET', url: `https://127.0.0.1:${plain.port}/`, headers: {} }));
      expect(err.code).toBe('AC_TLS');
      expect(err.message).toBe(`TLS handshake with 127.0.0.1:${plain.port} failed (ERR_SSL_WRONG_VERSION_NUMBER)`);
    } finally {
      await t.close();
      await plain.close();
    }
  });
});
