/**
 * The stricter validate of issue 10, through the CLI on broken copies of bundled specs: a field
 * the requirement's kind ignores, a quote its source does not contain, and a mock answer that
 * breaks its operation's schema each exit 2 with one located line; a cited file that is absent is
 * one warning line naming it.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../spec/cli-capture.ts';
import { tempDir } from '../support/temp-dir.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Copy {
  /** text replacements on the spec, each of which must apply */
  spec?: Array<[string, string]>;
  seed?: Array<[string, string]>;
  /** cited pages left out of the copy */
  without?: string[];
}

/** The copy's spec and seed texts: the spec's paths made local, then the changes (each must apply). */
function texts(name: string, change: Copy = {}): Record<'spec' | 'seed', string> {
  const edit = (text: string, edits: Array<[string, string]> = []): string =>
    edits.reduce((t, [from, to]) => {
      expect(t.includes(from), `the copy of ${name} contains ${from}`).toBe(true);
      return t.replace(from, to);
    }, text);
  const spec = readFileSync(join(REPO, 'specs', `${name}.yaml`), 'utf8').replaceAll('../docs/vendor/', '').replace(`../fixtures/mock/${name}.yaml`, `${name}.seed.yaml`);
  return { spec: edit(spec, change.spec), seed: edit(readFileSync(join(REPO, 'fixtures', 'mock', `${name}.yaml`), 'utf8'), change.seed) };
}

/** A folder holding a bundled spec, its seed and the pages it cites. */
function copyOf(name: string, change: Copy = {}): string {
  const dir = tempDir(`authconform-strict-${name}-`);
  const { spec, seed } = texts(name, change);
  writeFileSync(join(dir, `${name}.yaml`), spec);
  writeFileSync(join(dir, `${name}.seed.yaml`), seed);
  for (const page of [`${name}-authentication.txt`, 'REFERENCE.md']) {
    if (!(change.without ?? []).includes(page)) copyFileSync(join(REPO, 'docs', 'vendor', page), join(dir, page));
  }
  return dir;
}

const validate = (name: string, change?: Copy) => runCli(['validate', `${name}.yaml`], copyOf(name, change));

/** The 1-based line of the copy's spec or seed where `text` starts (the bundled specs change; the located lines follow). */
function lineOf(name: string, file: 'spec' | 'seed', text: string, change?: Copy): number {
  const body = texts(name, change)[file];
  expect(body.includes(text)).toBe(true);
  return body.slice(0, body.indexOf(text)).split('\n').length;
}

const LINKT = readFileSync(join(REPO, 'specs', 'linkt.yaml'), 'utf8');
const valid = `✓ linkt (linkt.yaml): ${LINKT.match(/^ {4}- id: LINKT-/gm)?.length} requirements`;
const MISSING_QUOTE: [string, string] = ['quote: "401unauthorizedMissing or invalid API key" }', 'quote: "401unauthorizedMissing or expired API key" }'];

describe('validate on copies of bundled specs', () => {
  it('an unchanged copy with its pages validates with no warning', async () => {
    expect(await validate('linkt')).toEqual({ code: 0, stdout: [valid], stderr: [] });
  });

  it('statuses on a kind that ignores it: exit 2, one line at the field, naming what the kind reads', async () => {
    const change: Copy = { spec: [['      kind: credential.missing\n      errors: [unauthorized]\n', '      kind: credential.missing\n      errors: [unauthorized]\n      statuses: [403]\n']] };
    const run = await validate('linkt', change);
    expect(run).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        '✗ linkt.yaml: 1 problem',
        `linkt.yaml:${lineOf('linkt', 'spec', '      statuses: [403]\n', change)}:7 (/x-authconform/requirements/1/statuses): requirement LINKT-AUTH-02 has "statuses", which kind credential.missing ignores (it reads: errors, operation, request) — remove "statuses" or choose a kind that reads it`,
      ],
    });
  });

  it('a quote not in its source: exit 2, one line at the quote', async () => {
    const run = await validate('linkt', { spec: [MISSING_QUOTE] });
    expect(run).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        '✗ linkt.yaml: 1 problem',
        `linkt.yaml:${lineOf('linkt', 'spec', MISSING_QUOTE[0])}:67 (/x-authconform/requirements/1/source/quote): requirement LINKT-AUTH-02 quotes "401unauthorizedMissing or expired API key", which is not in source auth (linkt-authentication.txt) — quote the document as written; whitespace, list markers, emphasis and typographic punctuation are ignored, and … marks omitted words`,
      ],
    });
  });

  it('a mock body that breaks its schema: exit 2, one line at the body', async () => {
    const run = await validate('linkfetch', { spec: [['skills: [mathematics] }', 'skills: mathematics }']] });
    expect(run).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        '✗ linkfetch.yaml: 1 problem',
        `linkfetch.yaml:${lineOf('linkfetch', 'spec', '        body: { name: Ada Lovelace')}:15 (/x-authconform/mock/operations/getProfile/body): mock.operations.getProfile.body does not match the 200 response schema of getProfile: body /skills must be array — make the mock answer what the operation documents, or correct the schema`,
      ],
    });
  });

  it('a seed item that breaks the schema of the operation serving it: exit 2, one line in the seed file', async () => {
    const run = await validate('linkt', { seed: [['      name: Mid-market Logistics\n', '      name: 42\n']] });
    const at = lineOf('linkt', 'seed', '      name: Mid-market Logistics\n') - 2;
    expect(run).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        '✗ linkt.yaml: 1 problem',
        `linkt.seed.yaml:${at}:7 (/data/icps/1): icps[1] (served by listIcps) does not match the 200 response schema of listIcps: body /name must be string — make the mock answer what the operation documents, or correct the schema`,
      ],
    });
  });

  it('an absent cited page: one warning line naming it, exit 0', async () => {
    expect(await validate('linkt', { without: ['linkt-authentication.txt'] })).toEqual({
      code: 0,
      stdout: [valid],
      stderr: [
        `warning: linkt.yaml:${lineOf('linkt', 'spec', '    auth: { title: Linkt')}:50 (/x-authconform/sources/auth/file): source auth cites linkt-authentication.txt, which is absent here (file not found): its ${LINKT.match(/doc: auth,/g)?.length} quotes are not checked`,
      ],
    });
  });

  it('a public url beside the file: the quotes are still checked, no warning', async () => {
    const beside = ['file: linkt-authentication.txt }', 'file: linkt-authentication.txt, url: "https://docs.linkt.test/authentication" }'] as [string, string];
    expect(await validate('linkt', { spec: [beside] })).toEqual({ code: 0, stdout: [valid], stderr: [] });
    const broken = await validate('linkt', { spec: [beside, MISSING_QUOTE] });
    expect(broken.code).toBe(2);
    expect(broken.stderr.length).toBe(2);
    expect(broken.stderr[1]?.startsWith(`linkt.yaml:${lineOf('linkt', 'spec', MISSING_QUOTE[0])}:67 (/x-authconform/requirements/1/source/quote): requirement LINKT-AUTH-02 quotes "401unauthorizedMissing or expired API key", which is not in source auth (linkt-authentication.txt)`)).toBe(true);
  });
});
