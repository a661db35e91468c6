import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath, repoRoot } from '../../src/spec/bundled.ts';
import { runCli } from './cli-capture.ts';

const BROKEN = fileURLToPath(new URL('../fixtures/broken-specs/', import.meta.url));

describe('authconform list', () => {
  it('--format json lists every requirement of linkfetch with its source', async () => {
    const run = await runCli(['list', 'linkfetch', '--format', 'json'], repoRoot);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const yaml = parse(readFileSync(bundledSpecPath('linkfetch'), 'utf8')) as {
      'x-authconform': { requirements: Array<{ id: string; level: string; kind: string; statement: string; source: unknown }> };
    };
    const expected = yaml['x-authconform'].requirements.map((r) => ({
      spec: 'linkfetch',
      id: r.id,
      level: r.level,
      kind: r.kind,
      statement: r.statement,
      source: r.source,
    }));
    expect(JSON.parse(run.stdout.join('\n'))).toEqual(expected);
  });

  it('--format table aligns id, level, kind, statement and source', async () => {
    const run = await runCli(['list', '_valid-minimal.yaml'], BROKEN);
    expect(run).toEqual({
      code: 0,
      stderr: [],
      stdout: [
        '_valid-minimal — Acme API (3 requirements)',
        'id            level   kind                 statement                                                             source',
        'ACME-AUTH-01  MUST    credential.accepted  A valid key in X-Acme-Key is accepted.                                auth § Keys',
        'ACME-AUTH-02  MUST    credential.missing   A request without a key is refused with 401 missing_key.              auth § Errors',
        'ACME-KEY-01   SHOULD  key.revoked          A key revoked more than an hour ago is refused with 401 invalid_key.  auth § Rotation',
      ],
    });
  });

  it('--format md prints a markdown table per spec', async () => {
    const run = await runCli(['list', '_valid-minimal.yaml', '--format=md'], BROKEN);
    expect(run).toEqual({
      code: 0,
      stderr: [],
      stdout: [
        '## Acme API (`_valid-minimal`)',
        '',
        '| id | level | kind | statement | source |',
        '|---|---|---|---|---|',
        '| ACME-AUTH-01 | MUST | credential.accepted | A valid key in X-Acme-Key is accepted. | auth § Keys |',
        '| ACME-AUTH-02 | MUST | credential.missing | A request without a key is refused with 401 missing_key. | auth § Errors |',
        '| ACME-KEY-01 | SHOULD | key.revoked | A key revoked more than an hour ago is refused with 401 invalid_key. | auth § Rotation |',
      ],
    });
  });

  it('refuses an unknown format and an unknown flag with the usage line', async () => {
    expect(await runCli(['list', '--format', 'xml'], BROKEN)).toEqual({
      code: 2,
      stdout: [],
      stderr: ['authconform: --format must be one of table, md, json, got "xml"; usage: authconform list [spec...] [options]'],
    });
    expect(await runCli(['list', '--fromat', 'md'], BROKEN)).toEqual({
      code: 2,
      stdout: [],
      stderr: ['authconform: unknown option --fromat; usage: authconform list [spec...] [options]'],
    });
  });

  it('reports an invalid spec with its problems', async () => {
    const run = await runCli(['list', '03-bad-level.yaml'], BROKEN);
    expect(run).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        'authconform: 03-bad-level.yaml: 1 problem',
        '03-bad-level.yaml:60:14 (/x-authconform/requirements/0/level): level must be one of MUST, SHOULD, MAY, got "MUSTT"',
      ],
    });
  });
});
