/**
 * Red team weak spot: `--junit` could overwrite the spec itself, followed links, and blocked on a
 * FIFO. Now a report path that is an input of the run (also through a link), a FIFO or a device
 * is refused before the run (exit 2, one line), and the report is written through a temporary
 * file and a rename (a link at the path is replaced, not followed).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReportFile } from '../../src/runner/output-file.ts';
import { cli, removeTempDirs, tempDir } from './support/run.ts';
import { repoRoot } from '../../src/spec/bundled.ts';

afterAll(removeTempDirs);

function specCopy(): { dir: string; spec: string; original: string } {
  const dir = tempDir('report');
  const spec = join(dir, 'linkfetch.yaml');
  const text = readFileSync(join(repoRoot, 'specs', 'linkfetch.yaml'), 'utf8').replace('../fixtures/mock/linkfetch.yaml', 'seed.yaml');
  writeFileSync(spec, text);
  copyFileSync(join(repoRoot, 'fixtures', 'mock', 'linkfetch.yaml'), join(dir, 'seed.yaml'));
  return { dir, spec, original: text };
}

describe('report paths', () => {
  it.each([
    ['the spec itself', (d: { spec: string }) => d.spec, 'is an input of this run; give another path for the report'],
    ['the seed', (d: { dir: string }) => join(d.dir, 'seed.yaml'), 'is an input of this run; give another path for the report'],
    ['a link to the spec', (d: { dir: string; spec: string }) => {
      symlinkSync(d.spec, join(d.dir, 'link.xml'));
      return join(d.dir, 'link.xml');
    }, 'is an input of this run; give another path for the report'],
    ['a FIFO', (d: { dir: string }) => {
      execFileSync('mkfifo', [join(d.dir, 'fifo.xml')]);
      return join(d.dir, 'fifo.xml');
    }, 'is not a regular file (a FIFO, socket or device); give a file path'],
    ['a device', () => '/dev/null', 'is not a regular file (a FIFO, socket or device); give a file path'],
  ])('--junit %s → exit 2 before the run, one line, the spec untouched', async (_name, pathOf, why) => {
    const d = specCopy();
    const junit = pathOf(d);
    const run = await cli(['run', d.spec, '--junit', junit]);
    expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({ code: 2, stderr: [`authconform: --junit ${junit}: ${why}`], stdout: [] });
    expect(readFileSync(d.spec, 'utf8')).toBe(d.original);
  }, 60_000);

  it('a report replaces a link at its path instead of writing through it, and leaves no temporary file', () => {
    const dir = tempDir('rename');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, 'report.xml'));
    writeReportFile(join(dir, 'report.xml'), '<testsuites/>');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'report.xml')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toBe('<testsuites/>');
    expect(readdirSync(dir).sort()).toEqual(['report.xml', 'victim.txt']);
  });
});
