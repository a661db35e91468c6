import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { command as run } from '../../src/cli/commands/run.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { MockConfig } from '../../src/spec/mock-config.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { captureIO, runCommand } from './cli-io.ts';
import { CLI_ARGS } from '../support/cli-bin.ts';
import { tempDir } from '../support/temp-dir.ts';

let dir: string;
let mock: MockConfig;

beforeAll(async () => {
  dir = tempDir('ac-run-');
  mock = (await loadSpec('linkfetch')).mock;
  await writeFile(join(dir, 'live.yaml'), 'credentials:\n  valid: sk_live_realLooking0123456789abcdef\n');
  await writeFile(join(dir, 'env.yaml'), 'target: ${LF_URL}\ncredentials:\n  valid: ${LF_KEY}\n');
});

describe('authconform run: bad input exits 2 with one line, before vitest starts', () => {
  const usage = 'usage: authconform run [spec...] [options]';
  // argv and expected line are functions: the temp dir exists only once beforeAll ran
  const cases: Array<[string, () => string[], () => string]> = [
    ['unknown flag', () => ['linkfetch', '--bogus'], () => 'authconform: unknown option --bogus; ' + usage],
    ['target not http(s)', () => ['linkfetch', '--target', 'ftp://x.test'], () => 'authconform: --target must be an absolute http:// or https:// URL; ' + usage],
    ['non-integer number', () => ['linkfetch', '--concurrency', '2.5'], () => 'authconform: --concurrency must be an integer from 1 to 1024, got "2.5"; ' + usage],
    ['fixtures with several specs', () => ['linkfetch', 'linkt', '--fixtures', 'f.yaml'], () => 'authconform: --fixtures describes one target: give exactly one spec with it; ' + usage],
    ['unknown level', () => ['linkfetch', '--level', 'most'], () => 'authconform: --level must be one of must, should, all, got "most"; ' + usage],
    ['unknown requirement id', () => ['linkfetch', '--only', 'LINKFETCH-NOPE-9'], () => 'authconform: --only: LINKFETCH-NOPE-9 is neither a requirement id nor a probe family of linkfetch (authconform list shows them)'],
    ['missing environment variable', () => ['linkfetch', '--fixtures', join(dir, 'env.yaml')], () => `authconform: ${join(dir, 'env.yaml')}:1: environment variable LF_URL is not set (also unset or empty: LF_KEY)`],
    ['credentials over plain http', () => ['linkfetch', '--target', 'http://api.example.com', '--fixtures', join(dir, 'live.yaml')], () => 'authconform: refusing to send credentials over plain http to api.example.com: use an https target, or pass --allow-insecure'],
    ['live key without --allow-live', () => ['linkfetch', '--target', 'https://api.example.com', '--fixtures', join(dir, 'live.yaml')], () => `authconform: ${join(dir, 'live.yaml')}: credentials.valid is a live key (sk_live_…) and api.example.com is not local: pass --allow-live to probe production keys`],
  ];
  it.each(cases)('%s', async (_name, argv, line) => {
    const captured = captureIO();
    expect(await runCommand(run, argv(), captured)).toBe(2);
    expect(captured.stderr).toEqual([line()]);
    expect(captured.stdout).toEqual([]);
  });

  it('names an unknown spec', async () => {
    const captured = captureIO();
    expect(await runCommand(run, ['nosuchspec'], captured)).toBe(2);
    expect(captured.stderr).toHaveLength(1);
    expect(captured.stderr[0]).toMatch(/^authconform: spec "nosuchspec" not found/);
  });
});

describe('authconform run against the embedded mock (the real binary)', () => {
  it('exits 0, writes the JUnit, and never shows a seeded credential unmasked on stdout, stderr or in the JUnit', async () => {
    const junit = join(dir, 'clean', 'junit.xml');
    const result = spawnSync(process.execPath, [...CLI_ARGS, 'run', 'linkfetch', '--junit', junit], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const xml = await readFile(junit, 'utf8');
    const seeded = mock.credentials.map((c) => c.value);
    expect(seeded.length).toBeGreaterThan(0);
    for (const output of [result.stdout, result.stderr, xml]) {
      for (const value of seeded) expect(output).not.toContain(value);
    }
    expect(result.stdout.split('\n').at(-2)).toBe(`JUnit: ${junit}`);
  }, 90_000);
});
