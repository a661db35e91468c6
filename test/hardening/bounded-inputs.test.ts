/**
 * Red team B5/B6 and the YAML weak spots: inputs that made `validate` run for ever, grow to
 * gigabytes, block, print another file's lines, or die with "internal error". Each now ends at
 * once with exit 2 and located lines. No timing is asserted: a version that still expands the
 * bomb or reads /dev/zero never finishes, and the test's timeout fails it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineRefs } from '../../src/spec/resolve-refs.ts';
import { cli, HOSTILE_DIR, HOSTILE_SPEC, removeTempDirs, STACK_LINE, tempDir } from './support/run.ts';

afterAll(removeTempDirs);

const MINIMAL = join(HOSTILE_DIR, '..', 'broken-specs', '_valid-minimal.yaml');

/** A copy of the minimal spec in a fresh folder (with its seed), `seed:` replaced by `seed`. */
function specWithSeed(seed: string): { dir: string; file: string } {
  const dir = tempDir('seed');
  mkdirSync(join(dir, '_seeds'));
  copyFileSync(join(HOSTILE_DIR, '..', 'broken-specs', '_seeds', 'acme.yaml'), join(dir, '_seeds', 'acme.yaml'));
  const file = join(dir, 'spec.yaml');
  writeFileSync(file, readFileSync(MINIMAL, 'utf8').replace('seed: _seeds/acme.yaml', `seed: ${seed}`));
  return { dir, file };
}

function oneRun(run: { code: number; stdout: string[]; stderr: string[] }): string {
  const all = [...run.stdout, ...run.stderr].join('\n');
  expect(STACK_LINE.test(all)).toBe(false);
  expect(all).not.toContain('internal error');
  return all;
}

describe('B5: a $ref bomb', () => {
  it('validate on 40 levels (each schema references the next twice) ends with exit 2 and one located line', async () => {
    const run = await cli(['validate', join(HOSTILE_DIR, 'ref-bomb-40.yaml')]);
    const all = oneRun(run);
    expect(run.code).toBe(2);
    expect(all).toContain(
      'ref-bomb-40.yaml:22:31 (/paths/~1v1~1widgets/get/responses/200/content/application~1json/schema/$ref): $ref "#/components/schemas/B0" stands for more than 100000 schema nodes once its references are followed',
    );
  }, 60_000);

  it('references are resolved by reference: a schema used twice is one object (a graph, not a copied tree)', () => {
    const doc = { components: { schemas: { A: { type: 'string' }, P: { type: 'object', properties: { x: { $ref: '#/components/schemas/A' }, y: { $ref: '#/components/schemas/A' } } } } } };
    const out = inlineRefs(doc, { $ref: '#/components/schemas/P' }) as { properties: { x: unknown; y: unknown } };
    expect(out.properties.x).toEqual({ type: 'string' });
    expect(out.properties.x).toBe(out.properties.y);
  });
});

describe('B6: seed, spec and fixtures files are bounded', () => {
  it.each([
    ['/dev/zero', "is outside the spec's folder"],
    ['/etc/passwd', "is outside the spec's folder"],
    ['../../../../../../etc/passwd', "is outside the spec's folder"],
  ])('seed: %s → exit 2 at once, one located line, nothing of the file printed', async (seed, why) => {
    const { file } = specWithSeed(seed);
    const run = await cli(['validate', file]);
    const all = oneRun(run);
    expect(run.code).toBe(2);
    expect(all).toContain(`spec.yaml:83:11 (/x-authconform/mock/seed): seed file ${why}`);
    expect(all).not.toMatch(/root:|unknown key/);
  }, 60_000);

  it('a seed that is a link out of the folder is refused without reading it', async () => {
    const { dir, file } = specWithSeed('_seeds/link.yaml');
    symlinkSync('/etc/passwd', join(dir, '_seeds', 'link.yaml'));
    const run = await cli(['validate', file]);
    expect(run.code).toBe(2);
    expect(oneRun(run)).toContain("seed file is a link to a file outside the spec's folder");
  });

  it('a FIFO as seed, spec or fixtures is refused without blocking', async () => {
    const { dir, file } = specWithSeed('_seeds/fifo.yaml');
    execFileSync('mkfifo', [join(dir, '_seeds', 'fifo.yaml'), join(dir, 'spec-fifo.yaml'), join(dir, 'fixtures-fifo.yaml')]);
    const seed = await cli(['validate', file]);
    expect(seed.code).toBe(2);
    expect(oneRun(seed)).toContain('cannot read the seed file: it is not a regular file (a FIFO, socket or device is never read)');
    const spec = await cli(['validate', join(dir, 'spec-fifo.yaml')]);
    expect(spec.code).toBe(2);
    expect(oneRun(spec)).toContain('cannot read the spec: is not a regular file (a FIFO, socket or device is never read)');
    const fixtures = await cli(['run', HOSTILE_SPEC, '--fixtures', join(dir, 'fixtures-fifo.yaml'), '--target', 'http://127.0.0.1:9']);
    expect(fixtures.code).toBe(2);
    expect(oneRun(fixtures)).toContain('fixtures is not a regular file (a FIFO, socket or device is never read)');
  }, 60_000);

  it('--fixtures /dev/zero: exit 2 at once', async () => {
    const run = await cli(['run', HOSTILE_SPEC, '--fixtures', '/dev/zero', '--target', 'http://127.0.0.1:9']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr: ['authconform: /dev/zero: fixtures is not a regular file (a FIFO, socket or device is never read)'],
    });
  }, 60_000);

  it('a 50 MB spec: exit 2, one line naming the 5 MB limit (nothing parsed)', async () => {
    const file = join(tempDir('big'), 'big.yaml');
    writeFileSync(file, 'openapi: 3.1.0\n');
    truncateSync(file, 50 * 1024 * 1024);
    const run = await cli(['validate', file]);
    expect(run.code).toBe(2);
    expect(oneRun(run)).toContain('big.yaml: cannot read the spec: is 50 MB, larger than the 5 MB an input file may be');
  }, 60_000);
});

describe('YAML bombs get a located line, not "internal error"', () => {
  it('an alias bomb', async () => {
    const file = join(tempDir('alias'), 'alias.yaml');
    const lines = ['openapi: 3.1.0', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await cli(['validate', file]);
    expect(run.code).toBe(2);
    expect(oneRun(run)).toContain('alias.yaml:3:10: YAML aliases expand to more than 1000 nodes (an alias bomb)');
  });

  it.each([300, 20_000])('%i levels of nesting', async (levels) => {
    const file = join(tempDir('deep'), 'deep.yaml');
    writeFileSync(file, `openapi: 3.1.0\nx: ${'['.repeat(levels)}${']'.repeat(levels)}\n`);
    const run = await cli(['validate', file]);
    expect(run.code).toBe(2);
    expect(oneRun(run)).toMatch(/deep\.yaml:2:\d+: nesting deeper than (the limit of|the YAML parser can follow \(the limit is) 128 levels/);
  });
});
