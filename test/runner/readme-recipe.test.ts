/**
 * The README's CI recipe works as written: its `npx authconform run ...` line, extracted from
 * README.md, runs verbatim in bash (npx and authconform are shell functions that run the sources)
 * against a local LinkFetch mock, with only the valid key set. Every other role is absent through
 * the shipped fixtures' `${VAR:-}`, so its cases skip with the reason; the run exits 0.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { CLI_ARGS } from '../support/cli-bin.ts';

const MARKER = '<!-- recipe: the next command line is run verbatim by test/runner/readme-recipe.test.ts -->';

/** The first `- run: npx authconform ...` line after the marker. */
function recipeLine(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const after = readme.slice(readme.indexOf(MARKER));
  const line = /^- run: (npx authconform run .*)$/m.exec(after)?.[1];
  if (line === undefined) throw new Error('README.md: no `- run: npx authconform run` line after the recipe marker');
  return line;
}

let mock: MockServer;
const junit = join(repoRoot, 'reports', 'junit.xml');

beforeAll(async () => {
  mock = await startMock(await loadSpec('linkfetch'));
});

afterAll(async () => {
  await mock.close();
  rmSync(junit, { force: true });
});

describe('README CI recipe', () => {
  it('runs verbatim with only LINKFETCH_KEY set: exit 0, the other roles skip with their reason', async () => {
    const line = recipeLine();
    expect(line).toContain('--allow-live');
    const valid = mock.fixtures.credentials.valid!.value;
    expect(valid.startsWith('sk_live_')).toBe(true);
    const node = JSON.stringify(process.execPath);
    const cli = CLI_ARGS.map((a) => JSON.stringify(a)).join(' ');
    const script = `npx() { "$@"; }\nauthconform() { ${node} ${cli} "$@"; }\n${line}\n`;
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', LINKFETCH_STAGING_URL: mock.url, LINKFETCH_KEY: valid };
    // asynchronous: the mock answers from this process
    const r = await promisify(execFile)('bash', ['-c', script], { cwd: repoRoot, env, encoding: 'utf8' }).then(
      ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
      (err: { code?: number; stdout: string; stderr: string }) => ({ status: err.code, stdout: err.stdout, stderr: err.stderr }),
    );
    expect(r.stderr).toBe('');
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).not.toContain(valid);
    const cases = readJunit(junit).flatMap((s) => s.cases);
    const skipped = cases.filter((c) => c.skipped !== undefined);
    expect(skipped.length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.failure !== undefined)).toEqual([]);
    // every skip gives its reason; the roles left unset are among them
    expect(skipped.filter((c) => (c.skipped ?? '').trim() === '')).toEqual([]);
    expect(skipped.some((c) => /revoked_in_grace/.test(c.skipped ?? ''))).toBe(true);
  }, 120_000);
});
