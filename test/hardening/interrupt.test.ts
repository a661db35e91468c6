/**
 * Ctrl+C, a CI's cancel, a closed terminal: `authconform run` as a child process gets SIGINT,
 * SIGTERM or SIGHUP while its second case waits for a slow target. It exits 130 / 143 / 129, the
 * JUnit it still writes validates against the Jenkins junit-4 schema (the finished case with its
 * verdict, every other case skipped as "interrupted"), and its temporary files are gone.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseOf } from '../../reporters/collect-results.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { validateJunit } from '../reporters/xmllint.ts';
import { junitCases, type JunitCaseResult } from './support/junit.ts';
import { canaryKey, FIXTURES, MANY_SPEC, STACK_LINE, removeTempDirs, tempDir } from './support/run.ts';
import { startHttp, type Hostile } from './support/servers.ts';
import { CLI_ARGS } from '../support/cli-bin.ts';

afterAll(removeTempDirs);

/** the hang guard of the run: vitest fails the hook if it has not reached its second case and exited by then */
const RUN_GUARD_MS = 180_000;
/** how long the target holds the second answer: the case is surely in flight when SIGINT lands */
const HOLD_MS = 2_000;

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)('%s during a run', (signal, exitCode) => {
  const key = canaryKey();
  let server: Hostile;
  let secondRequest: Promise<void>;
  let junit: string;
  /** the other reports of the run: the JSON record, and projections of it */
  let reports: { json: string; html: string; sarif: string };
  let result: { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
  /** the run's TMPDIR: empty again when it has exited */
  const runTmp = mkdtempSync(join(tmpdir(), 'ac-interrupt-tmp-'));
  afterAll(() => rmSync(runTmp, { recursive: true, force: true }));
  let cases: JunitCaseResult[];
  let child: ReturnType<typeof spawn> | undefined;

  beforeAll(async () => {
    let reached!: () => void;
    secondRequest = new Promise<void>((resolve) => (reached = resolve));
    server = await startHttp((req, res) => {
      const answer = (): void => {
        const ok = req.headers['x-acme-key'] === key;
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ok ? { widgets: [] } : { error: req.headers['x-acme-key'] === undefined ? 'missing_key' : 'invalid_key' }));
      };
      if (server.seen.length === 2) {
        reached();
        setTimeout(answer, HOLD_MS);
      } else {
        answer();
      }
    });
    const out = tempDir('interrupt');
    junit = join(out, 'junit.xml');
    reports = { json: join(out, 'run.json'), html: join(out, 'run.html'), sarif: join(out, 'run.sarif') };
    const proc = spawn(
      process.execPath,
      [...CLI_ARGS, 'run', MANY_SPEC, '--target', server.url, '--fixtures', FIXTURES, '--junit', junit,
        '--json', reports.json, '--html', reports.html, '--sarif', reports.sarif, '--allow-live', '--timeout', '5000'],
      { cwd: repoRoot, env: { PATH: process.env.PATH, NO_COLOR: '1', HOSTILE_VALID_KEY: key, TMPDIR: runTmp } },
    );
    let stdout = '';
    let stderr = '';
    child = proc;
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => proc.on('close', (code, signal) => resolve([code, signal])));
    // no wall-clock limit of our own: the hook's timeout is the hang guard
    const inFlight = await Promise.race([secondRequest.then(() => true), exited.then(() => false)]);
    if (!inFlight) throw new Error(`the run exited before its second case: ${stdout}${stderr}`);
    proc.kill(signal);
    const [code, killedBy] = await exited;
    result = { code, signal: killedBy, stdout, stderr };
    cases = existsSync(junit) ? junitCases(junit) : [];
  }, RUN_GUARD_MS);

  afterAll(async () => {
    // a run stopped by the hang guard is not left behind
    if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await server?.close();
  });

  it(`exits ${exitCode} on the signal, quietly, its temporary files removed`, () => {
    expect(result.signal).toBeNull();
    expect(result.code).toBe(exitCode);
    // (tsx keeps its cache there when a run goes through it; test/support/cli-bin.ts runs the compiled bin)
    expect(readdirSync(runTmp).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
    expect(result.stderr).toBe('');
    // the case in flight is abandoned, not waited for: it is skipped as interrupted, not passed
    expect(result.stdout).toMatch(/\ntotal: 1 passed, 0 failed, 0 warnings, 26 skipped · 2 requests · .* · interrupted\n/);
    expect(result.stdout).toContain(`\nJUnit: ${junit}\n`);
  });

  it('writes every other report too: the JSON record holds the finished case, the rest skipped "interrupted"', () => {
    const record = JSON.parse(readFileSync(reports.json, 'utf8')) as { interrupted: boolean; specs: Array<{ cases: Array<{ verdict: string; reason?: string }> }> };
    expect(record.interrupted).toBe(true);
    const recorded = record.specs.flatMap((spec) => spec.cases);
    expect(recorded.map((c) => c.verdict)).toEqual(['pass', ...Array(26).fill('skip')]);
    expect(recorded.slice(1).map((c) => c.reason)).toEqual(Array(26).fill('interrupted'));
    for (const file of [reports.html, reports.sarif]) expect(result.stdout).toContain(`: ${file}\n`);
    expect(readFileSync(reports.html, 'utf8')).toContain('interrupted');
    expect((JSON.parse(readFileSync(reports.sarif, 'utf8')) as { runs: unknown[] }).runs).toHaveLength(1);
  });

  it('gives "interrupted" as the skip reason on the console too (not vitest\'s abort note)', () => {
    const reasons = [...result.stdout.matchAll(/ \d+ skipped: (.*)$/gm)].map((m) => m[1]!);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.filter((r) => !/^interrupted \(\d+\)$/.test(r))).toEqual([]);
    expect(reasons.reduce((sum, r) => sum + Number(/\((\d+)\)$/.exec(r)![1]), 0)).toBe(26);
  });

  it('writes a JUnit that validates against the vendored JUnit schema (schemas/junit-10.xsd)', async () => {
    expect(existsSync(junit)).toBe(true);
    expect(await validateJunit(junit)).toBe(`${junit} validates`);
  });

  it('keeps the finished case, and marks every other case skipped: "interrupted"', () => {
    expect(cases).toHaveLength(27);
    expect(cases[0]).toMatchObject({ name: 'ACME-AUTH-01 valid credential is accepted on listWidgets' });
    expect(cases[0]!.failure).toBeUndefined();
    expect(cases[0]!.skipped).toBeUndefined();
    expect(cases.slice(1).map((c) => c.skipped)).toEqual(Array(26).fill('interrupted'));
    // the server saw the finished case's request and the one in flight, nothing after the signal
    expect(server.seen).toHaveLength(2);
  });

  it('shows no stack trace and no key', () => {
    const written = [junit, reports.json, reports.html, reports.sarif].map((file) => readFileSync(file, 'utf8'));
    for (const text of [result.stdout, result.stderr, ...written]) {
      expect(text).not.toMatch(STACK_LINE);
      expect(text).not.toContain(key);
    }
  });
});

describe('how a cancelled run reports its cases (unit)', () => {
  const fakeCase = (verdict: string | undefined, message: string | undefined, state: string, note?: string) =>
    ({
      name: 'ACME-AUTH-04 valid credential is accepted on listGadgets',
      meta: () => ({ authconform: { requirementId: 'ACME-AUTH-04', level: 'MUST', verdict, message } }),
      result: () => ({ state, note, errors: [] }),
      diagnostic: () => undefined,
    }) as unknown as Parameters<typeof caseOf>[0];

  it.each([
    // the case in flight: vitest marks it skipped with its own note, though the case body ran on and recorded a verdict
    ['abandoned in flight, verdict recorded late', fakeCase('pass', 'GET /v1/gadgets accepted', 'skipped', 'The test run was aborted by the user.'), 'interrupted'],
    ['never reached', fakeCase(undefined, undefined, 'skipped', 'The test run was aborted by the user.'), 'interrupted'],
    ['skipped itself with a reason before the signal', fakeCase('skip', 'no `test_mode` credential in the fixtures', 'skipped', 'no `test_mode` credential in the fixtures'), 'no `test_mode` credential in the fixtures'],
    ['pending', fakeCase(undefined, undefined, 'pending'), 'interrupted'],
  ])('%s → %s', (_name, test, message) => {
    expect(caseOf(test, true)).toMatchObject({ status: 'skipped', message });
  });
});
