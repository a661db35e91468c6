/**
 * The mock as a client developer meets it: `authconform mock` runs on the real time, a path the
 * spec does not serve answers 404 with the spec's operations, `GET /__authconform/` lists the
 * control endpoints, and the banner gives the SDK base URL where the paths share a prefix.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { command } from '../../src/cli/commands/mock.ts';
import { operationList, sdkBasePath } from '../../src/mock/api-paths.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { contractOf, specFor, specOf } from './support.ts';

const started: MockServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((m) => m.close()));
});

async function json(url: string): Promise<{ status: number; body: unknown }> {
  const res = await request(url);
  return { status: res.statusCode, body: await res.body.json() };
}

describe('the mock for a client developer', () => {
  it('answers an unknown path with 404 and the operations of the spec', async () => {
    const contract = await contractOf('linq');
    const mock = await startMock(specFor(contract));
    started.push(mock);
    const { status, body } = await json(`${mock.url}/api/partner/v3/chatz`);
    expect(status).toBe(404);
    expect(body).toEqual({ error: 'not_found', message: 'No route for GET /api/partner/v3/chatz', operations: operationList(contract) });
    expect(operationList(contract)).toContain('GET /api/partner/v3/chats');
  });

  it('lists the control endpoints at GET /__authconform/', async () => {
    const mock = await startMock(await specOf('linkfetch'));
    started.push(mock);
    const { status, body } = await json(`${mock.url}/__authconform/`);
    expect(status).toBe(200);
    expect((body as { endpoints: Array<{ method: string; path: string }> }).endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /__authconform/clock',
      'POST /__authconform/clock',
      'POST /__authconform/keys',
      'POST /__authconform/keys/revoke',
      'POST /__authconform/reset',
    ]);
  });

  it('derives the SDK base URL from the paths: /api/partner for Linq, none for LinkFetch', async () => {
    expect(sdkBasePath(await contractOf('linq'))).toBe('/api/partner');
    expect(sdkBasePath(await contractOf('linkfetch'))).toBe('');
  });

  it('authconform mock starts its clock at the real time and prints the SDK base URL', async () => {
    const out: string[] = [];
    let printed!: () => void;
    const ready = new Promise<void>((resolve) => (printed = resolve));
    const io = {
      stdout: (line: string) => {
        out.push(line);
        if (line === 'press Ctrl-C to stop') printed();
      },
      stderr: () => {},
      env: {},
      cwd: process.cwd(),
    };
    const startedAt = Date.now();
    const running = command.run(['linq', '--port', '0'], io);
    await ready;
    const url = /on (http:\/\/127\.0\.0\.1:\d+)$/.exec(out[0]!)![1]!;
    expect(out).toContain(`  SDK base URL: ${url}/api/partner (the API's paths start with /api/partner)`);
    const { body } = await json(`${url}/__authconform/clock`);
    const now = (body as { now: number }).now;
    // the real time, not the seed's fixed 2026-01 start: between the start and the answer (a second
    // of slack for drift between the wall clock and the monotonic one the mock counts with, not speed)
    expect(now).toBeGreaterThanOrEqual(startedAt);
    expect(now).toBeLessThanOrEqual(Date.now() + 1000);
    process.emit('SIGINT');
    expect(await running).toBe(0);
  });
});
