import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/runner/run-conformance.ts';
import { runConformance } from '../support/compiled.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { readJunit, type JunitSuite } from '../reporters/parse-junit.ts';
import { captureIO, type Captured } from './cli-io.ts';
import { tempDir } from '../support/temp-dir.ts';

// One run, two specs, a mock defect in each: one of the missing-credentials family, one of the
// invalid-credentials family. Each spec must fail on exactly its broken requirement.
const DEFECTS = { linkkit: 'LINKKIT-AUTH-03', linkfetch: 'LINKFETCH-AUTH-03' } as const;

let summary: RunSummary;
let suites: JunitSuite[];
let captured: Captured;
let xml: string;

beforeAll(async () => {
  const junit = join(tempDir('ac-defects-'), 'junit.xml');
  captured = captureIO();
  summary = await runConformance(
    { specs: Object.entries(DEFECTS).map(([spec, defect]) => ({ spec, mockDefects: [defect] })), junit, color: false },
    captured.io,
  );
  suites = readJunit(junit);
  xml = await readFile(junit, 'utf8');
});

describe('MUST requirements broken by mock defects', () => {
  it('exit 1', () => {
    expect(summary.exitCode).toBe(1);
  });

  it.each(Object.entries(DEFECTS))('%s: every failing testcase is %s, as MUST', (spec, defect) => {
    const failing = suites
      .filter((s) => s.properties.spec === spec)
      .flatMap((s) => s.cases.filter((c) => c.failure !== undefined || c.error !== undefined));
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.map((c) => [c.name.split(' ')[0], c.failure?.type])).toEqual(failing.map(() => [defect, 'MUST']));
  });

  it('the console names each failure with its requirement id and level', () => {
    const failing = suites.flatMap((s) => s.cases.filter((c) => c.failure !== undefined).map((c) => [c.name.split(' ')[0], 'MUST']));
    const lines = captured.stdout.flatMap((l) => {
      const m = /^ {4}✗ (\S+) (\S+) {2}\S/.exec(l);
      return m === null ? [] : [[m[1], m[2]]];
    });
    expect(lines).toEqual(failing);
  });

  it('shows the failing exchanges with every seeded credential masked', async () => {
    const evidence = suites.flatMap((s) => s.cases.flatMap((c) => (c.failure === undefined ? [] : [c.failure.text])));
    expect(evidence.some((text) => /^> authorization: Bearer sk_live_…/im.test(text))).toBe(true);
    for (const spec of Object.keys(DEFECTS)) {
      for (const { value } of (await loadSpec(spec)).mock.credentials) {
        expect(xml).not.toContain(value);
        expect(captured.stdout.join('\n')).not.toContain(value);
      }
    }
  });
});
