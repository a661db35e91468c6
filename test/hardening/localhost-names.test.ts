/**
 * Red team weak spot: `--target http://x.localhost` counted as loopback (credentials over plain
 * HTTP allowed) but was resolved through DNS for every request. Now a `*.localhost` name is
 * loopback only if it resolves to a loopback address, and the run then talks to that address.
 * The test reads this machine's resolver first: either outcome is pinned exactly.
 */
import { lookup } from 'node:dns/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pinLocalhostName } from '../../src/runner/pin-loopback.ts';
import { canaryKey, cli, FIXTURES, HOSTILE_SPEC, removeTempDirs, tempDir } from './support/run.ts';
import { startHttp } from './support/servers.ts';

afterAll(removeTempDirs);

const NAME = 'authconform-red-team.localhost';

async function resolvesToLoopback(name: string): Promise<string | undefined> {
  try {
    const all = await lookup(name, { all: true });
    return all.length > 0 && all.every((a) => a.address === '::1' || a.address.startsWith('127.')) ? all[0]!.address : undefined;
  } catch {
    return undefined;
  }
}

describe('*.localhost names', () => {
  it('a name that does not resolve to loopback is not loopback: plain HTTP with credentials stops the run before any connection', async () => {
    const loopback = await resolvesToLoopback(NAME);
    const server = await startHttp((_req, res) => res.end('{}'));
    try {
      const target = `http://${NAME}:${server.port}`;
      const run = await cli(['run', HOSTILE_SPEC, '--target', target, '--fixtures', FIXTURES, '--allow-live', '--junit', join(tempDir('lh'), 'j.xml')], {
        HOSTILE_VALID_KEY: canaryKey(),
      });
      if (loopback === undefined) {
        expect({ code: run.code, stderr: run.stderr }).toEqual({
          code: 2,
          stderr: [`authconform: refusing to send credentials over plain http to ${NAME}:${server.port}: use an https target, or pass --allow-insecure`],
        });
        expect(server.connections).toBe(0);
        expect(await pinLocalhostName(target)).toBe(target);
      } else {
        // this resolver maps the name to loopback: the run goes to that address, which is our server only if it is 127.0.0.1
        expect(await pinLocalhostName(target)).toBe(`http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${server.port}`);
      }
    } finally {
      await server.close();
    }
  }, 60_000);

  it('names that are not *.localhost are left alone', async () => {
    expect(await pinLocalhostName('http://127.0.0.1:9/v1')).toBe('http://127.0.0.1:9/v1');
    expect(await pinLocalhostName('https://api.example.com')).toBe('https://api.example.com');
  });
});
