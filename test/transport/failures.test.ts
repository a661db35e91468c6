import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../src/transport/client.ts';
import { TransportError } from '../../src/transport/errors.ts';
import type { Transport } from '../../src/transport/types.ts';
import { caught, freePort, startServer, startSilentServer, type TestServer } from './servers.ts';

let server: TestServer | undefined;
let transport: Transport | undefined;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = undefined;
  server = undefined;
});

// undici runs its headers/body/connect timers on a ~0.5 s tick, so a 300 ms timeout
// fires after 0.5-1 s; these tests get a roomy deadline and run concurrently.
describe.concurrent('transport: timeouts', () => {
  it('headers then a stalled body → AC_BODY_TIMEOUT', async () => {
    const srv = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    });
    const t = createTransport({ timeoutMs: 300, deadlineMs: 3000 });
    try {
      const err = await caught(() => t.send({ method: 'GET', url: srv.url, headers: {} }));
      expect(err).toBeInstanceOf(TransportError);
      expect(err.code).toBe('AC_BODY_TIMEOUT');
      expect(err.message).toBe('response body stalled for more than 300 ms');
    } finally {
      await t.close();
      await srv.close();
    }
  });

  it('a server that never answers → AC_HEADERS_TIMEOUT', async () => {
    const srv = await startServer(() => {});
    const t = createTransport({ timeoutMs: 300, deadlineMs: 3000 });
    try {
      const err = await caught(() => t.send({ method: 'GET', url: srv.url, headers: {} }));
      expect(err.code).toBe('AC_HEADERS_TIMEOUT');
      expect(err.message).toBe('no response headers within 300 ms');
    } finally {
      await t.close();
      await srv.close();
    }
  });

  it('a body dripping one byte every 100 ms is cut off by the overall deadline', async () => {
    let drip: NodeJS.Timeout | undefined;
    const srv = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      drip = setInterval(() => res.write('x'), 100);
    });
    const t = createTransport({ timeoutMs: 300 }); // deadline: 2 × 300 ms
    try {
      const err = await caught(() => t.send({ method: 'GET', url: srv.url, headers: {} }));
      // the message names the timer that fired: the overall deadline, not the 300 ms body timeout
      expect(err.code).toBe('AC_BODY_TIMEOUT');
      expect(err.message).toBe(`response body from 127.0.0.1:${srv.port} not complete within the 600 ms overall deadline`);
    } finally {
      clearInterval(drip);
      await t.close();
      await srv.close();
    }
  });

  it('a TLS handshake that never completes → AC_CONNECT_TIMEOUT', async () => {
    const silent = await startSilentServer();
    const t = createTransport({ timeoutMs: 300, deadlineMs: 3000 });
    try {
      const err = await caught(() => t.send({ method: 'GET', url: `https://127.0.0.1:${silent.port}/`, headers: {} }));
      expect(err.code).toBe('AC_CONNECT_TIMEOUT');
      expect(err.message).toBe(`could not connect to 127.0.0.1:${silent.port} within 300 ms`);
    } finally {
      await t.close();
      await silent.close();
    }
  });

  it('the overall deadline also bounds the connect phase', async () => {
    const silent = await startSilentServer();
    const t = createTransport({ timeoutMs: 300, deadlineMs: 400 });
    try {
      const err = await caught(() => t.send({ method: 'GET', url: `https://127.0.0.1:${silent.port}/`, headers: {} }));
      // the message names the timer that fired: the overall deadline, which bounds the connect phase too
      expect(err.code).toBe('AC_HEADERS_TIMEOUT');
      expect(err.message).toBe(`no response from 127.0.0.1:${silent.port} within the 400 ms overall deadline`);
    } finally {
      await t.close();
      await silent.close();
    }
  });
});

describe('transport: broken connections', () => {
  it('a socket destroyed mid-body → AC_CONNECTION_RESET', async () => {
    server = await startServer((req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('only a part');
      setTimeout(() => req.socket.destroy(), 20);
    });
    transport = createTransport({ timeoutMs: 2000 });
    const err = await caught(() => transport!.send({ method: 'GET', url: server!.url, headers: {} }));
    expect(err.code).toBe('AC_CONNECTION_RESET');
    expect(err.message).toBe('connection closed before the body was complete');
  });

  it('a chunked body cut short → AC_CONNECTION_RESET', async () => {
    server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('chunk');
      setTimeout(() => req.socket.destroy(), 20);
    });
    transport = createTransport({ timeoutMs: 2000 });
    const err = await caught(() => transport!.send({ method: 'GET', url: server!.url, headers: {} }));
    expect(err.code).toBe('AC_CONNECTION_RESET');
  });

  it('a socket destroyed before any response → AC_CONNECTION_RESET', async () => {
    server = await startServer((req) => req.socket.destroy());
    transport = createTransport({ timeoutMs: 2000 });
    const err = await caught(() => transport!.send({ method: 'GET', url: server!.url, headers: {} }));
    expect(err.code).toBe('AC_CONNECTION_RESET');
    expect(err.message).toBe(
      `connection to 127.0.0.1:${server.port} closed before response headers were received (UND_ERR_SOCKET)`,
    );
  });

  it('nothing listening → AC_CONNECTION_REFUSED', async () => {
    const port = await freePort();
    transport = createTransport({ timeoutMs: 2000 });
    const err = await caught(() => transport!.send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }));
    expect(err.code).toBe('AC_CONNECTION_REFUSED');
    expect(err.message).toBe(`connection refused by 127.0.0.1:${port}`);
  });

  it('an unresolvable host → AC_DNS', async () => {
    transport = createTransport({ timeoutMs: 2000 });
    const err = await caught(() =>
      transport!.send({ method: 'GET', url: 'http://authconform-test.invalid/', headers: {} }),
    );
    expect(err.code).toBe('AC_DNS');
    expect(err.message.startsWith('DNS lookup failed for authconform-test.invalid (')).toBe(true);
  });
});

describe('transport: body cap', () => {
  it('a chunked body over the cap → AC_BODY_TOO_LARGE, and the socket is closed', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('a'.repeat(600));
      res.write('b'.repeat(600)); // 1200 > 1024; the rest never comes
    });
    const closed = server.socketClosed();
    transport = createTransport({ timeoutMs: 2000, maxBodyBytes: 1024 });
    const err = await caught(() => transport!.send({ method: 'GET', url: server!.url, headers: {} }));
    expect(err.code).toBe('AC_BODY_TOO_LARGE');
    expect(err.message).toBe('response body exceeded 1024 bytes');
    await closed; // resolves only if the client closed the socket
  });

  it('a declared Content-Length over the cap fails without reading', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(1_048_577) });
      res.write('x');
    });
    const closed = server.socketClosed();
    transport = createTransport({ timeoutMs: 2000 });
    const err = await caught(() => transport!.send({ method: 'GET', url: server!.url, headers: {} }));
    expect(err.code).toBe('AC_BODY_TOO_LARGE');
    expect(err.message).toBe('response body exceeded 1048576 bytes');
    await closed;
  });

  it("bodyOverflow: 'truncate' returns the first maxBodyBytes", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":"' + 'z'.repeat(100) + '"}');
    });
    transport = createTransport({ timeoutMs: 2000, maxBodyBytes: 10, bodyOverflow: 'truncate' });
    const res = await transport.send({ method: 'GET', url: server.url, headers: {} });
    expect(res.truncated).toBe(true);
    expect(res.body).toBe('{"data":"z');
    expect(res.json).toBeUndefined();
    expect(res.jsonError).toBe('body not parsed: truncated at 10 bytes');
  });

  it('a body of exactly maxBodyBytes is fine', async () => {
    server = await startServer((_req, res) => res.end('x'.repeat(64)));
    transport = createTransport({ timeoutMs: 2000, maxBodyBytes: 64 });
    const res = await transport.send({ method: 'GET', url: server.url, headers: {} });
    expect(res.body.length).toBe(64);
    expect(res.truncated).toBe(false);
  });
});
