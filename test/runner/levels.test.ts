import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/compiled.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { captureIO } from './cli-io.ts';
import { tempDir } from '../support/temp-dir.ts';

// LINKFETCH-KEY-03 is a SHOULD: broken, it warns by default and fails with --level should.
const SHOULD_DEFECT = 'LINKFETCH-KEY-03';
let dir: string;

beforeAll(async () => {
  dir = tempDir('ac-levels-');
});

describe('levels against a broken SHOULD', () => {
  it('by default it is a warning: exit 0, the testcase passes and says why', async () => {
    const junit = join(dir, 'default.xml');
    const captured = captureIO();
    const summary = await runConformance({ specs: [{ spec: 'linkfetch', mockDefects: [SHOULD_DEFECT] }], junit, color: false }, captured.io);
    expect(summary.exitCode).toBe(0);
    const cases = readJunit(junit).flatMap((s) => s.cases).filter((c) => c.name.startsWith(`${SHOULD_DEFECT} `));
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.failure).toBeUndefined();
      expect(c.systemOut).toMatch(/\nwarning \(SHOULD; fails the run only with --level should\/all or --strict\): /);
    }
    const warnings = captured.stdout.flatMap((l) => /^ {4}! (\S+ \S+ \(warning\)) {2}\S/.exec(l)?.[1] ?? []);
    expect(warnings).toEqual(cases.map(() => `${SHOULD_DEFECT} SHOULD (warning)`));
  });

  it('with --level should and --only (ids and a family) it fails the run, and only the selection runs', async () => {
    const junit = join(dir, 'should.xml');
    const captured = captureIO();
    const summary = await runConformance(
      {
        specs: [{ spec: 'linkfetch', mockDefects: [SHOULD_DEFECT] }],
        junit,
        options: { level: 'should', only: ['LINKFETCH-AUTH-02', SHOULD_DEFECT.toLowerCase(), 'scopes'] },
        color: false,
      },
      captured.io,
    );
    expect(summary.exitCode).toBe(1);
    const suites = readJunit(junit);
    expect(suites.map((s) => s.name)).toEqual(['linkfetch › missing-credentials', 'linkfetch › key-lifecycle', 'linkfetch › scopes']);
    expect(new Set(suites.flatMap((s) => s.cases.map((c) => c.name.split(' ')[0])))).toEqual(
      new Set(['LINKFETCH-AUTH-02', SHOULD_DEFECT, 'LINKFETCH-SCOPE-01']),
    );
    const failing = suites.flatMap((s) => s.cases.filter((c) => c.failure !== undefined));
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.map((c) => [c.name.split(' ')[0], c.failure?.type])).toEqual(failing.map(() => [SHOULD_DEFECT, 'SHOULD']));
    expect(suites[0]!.properties.level).toBe('should');
  });
});
