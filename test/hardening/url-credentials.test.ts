/**
 * Red team B3: credentials in the target URL. `--target http://admin:PW@host` (or a fixtures
 * `target:`/`plainUrl:` with userinfo) printed the password on stdout and five times in the
 * JUnit; a token in the target's query string (`?api_key=`) was printed unmasked. Now userinfo
 * stops the run (exit 2, one line naming the flag or key, never the value) before any request,
 * and secret-looking query parameters are masked everywhere.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canaryKey, cli, FIXTURES, HOSTILE_SPEC, removeTempDirs, tempDir } from './support/run.ts';
import { acmeTarget, startHttp } from './support/servers.ts';

afterAll(removeTempDirs);

const password = (): string => `pw-${randomBytes(12).toString('hex')}`;

describe('userinfo in a target URL stops the run before any request', () => {
  it('--target http://admin:PW@127.0.0.1:P: exit 2, one line naming --target, no password', async () => {
    const pw = password();
    const server = await startHttp((_req, res) => res.end('{}'));
    try {
      const url = server.url.replace('http://', `http://admin:${pw}@`);
      const run = await cli(['run', HOSTILE_SPEC, '--target', url, '--fixtures', FIXTURES, '--allow-live', '--junit', join(tempDir('b3'), 'j.xml')], {
        HOSTILE_VALID_KEY: canaryKey(),
      });
      expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({
        code: 2,
        stderr: ['authconform: --target holds a user name or password (user:password@host); give credentials in the fixtures'],
        stdout: [],
      });
      expect(server.connections).toBe(0);
    } finally {
      await server.close();
    }
  });

  it.each(['target', 'plainUrl'])('fixtures %s: ${VAR} with userinfo: exit 2, one located line naming the key, no password', async (key) => {
    const pw = password();
    const dir = tempDir('b3-fixtures');
    const file = join(dir, 'fixtures.yaml');
    writeFileSync(file, `target: http://127.0.0.1:9\ncredentials:\n  valid: \${HOSTILE_VALID_KEY}\n${key}: \${STAGING_URL}\n`.replace(key === 'target' ? 'target: http://127.0.0.1:9\n' : '\0', ''));
    const run = await cli(['run', HOSTILE_SPEC, '--fixtures', file, '--allow-live', '--junit', join(dir, 'j.xml')], {
      HOSTILE_VALID_KEY: canaryKey(),
      STAGING_URL: `https://deploy:${pw}@staging.example.com`,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr.join('\n')).not.toContain(pw);
    expect(run.stderr.join('\n')).toContain(`${key} holds a user name or password (user:password@host); give credentials under credentials:`);
    expect(run.stderr.join('\n')).toContain(`fixtures.yaml:${key === 'target' ? 3 : 4}`);
  });
});

describe('a secret in the target query string is masked', () => {
  it('--target http://127.0.0.1:P/?api_key=SECRET: the run goes on, SECRET is nowhere in stdout or the JUnit', async () => {
    const secret = randomBytes(18).toString('base64url');
    const key = canaryKey();
    const server = await acmeTarget(key);
    try {
      const junit = join(tempDir('b3-query'), 'j.xml');
      const run = await cli(['run', HOSTILE_SPEC, '--target', `${server.url}/?api_key=${secret}`, '--fixtures', FIXTURES, '--allow-live', '--no-color', '--junit', junit], {
        HOSTILE_VALID_KEY: key,
      });
      expect(run.stderr).toEqual([]);
      const xml = readFileSync(junit, 'utf8');
      expect(run.stdout.join('\n')).toContain('/?api_key=…');
      for (const text of [run.stdout.join('\n'), xml]) expect(text).not.toContain(secret.slice(0, 8));
    } finally {
      await server.close();
    }
  }, 60_000);
});
