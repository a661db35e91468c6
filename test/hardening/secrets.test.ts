/**
 * Secrets: a random canary key with the spec's live prefix never appears — plain, base64 (also
 * inside a longer encoded value) or as a run of its characters — in stdout, stderr, the JUnit or
 * any other file a run writes, even when the target echoes every key it gets in a header and in
 * the body. The echo is reported as a failure of its own, and masks have the documented format:
 * the prefix, '…', the last four characters at most.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/spec/bundled.ts';
import { redactText } from '../../src/transport/redact.ts';
import { filesWrittenSince, readText } from './support/files.ts';
import { junitCases, type JunitCaseResult } from './support/junit.ts';
import { canaryKey, cli, FIXTURES, HOSTILE_SPEC, LIVE_PREFIX, MANY_SPEC, maskOf, STACK_LINE, removeTempDirs, tempDir, watchingRejections } from './support/run.ts';
import { startHttp, type Hostile } from './support/servers.ts';
import { CLI_ARGS } from '../support/cli-bin.ts';

afterAll(removeTempDirs);

type EchoMode = 'header and body' | 'body' | 'base64 body';

/** The key a request carried, whichever header it was in. */
function sentKey(req: IncomingMessage): string {
  return String(req.headers['x-acme-key'] ?? req.headers['authorization'] ?? '');
}

/**
 * An API that accepts exactly `key` in X-Acme-Key, refuses everything else as documented, and
 * echoes whatever it got: in `x-debug-key`, in the body, and base64-encoded in the body.
 */
function echoServer(key: string, mode: EchoMode): Promise<Hostile> {
  return startHttp((req, res) => {
    const sent = sentKey(req);
    const ok = req.headers['x-acme-key'] === key;
    const echo =
      mode === 'base64 body' ? { b64: Buffer.from(sent).toString('base64') } : { key: sent, b64: Buffer.from(sent).toString('base64') };
    const body = ok ? { widgets: [], debug: echo } : { error: sent === '' || req.headers['x-acme-key'] === undefined ? 'missing_key' : 'invalid_key', ...echo };
    res.writeHead(ok ? 200 : 401, {
      'content-type': 'application/json',
      ...(mode === 'header and body' ? { 'x-debug-key': sent } : {}),
    });
    res.end(JSON.stringify(body));
  });
}

/**
 * What must never be found: every run of 6 characters of the key's random part, and its base64
 * at each byte alignment inside a longer encoded value (computed here, not by the code under test).
 */
function leaks(key: string, text: string): string[] {
  const body = key.slice(LIVE_PREFIX.length);
  const found: string[] = [];
  for (let i = 0; i + 6 <= body.length; i++) if (text.includes(body.slice(i, i + 6))) found.push(body.slice(i, i + 6));
  for (const before of ['', 'B', 'Be', 'Bearer ']) {
    const b64 = Buffer.from(before + key).toString('base64');
    const middle = b64.slice(Math.ceil((before.length * 8) / 6) + 2, -4); // away from both edges
    if (text.includes(middle)) found.push(`base64 …${middle.slice(0, 8)}…`);
  }
  return found;
}

function evidenceLines(c: JunitCaseResult | undefined): string[] {
  return (c?.failureText ?? '').split('\n');
}

describe('secrets never leave the run unmasked (the real binary, files included)', () => {
  const key = canaryKey();
  const mask = maskOf(key);
  let server: Hostile;
  let root: string;
  let junit: string;
  let started: number;
  let result: { code: number | null; stdout: string; stderr: string };
  let cases: JunitCaseResult[];

  beforeAll(async () => {
    server = await echoServer(key, 'header and body');
    root = tempDir('secrets');
    for (const dir of ['cwd', 'tmp', 'home']) mkdirSync(join(root, dir));
    junit = join(root, 'cwd', 'reports', 'junit.xml');
    started = Date.now() - 1_000;
    // everything the process may write goes under `root` (its cwd, TMPDIR, HOME)
    const child = spawn(
      process.execPath,
      [...CLI_ARGS, 'run', MANY_SPEC, '--target', server.url, '--fixtures', FIXTURES,
        '--junit', 'reports/junit.xml', '--allow-live', '--timeout', '5000'],
      { cwd: join(root, 'cwd'), env: { PATH: process.env.PATH, TMPDIR: join(root, 'tmp'), HOME: join(root, 'home'), NO_COLOR: '1', HOSTILE_VALID_KEY: key } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    result = { code, stdout, stderr };
    cases = junitCases(junit);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('the run finishes with exit 1 and writes nothing to stderr', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(cases).toHaveLength(27);
    expect(server.seen).toHaveLength(27);
  });

  it('no trace of the key in stdout, stderr, the JUnit, or any file written under the cwd, TMPDIR, HOME or the repository', () => {
    const written = [...filesWrittenSince(root, started), ...filesWrittenSince(repoRoot, started, ['.git'])];
    expect(written).toContain(junit);
    const sources: Array<[string, string]> = [
      ['stdout', result.stdout],
      ['stderr', result.stderr],
      ...written.map((file): [string, string] => [file, readText(file)]),
    ];
    for (const [where, text] of sources) expect({ where, leaks: leaks(key, text) }).toEqual({ where, leaks: [] });
    for (const [where, text] of [['stdout', result.stdout], ['junit', readText(junit)]]) {
      expect({ where, stack: STACK_LINE.test(text!) }).toEqual({ where, stack: false });
    }
  });

  it('the echo fails the case that was otherwise a pass, as a finding, masked in the documented format', () => {
    const accepted = cases.find((c) => c.name === 'ACME-AUTH-01 valid credential is accepted on listWidgets');
    const reason = 'target echoed a credential back in response header x-debug-key of GET /v1/widgets';
    expect(accepted?.failure).toBe(reason);
    expect(mask).toMatch(/^acme_live_…[A-Za-z0-9_-]{4}$/);
    const lines = evidenceLines(accepted);
    expect(lines).toContain(`finding:  ${reason}`);
    expect(lines).toContain(`> X-Acme-Key: ${mask}`);
    expect(lines).toContain(`< x-debug-key: ${mask}`);
    // in the body the plain key became the mask; its base64 keeps the encoded (public) prefix, then '…' and the tail
    const b64Prefix = Buffer.from(LIVE_PREFIX).toString('base64').slice(0, 12);
    expect(lines).toContain(`< {"widgets":[],"debug":{"key":"${mask}","b64":"${b64Prefix}…${key.slice(-4)}"}}`);
    expect(result.stdout).toContain(`    ✗ ACME-AUTH-01 MUST  ${reason}\n`);
  });

  it('the key inside a longer base64 value (base64 of "Bearer KEY") is masked too', () => {
    const wrongHeader = cases.find((c) => c.name === 'ACME-AUTH-02 key in the wrong header (Authorization: Bearer K) is refused');
    const lines = evidenceLines(wrongHeader);
    expect(lines).toContain(`> Authorization: Bearer ${mask}`);
    const body = lines.find((l) => l.startsWith('< {"error"'));
    expect(body).toMatch(new RegExp(`^< \\{"error":"missing_key","key":"Bearer ${mask}","b64":"[A-Za-z0-9+/]*…${key.slice(-4)}[A-Za-z0-9+/]*={0,2}"\\}$`));
  });

  it('keys derived from the real one are masked: a truncated key shows no tail (it would be the middle of the real key)', () => {
    const truncated = cases.find((c) => c.name === 'ACME-AUTH-03 truncated key is refused');
    expect(evidenceLines(truncated)).toContain(`> X-Acme-Key: ${LIVE_PREFIX}…`);
    const changed = cases.find((c) => c.name === 'ACME-AUTH-03 key with a changed last character is refused');
    const changedLine = evidenceLines(changed).find((l) => l.startsWith('> X-Acme-Key: '));
    // the real key's last three characters and the changed one
    expect(changedLine).toMatch(new RegExp(`^> X-Acme-Key: ${LIVE_PREFIX}…${key.slice(-4, -1)}[A-Za-z0-9_-]$`));
    expect(changedLine).not.toBe(`> X-Acme-Key: ${mask}`);
  });
});

describe('an echo only in the body is found and masked too (in-process)', () => {
  it.concurrent.each([
    ['body', 'response body'],
    ['base64 body', 'response body (base64)'],
  ] as const)('echo in the %s → "target echoed a credential back in %s"', async (mode, where) => {
    const key = canaryKey();
    const server = await echoServer(key, mode);
    try {
      const junit = join(tempDir('echo'), 'junit.xml');
      const { value: run, rejections } = await watchingRejections(() =>
        cli(['run', HOSTILE_SPEC, '--target', server.url, '--fixtures', FIXTURES, '--junit', junit, '--allow-live', '--no-color'], { HOSTILE_VALID_KEY: key }),
      );
      expect(rejections).toEqual([]);
      expect(run.stderr).toEqual([]);
      expect(run.code).toBe(1);
      const cases = junitCases(junit);
      expect(cases.map((c) => c.failure)).toEqual([
        `target echoed a credential back in ${where} of GET /v1/widgets`,
        undefined, // no key sent, nothing to echo: a pass
        `target echoed a credential back in ${where} of GET /v1/widgets`,
      ]);
      const xml = readFileSync(junit, 'utf8');
      for (const text of [run.stdout.join('\n'), xml]) expect(leaks(key, text)).toEqual([]);
      expect(evidenceLines(cases[0])).toContain(`> X-Acme-Key: ${maskOf(key)}`);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('redaction of encoded and derived keys (unit)', () => {
  const key = 'acme_live_Qx7hR2mVt9LpZc4WbN8sKd3F';
  it.each([
    ['base64 of a longer value', Buffer.from(`Bearer ${key}`).toString('base64')],
    ['base64url inside JSON', Buffer.from(`{"k":"${key}","n":1}`).toString('base64url')],
    ['base64 after two bytes', Buffer.from(`ab${key}xyz`).toString('base64')],
  ])('%s', (_name, text) => {
    const out = redactText(text, [key], [LIVE_PREFIX]);
    // the whole key spelt there: '…' and the documented tail
    expect(out).toContain(`…${key.slice(-4)}`);
    expect(leaks(key, out)).toEqual([]);
  });

  it('a piece of a longer secret is masked without its tail; a padded copy keeps the real tail', () => {
    const truncated = key.slice(0, LIVE_PREFIX.length + 16);
    expect(redactText(`k=${truncated}`, [key, truncated], [LIVE_PREFIX])).toBe(`k=${LIVE_PREFIX}…`);
    expect(redactText(`k=${key}`, [key, ` ${key} `], [LIVE_PREFIX])).toBe(`k=${LIVE_PREFIX}…${key.slice(-4)}`);
  });
});
