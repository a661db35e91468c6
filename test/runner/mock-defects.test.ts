import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/runner/run-conformance.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { captureIO } from './cli-io.ts';

// A defect of the embedded mock breaks one requirement; the run must say exactly that.
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ac-defects-'));
});

describe('a MUST requirement broken by a mock defect', () => {
  it.each([['LINKFETCH-AUTH-02'], ['LINKFETCH-AUTH-03']])('%s: exit 1, and every failing testcase is that requirement', async (defect) => {
    const junit = join(dir, defect, 'junit.xml');
    const captured = captureIO();
    const summary = await runConformance({ specs: [{ spec: 'linkfetch', mockDefects: [defect] }], junit, color: false }, captured.io);
    expect(summary.exitCode).toBe(1);
    const failing = readJunit(junit).flatMap((s) => s.cases.filter((c) => c.failure !== undefined || c.error !== undefined));
    expect(failing.length).toBeGreaterThan(0);
    for (const c of failing) {
      expect(c.name.split(' ')[0]).toBe(defect);
      expect(c.failure?.type).toBe('MUST');
    }
    const consoleFailures = captured.stdout.flatMap((l) => /^ {4}✗ (\S+) (\S+) {2}\S/.exec(l)?.slice(1, 3) ?? []);
    expect(consoleFailures).toEqual(failing.flatMap(() => [defect, 'MUST']));
  });
});
