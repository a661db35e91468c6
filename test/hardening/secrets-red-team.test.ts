/**
 * Red team, secrets (issue "Secrets II"): faults B1, B2, B4 and the echo spellings. Each test
 * failed before src/secrets/ replaced the regular-expression masker.
 *
 * - B1: a 60 KB login token among the secrets made the masker's one big regular expression
 *   invalid; the error message (on stdout and in the JUnit) held every secret.
 * - B2: a 40 KB credential: exit 2 and a 920 KB stderr line holding the key.
 * - B4: echoes hex-encoded, reversed, separator-interleaved, JSON-escaped went unflagged, and
 *   the key reached the JUnit.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/runner/redactor.ts';
import { findSecretEcho } from '../../src/transport/redact.ts';
import { junitCases } from './support/junit.ts';
import { secretLeaks } from './support/leaks.ts';
import { canaryKey, cli, FIXTURES, HOSTILE_SPEC, LIVE_PREFIX, removeTempDirs, STACK_LINE, tempDir, watchingRejections } from './support/run.ts';
import { startHttp, type Hostile } from './support/servers.ts';
import { responseWith } from '../probes/support/responses.ts';

afterAll(removeTempDirs);

const response = responseWith;

/** The spellings of the B4, each as the target writes it. */
const SPELLINGS: Array<[string, (key: string) => string, string]> = [
  ['hex', (k) => Buffer.from(k).toString('hex'), 'hex'],
  ['HEX', (k) => Buffer.from(k).toString('hex').toUpperCase(), 'hex'],
  ['reversed', (k) => [...k].reverse().join(''), 'reversed'],
  ['dot-separated', (k) => [...k].join('.'), 'separator-interleaved'],
  ['%20-separated', (k) => [...k].join('%20'), 'separator-interleaved'],
  ['JSON \\u-escaped', (k) => [...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''), 'json-escaped'],
  ['percent-escaped (every character)', (k) => [...k].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''), 'url-encoded'],
  ['base64 inside a longer value', (k) => Buffer.from(`Bearer ${k}`).toString('base64'), 'base64'],
];

describe('B1: a huge secret among the secrets (unit: the masker every report uses)', () => {
  it('masks a 60 KB token, the key and the password, and throws nothing that could carry them', () => {
    const key = canaryKey();
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const token = randomBytes(45_000).toString('base64url'); // 60 000 characters
    const redact = createRedactor([key, password, token], [LIVE_PREFIX]);
    const text = `login ${password} → ${token}; key ${key}`;
    const out = redact(text);
    expect(out).toBe(`login …${password.slice(-4)} → …${token.slice(-4)}; key ${LIVE_PREFIX}…${key.slice(-4)}`);
  });
});

describe('B4: every echo spelling is flagged as the echo finding and masked (unit)', () => {
  const key = 'acme_live_Qx7hR2mVt9LpZc4WbN8sKd3F';
  it.each(SPELLINGS)('%s', (_name, spell, encoding) => {
    const echoed = spell(key);
    const note = encoding === 'plain' ? '' : ` (${encoding})`;
    expect(findSecretEcho(response({ headers: { 'x-debug': echoed } }), [key], [LIVE_PREFIX])).toBe(`response header x-debug${note}`);
    expect(findSecretEcho(response({ headers: { 'set-cookie': `sid=${echoed}; Path=/` } }), [key], [LIVE_PREFIX])).toBe(`response header set-cookie${note}`);
    expect(findSecretEcho(response({ headers: { location: `/next?k=${echoed}` } }), [key], [LIVE_PREFIX])).toBe(`response header location${note}`);
    expect(findSecretEcho(response({ body: `{"seen":"${echoed}"}` }), [key], [LIVE_PREFIX])).toBe(`response body${note}`);
    const out = createRedactor([key], [LIVE_PREFIX])(`{"seen":"${echoed}"}`);
    expect(secretLeaks(key, out, LIVE_PREFIX)).toEqual([]);
  });

  it('an 11-character tail left after a JSON escape is masked (any run of 8 characters of the body)', () => {
    const tail = key.slice(-11);
    expect(createRedactor([key], [LIVE_PREFIX])(`{"k":"acme\\u005flive\\u005f${key.slice(10, -11)}\\u0041${tail}"}`)).not.toContain(tail.slice(0, 8));
  });

  it('a shared piece (every JWT starts alike) is masked but is no echo; half of a body is', () => {
    const header = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
    const mine = `${header}.${randomBytes(60).toString('base64url')}`;
    const other = `${header}.${randomBytes(60).toString('base64url')}`;
    expect(findSecretEcho(response({ body: `{"token":"${other}"}` }), [mine])).toBeUndefined();
    expect(createRedactor([mine], [])(other)).not.toContain(header);
    expect(findSecretEcho(response({ body: mine.slice(0, Math.ceil(mine.length / 2) + 1) }), [mine])).toBe('response body');
  });
});

type Echo = (key: string) => string;

/** Accepts exactly `key` in X-Acme-Key and echoes what it got, spelt by `spell`, in a header and the body. */
function echoingTarget(key: string, spell: Echo): Promise<Hostile> {
  return startHttp((req: IncomingMessage, res: ServerResponse) => {
    const sent = String(req.headers['x-acme-key'] ?? req.headers['authorization'] ?? '');
    const ok = req.headers['x-acme-key'] === key;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json', 'x-debug-key': spell(sent) });
    res.end(JSON.stringify(ok ? { widgets: [], seen: spell(sent) } : { error: req.headers['x-acme-key'] === undefined ? 'missing_key' : 'invalid_key', seen: spell(sent) }));
  });
}

async function runAgainst(server: Hostile, key: string, label: string): Promise<{ code: number; stdout: string; stderr: string; xml: string; junit: string }> {
  const junit = join(tempDir(label), 'junit.xml');
  const { value: run, rejections } = await watchingRejections(() =>
    cli(['run', HOSTILE_SPEC, '--target', server.url, '--fixtures', FIXTURES, '--junit', junit, '--allow-live', '--no-color'], { HOSTILE_VALID_KEY: key }),
  );
  expect(rejections).toEqual([]);
  let xml = '';
  try {
    xml = readFileSync(junit, 'utf8');
  } catch {
    // no report: the assertions on the exit code say why
  }
  return { code: run.code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n'), xml, junit };
}

describe('B2: a 40 KB credential runs like any other (the real CLI, in-process)', () => {
  it('exit 1 for the echo, nothing on stderr, no trace of the key anywhere', async () => {
    const key = LIVE_PREFIX + randomBytes(30_000).toString('base64url');
    const server = await echoingTarget(key, (k) => k);
    try {
      const run = await runAgainst(server, key, 'b2');
      expect({ code: run.code, stderr: run.stderr.length }).toEqual({ code: 1, stderr: 0 });
      for (const text of [run.stdout, run.stderr, run.xml]) expect(secretLeaks(key, text, LIVE_PREFIX)).toEqual([]);
      expect(STACK_LINE.test(run.xml)).toBe(false);
      expect(run.stdout.length).toBeLessThan(20_000);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('B4: a target echoing the key in each spelling (the real CLI, in-process)', () => {
  it.concurrent.each(SPELLINGS.filter(([name]) => ['HEX', 'reversed', 'dot-separated', '%20-separated', 'JSON \\u-escaped'].includes(name)))(
    '%s: the echo fails the case, and the key is nowhere in stdout, stderr or the JUnit',
    async (name, spell, encoding) => {
      const key = canaryKey();
      const server = await echoingTarget(key, spell);
      try {
        const run = await runAgainst(server, key, `b4-${encoding}`);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        const cases = junitCases(run.junit);
        expect(cases[0]?.failure).toBe(`target echoed a credential back in response header x-debug-key (${encoding}) of GET /v1/widgets`);
        for (const [where, text] of [['stdout', run.stdout], ['junit', run.xml]] as const) {
          expect({ name, where, leaks: secretLeaks(key, text, LIVE_PREFIX) }).toEqual({ name, where, leaks: [] });
        }
      } finally {
        await server.close();
      }
    },
    120_000,
  );
});
