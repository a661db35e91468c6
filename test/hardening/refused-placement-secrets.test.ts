/**
 * credential.refused-placement sends the real valid key in a URL (`?access_token=<key>`) and in a
 * cookie: the run's outputs (console, JUnit, JSON record, HTML, SARIF) must never carry it, in any
 * spelling the independent leak finder decodes. The run goes against the spec's embedded mock, once
 * conformant (the cases pass) and once with the defect that honours the key from the refused places
 * (the failures' evidence holds the request URL and Cookie header).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/spec/bundled.ts';
import { runConformance } from '../support/compiled.ts';
import { captureIO } from '../runner/cli-io.ts';
import { secretLeaks } from './support/leaks.ts';
import { removeTempDirs, STACK_LINE, tempDir } from './support/run.ts';

afterAll(removeTempDirs);

const SPEC = join(repoRoot, 'test/fixtures/refusals/octo-lite.yaml');
const SEED = parse(readFileSync(join(repoRoot, 'test/fixtures/refusals/octo-lite.seed.yaml'), 'utf8')) as { credentials: Array<{ role: string; value: string }> };
const KEY = SEED.credentials.find((c) => c.role === 'valid')!.value;
const CASES = ['OCTO-AUTH-06 valid key in the query parameter access_token (refused place) is refused', 'OCTO-AUTH-06 valid key in the cookie octo_session (refused place) is refused'];

describe('the valid key in a refused place (query parameter, cookie) stays out of every output', () => {
  it.each([
    ['conformant mock: both cases pass', [] as string[], 0, 'passed'],
    ['defect OCTO-AUTH-06 (the key honoured there): the failures carry the requests, masked', ['OCTO-AUTH-06'], 1, 'failed'],
  ])('%s', async (_name, mockDefects, exitCode, verdict) => {
    const dir = tempDir(verdict);
    const files = { junit: join(dir, 'junit.xml'), json: join(dir, 'record.json'), html: join(dir, 'report.html'), sarif: join(dir, 'report.sarif') };
    const captured = captureIO();
    const summary = await runConformance(
      { specs: [{ spec: SPEC, mockDefects }], options: { only: ['OCTO-AUTH-06'] }, junit: files.junit, reports: { json: files.json, html: files.html, sarif: files.sarif }, color: false },
      captured.io,
    );
    expect(summary.exitCode).toBe(exitCode);
    const junit = readFileSync(files.junit, 'utf8');
    for (const name of CASES) expect(junit).toContain(name);
    const outputs: Array<[string, string]> = [
      ['console', [...captured.stdout, ...captured.stderr].join('\n')],
      ...Object.entries(files).map(([kind, file]): [string, string] => [kind, readFileSync(file, 'utf8')]),
    ];
    expect(outputs[0]![1]).not.toMatch(STACK_LINE);
    if (verdict === 'failed') expect(junit).toMatch(/access_token=octo_…/);
    expect(outputs.flatMap(([where, text]) => secretLeaks(KEY, text, 'octo_').map((l) => `${where}: ${l}`))).toEqual([]);
  }, 180_000);
});
