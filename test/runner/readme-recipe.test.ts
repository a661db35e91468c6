/**
 * The README's CI recipe works as written: its `npx authconform run ...` line, extracted from
 * README.md, runs verbatim in bash (npx and authconform are shell functions that run the sources)
 * against a local LinkFetch mock, with only the valid key set. As in GitHub Actions, every other
 * variable of the step's `env:` is set but empty (an unset secret expands to ''); those roles are
 * absent through the shipped fixtures' `${VAR:-}`, so their cases skip with the reason; the run
 * exits 0. The checkout's reports/junit.xml is set aside first (and put back after), so the JUnit
 * the test reads is the one this run wrote.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { CLI_ARGS } from '../support/cli-bin.ts';

const MARKER = '<!-- recipe: the next command line is run verbatim by test/runner/readme-recipe.test.ts -->';

/** The first `- run: npx authconform ...` line after the marker, and the variables of its step's `env:`. */
function recipe(): { line: string; env: string[] } {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const after = readme.slice(readme.indexOf(MARKER));
  const m = /^- run: (npx authconform run .*)\n {2}env:\n((?: {4}\w+: .*\n)+)/m.exec(after);
  if (m === null) throw new Error('README.md: no `- run: npx authconform run` line with its `env:` after the recipe marker');
  return { line: m[1]!, env: [...m[2]!.matchAll(/^ {4}(\w+):/gm)].map((v) => v[1]!) };
}

/** The variables a fixtures file reads (`${VAR}`, `${VAR:-default}`), comments left out. */
function fixtureVariables(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8').replace(/#.*$/gm, '');
  return [...new Set([...text.matchAll(/\$\{(\w+)(?::-[^}]*)?\}/g)].map((m) => m[1]!))];
}

let mock: MockServer;
const junit = join(repoRoot, 'reports', 'junit.xml');
/** the checkout's own JUnit, put back after the test */
let before: Buffer | undefined;

beforeAll(async () => {
  if (existsSync(junit)) before = readFileSync(junit);
  rmSync(junit, { force: true });
  mock = await startMock(await loadSpec('linkfetch'));
});

afterAll(async () => {
  await mock.close();
  rmSync(junit, { force: true });
  if (before !== undefined) writeFileSync(junit, before);
});

describe('README CI recipe', () => {
  it('sets exactly the variables the shipped fixtures file reads', () => {
    const { line, env } = recipe();
    const fixtures = /--fixtures (\S+)/.exec(line)![1]!;
    expect(fixtures).toBe('fixtures/linkfetch.staging.yaml');
    expect([...env].sort()).toEqual(fixtureVariables(fixtures).sort());
  });

  it('runs verbatim with only LINKFETCH_KEY set: exit 0, the other roles skip with their reason', async () => {
    const { line, env: names } = recipe();
    expect(line).toContain('--allow-live');
    const valid = mock.fixtures.credentials.valid!.value;
    expect(valid.startsWith('sk_live_')).toBe(true);
    const node = JSON.stringify(process.execPath);
    const cli = CLI_ARGS.map((a) => JSON.stringify(a)).join(' ');
    const script = `npx() { "$@"; }\nauthconform() { ${node} ${cli} "$@"; }\n${line}\n`;
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };
    // GitHub Actions sets a variable whose secret is not defined to ''
    for (const name of names) env[name] = '';
    Object.assign(env, { LINKFETCH_STAGING_URL: mock.url, LINKFETCH_KEY: valid });
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
