/**
 * The transport's timeouts fire on time, so a run's reasons name the timeout the user set. undici's
 * own headers/body timers run on a ~1 s tick: with --timeout 500 they fired anywhere in 0.5-1.5 s,
 * often after the 1 s overall deadline, and the reason then named the deadline instead. The
 * reason (code and message) says which timer fired; no wall-clock time is asserted, so the tests
 * hold on a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { createTransport } from '../../src/transport/client.ts';
import { startHttp } from './support/servers.ts';

const TIMEOUT_MS = 300; // overall deadline: 600 ms

async function failure(serve: Parameters<typeof startHttp>[0]): Promise<{ code: string; message: string }> {
  const server = await startHttp(serve);
  const transport = createTransport({ timeoutMs: TIMEOUT_MS });
  try {
    await transport.send({ method: 'GET', url: `${server.url}/v1/widgets`, headers: {} });
    throw new Error('expected the request to fail');
  } catch (err) {
    const e = err as { code: string; message: string };
    return { code: e.code, message: e.message };
  } finally {
    await transport.close();
    await server.close();
  }
}

describe.concurrent('per-phase timeouts fire on time', () => {
  it('no response headers: at the timeout, not at the deadline', async () => {
    const f = await failure(() => undefined);
    expect([f.code, f.message]).toEqual(['AC_HEADERS_TIMEOUT', `no response headers within ${TIMEOUT_MS} ms`]);
  });

  it('a body that stops: at the timeout after the last byte', async () => {
    const f = await failure((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    });
    expect([f.code, f.message]).toEqual(['AC_BODY_TIMEOUT', `response body stalled for more than ${TIMEOUT_MS} ms`]);
  });

  it('a body that drips faster than the timeout: the overall deadline', async () => {
    let drip: NodeJS.Timeout | undefined;
    const f = await failure((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      drip = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(drip));
    });
    clearInterval(drip);
    expect(f.code).toBe('AC_BODY_TIMEOUT');
    expect(f.message).toMatch(new RegExp(`^response body from 127\\.0\\.0\\.1:\\d+ not complete within the ${2 * TIMEOUT_MS} ms overall deadline$`));
  });
});
