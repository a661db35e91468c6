/**
 * Red team weak spot: `mock --host 0.0.0.0` exposed the fake credentials and the unauthenticated
 * control API without a word, and took request bodies of any size (700 MB → 1.47 GB RSS). Now a
 * non-loopback host gets a warning (the control API named unless --no-control), bodies past
 * 1 MiB get 413 and the socket closes; slow headers or requests are dropped (server
 * headersTimeout/requestTimeout, src/mock/server.ts: answered 408, socket closed). Tests bind 127.0.0.1 only: the warning is checked as the function the command
 * prints.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { offLoopbackWarning } from '../../src/cli/commands/mock.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { MOCK_HEADERS_TIMEOUT_MS, MOCK_REQUEST_TIMEOUT_MS, startMock } from '../../src/mock/server.ts';
import { MAX_REQUEST_BODY_BYTES } from '../../src/mock/node-adapter.ts';

describe('the mock off loopback', () => {
  it('warns on a non-loopback host, naming the control API unless --no-control; not on loopback', () => {
    expect(offLoopbackWarning('0.0.0.0', true)).toBe(
      'authconform mock: warning: listening on 0.0.0.0, not loopback: other machines can use the fake credentials and the unauthenticated control API (clock, keys, reset); pass --no-control to turn it off',
    );
    expect(offLoopbackWarning('::', false)).toBe('authconform mock: warning: listening on ::, not loopback: other machines can use the fake credentials');
    expect([offLoopbackWarning('127.0.0.1', true), offLoopbackWarning('::1', true), offLoopbackWarning('localhost', true)]).toEqual([undefined, undefined, undefined]);
  });

  it('answers a body over 1 MiB with 413 without reading it all', async () => {
    const mock = await startMock(await loadSpec('linkfetch'), { port: 0, control: true });
    try {
      const { port } = new URL(mock.url);
      // announce 700 MB, send 2 MiB of it: the answer comes before the rest
      const reply = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write(`POST /__authconform/clock HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${700 * 1024 * 1024}\r\n\r\n`);
          socket.write(Buffer.alloc(2 * 1024 * 1024, 32));
        });
        let got = '';
        socket.on('data', (d) => (got += d.toString()));
        socket.on('error', () => resolve(got));
        socket.on('close', () => resolve(got));
      });
      expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
      expect(MAX_REQUEST_BODY_BYTES).toBe(1024 * 1024);
    } finally {
      await mock.close();
    }
  }, 60_000);

  describe('slowloris: a socket that trickles its request in is closed by the server', () => {
    /**
     * Writes `head` then one byte of `drip` every 20 ms, for ever: resolves with what the server
     * sent once it closes the socket. The client never ends the request; only the server's
     * timeouts can finish it (the test's timeout is the hang guard).
     */
    async function trickle(url: string, head: string, drip: string): Promise<string> {
      const { port } = new URL(url);
      return new Promise((resolve) => {
        let reply = '';
        let timer: NodeJS.Timeout | undefined;
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write(head);
          let i = 0;
          timer = setInterval(() => socket.write(drip[i++ % drip.length]!), 20);
        });
        socket.on('data', (d) => (reply += d.toString()));
        const done = (): void => {
          clearInterval(timer);
          resolve(reply);
        };
        socket.on('close', done);
        socket.on('error', () => socket.destroy());
      });
    }

    it('headers sent one byte at a time, never finished: 408 and the socket closed (headersTimeout)', async () => {
      const mock = await startMock(await loadSpec('linkfetch'), { port: 0, headersTimeoutMs: 300, requestTimeoutMs: 600 });
      try {
        const reply = await trickle(mock.url, 'GET /__authconform/keys HTTP/1.1\r\nHost: x\r\nX-Slow: ', 'abcdefgh');
        expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      } finally {
        await mock.close();
      }
    }, 60_000);

    it('a body sent one byte at a time, never finished: 408 and the socket closed (requestTimeout)', async () => {
      const mock = await startMock(await loadSpec('linkfetch'), { port: 0, headersTimeoutMs: 300, requestTimeoutMs: 600 });
      try {
        const head = 'POST /__authconform/clock HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n';
        const reply = await trickle(mock.url, head, '          ');
        expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      } finally {
        await mock.close();
      }
    }, 60_000);

    it('the mock started without options (as `authconform mock` is) drops such sockets after 10 s of headers, 30 s per request', () => {
      expect([MOCK_HEADERS_TIMEOUT_MS, MOCK_REQUEST_TIMEOUT_MS]).toEqual([10_000, 30_000]);
    });
  });
});
