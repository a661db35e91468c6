/**
 * Bad input, table-driven, through the CLI entry (`main`): every row exits 2 before anything
 * starts, with one clear line on stderr (an unknown command adds the usage hint), nothing on
 * stdout, no stack trace, and no value from the environment in the output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/spec/bundled.ts';
import { canaryKey, cli, STACK_LINE, removeTempDirs, tempDir } from './support/run.ts';

afterAll(removeTempDirs);

// paths as the user types them, relative to the repository (the cwd of every row)
const SPEC = 'test/fixtures/hostile/acme-hostile.yaml';
const BAD = 'test/fixtures/hostile/bad';
const TARGET = ['--target', 'http://127.0.0.1:9'];
const RUN_USAGE = 'usage: authconform run [spec...] [options]';
const usage = (what: string): string => `authconform: ${what}; ${RUN_USAGE}`;
const fixtures = (name: string): string[] => ['run', SPEC, ...TARGET, '--allow-live', '--fixtures', `${BAD}/${name}`];

/** secrets in the environment of every row: none may show up in any output */
const VALID = canaryKey();
const OTHER = canaryKey();

let tmp: string;
beforeAll(() => {
  tmp = tempDir('bad-input');
  mkdirSync(join(tmp, 'spec-dir.yaml'));
  mkdirSync(join(tmp, 'reports'));
  writeFileSync(join(tmp, 'a-file'), 'not a directory\n');
});

interface Row {
  name: string;
  argv: () => string[];
  /** the exact stderr lines (a RegExp where a part comes from another layer's catalogue) */
  stderr: () => Array<string | RegExp>;
  env?: NodeJS.ProcessEnv;
}

const ROWS: Row[] = [
  // fixtures files
  {
    name: 'malformed fixtures YAML (with its line)',
    argv: () => fixtures('malformed.yaml'),
    stderr: () => [`authconform: ${BAD}/malformed.yaml:4: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`],
  },
  {
    name: 'fixtures with an unknown role',
    argv: () => fixtures('unknown-role.yaml'),
    stderr: () => [
      `authconform: ${BAD}/unknown-role.yaml:3: unknown role 'admin' (roles: valid, test_mode, revoked_in_grace, revoked_expired, scoped, other_tenant, other_key, login, expired_token, publishable, publishable_test)`,
    ],
  },
  {
    name: 'unknown top-level fixtures key',
    argv: () => fixtures('unknown-key.yaml'),
    stderr: () => [
      `authconform: ${BAD}/unknown-key.yaml:4: unknown key 'secrets' in the fixtures file (expected one of: target, credentials, organizations, resources, scopes, rateLimit, plan, plainUrl, rotation, lockout)`,
    ],
  },
  {
    name: 'a scope choice for a requirement the spec does not have',
    argv: () => fixtures('unknown-scope.yaml'),
    stderr: () => [
      `authconform: ${BAD}/unknown-scope.yaml:5: scopes.HOSTILE-SCOPE-01: no scope.denied requirement HOSTILE-SCOPE-01 in acme-hostile (scope.denied requirements: none)`,
    ],
  },
  {
    name: '${VAR} not set: names the variable, never a value',
    argv: () => fixtures('unset-var.yaml'),
    stderr: () => [`authconform: ${BAD}/unset-var.yaml:4: environment variable HOSTILE_REVOKED_KEY is not set`],
  },
  {
    name: '${VAR} set but empty',
    argv: () => fixtures('unset-var.yaml'),
    env: { HOSTILE_REVOKED_KEY: '' },
    stderr: () => [`authconform: ${BAD}/unset-var.yaml:4: environment variable HOSTILE_REVOKED_KEY is empty`],
  },
  {
    name: 'malformed ${...} reference',
    argv: () => fixtures('malformed-reference.yaml'),
    stderr: () => [
      `authconform: ${BAD}/malformed-reference.yaml:3: credentials.valid: malformed environment reference '\${HOSTILE VALID KEY}' (write \${NAME}, or $\${ for a literal \${)`,
    ],
  },
  {
    name: 'an empty fixtures file',
    argv: () => fixtures('empty.yaml'),
    stderr: () => [`authconform: ${BAD}/empty.yaml:1: the fixtures file must be a mapping, got nothing`],
  },
  {
    name: 'a credential with a scheme the spec does not have',
    argv: () => fixtures('unknown-scheme.yaml'),
    stderr: () => [`authconform: ${BAD}/unknown-scheme.yaml:3: unknown scheme 'bearer' for acme-hostile (schemes: apiKey)`],
  },
  {
    name: 'a credential given as a list',
    argv: () => fixtures('list-credential.yaml'),
    stderr: () => [`authconform: ${BAD}/list-credential.yaml:3: credentials.valid must be a key, or { value: KEY }, got a list`],
  },
  {
    name: 'the login role as a single value',
    argv: () => fixtures('login-single-value.yaml'),
    stderr: () => [`authconform: ${BAD}/login-single-value.yaml:4: credentials.login needs { email, password }, not a single value`],
  },
  {
    name: 'a target: from the environment that is not a URL (the value is not echoed)',
    argv: () => ['run', SPEC, '--allow-live', '--fixtures', `${BAD}/target-from-secret.yaml`],
    stderr: () => [`authconform: ${BAD}/target-from-secret.yaml:2: target must be an absolute http:// or https:// URL`],
  },
  {
    name: 'a fixtures file that does not exist',
    argv: () => fixtures('nope.yaml'),
    stderr: () => [`authconform: ${BAD}/nope.yaml: fixtures file not found`],
  },
  {
    name: 'a fixtures path that is a directory',
    argv: () => ['run', SPEC, ...TARGET, '--fixtures', BAD],
    stderr: () => [`authconform: ${BAD}: fixtures path is a directory, not a file`],
  },
  // flags
  { name: 'unknown flag', argv: () => ['run', SPEC, '--bogus'], stderr: () => [usage('unknown option --bogus')] },
  { name: '--level bogus', argv: () => ['run', SPEC, '--level', 'bogus'], stderr: () => [usage('--level must be one of must, should, all, got "bogus"')] },
  { name: '--level without a value', argv: () => ['run', SPEC, '--level'], stderr: () => [usage('--level needs a value')] },
  { name: '--concurrency 0', argv: () => ['run', SPEC, '--concurrency', '0'], stderr: () => [usage('--concurrency must be an integer from 1 to 1024, got "0"')] },
  { name: '--concurrency abc', argv: () => ['run', SPEC, '--concurrency', 'abc'], stderr: () => [usage('--concurrency must be an integer from 1 to 1024, got "abc"')] },
  {
    name: '--max-requests -1',
    argv: () => ['run', SPEC, '--max-requests', '-1'],
    stderr: () => [usage('--max-requests must be an integer ≥ 0, got "-1"')],
  },
  { name: '--max-requests=-1', argv: () => ['run', SPEC, '--max-requests=-1'], stderr: () => [usage('--max-requests must be an integer ≥ 0, got "-1"')] },
  { name: '--timeout 0', argv: () => ['run', SPEC, '--timeout', '0'], stderr: () => [usage('--timeout must be an integer from 1 to 2147483647, got "0"')] },
  { name: '--max-wait soon', argv: () => ['run', SPEC, '--max-wait', 'soon'], stderr: () => [usage('--max-wait must be an integer from 0 to 2147483647, got "soon"')] },
  { name: 'a value for a boolean flag', argv: () => ['run', SPEC, '--strict=yes'], stderr: () => [usage('--strict takes no value')] },
  // specs
  {
    name: 'a spec that does not exist',
    argv: () => ['run', 'test/fixtures/hostile/nope.yaml'],
    stderr: () => ['authconform: spec "test/fixtures/hostile/nope.yaml" not found (looked for ' + join(repoRoot, 'test/fixtures/hostile/nope.yaml') + '); bundled specs: linkt, linkkit, linkit, linkfetch, linq'],
  },
  {
    // root reads everything, so "unreadable" is a directory where the file should be
    name: 'a spec path that is a directory',
    argv: () => ['run', join(tmp, 'spec-dir.yaml')],
    stderr: () => [`authconform: spec "${join(tmp, 'spec-dir.yaml')}" is a directory, not a YAML file; bundled specs: linkt, linkkit, linkit, linkfetch, linq`],
  },
  // targets
  { name: 'a target that is not a URL', argv: () => ['run', SPEC, '--target', 'not a url'], stderr: () => [usage('--target must be an absolute http:// or https:// URL')] },
  { name: 'an ftp:// target', argv: () => ['run', SPEC, '--target', 'ftp://127.0.0.1/'], stderr: () => [usage('--target must be an absolute http:// or https:// URL')] },
  { name: 'a target with no host', argv: () => ['run', SPEC, '--target', 'http://'], stderr: () => [usage('--target must be an absolute http:// or https:// URL')] },
  {
    name: '--fixtures with two specs',
    argv: () => ['run', SPEC, 'linkfetch', '--fixtures', `${BAD}/unset-var.yaml`],
    stderr: () => [usage('--fixtures describes one target: give exactly one spec with it')],
  },
  { name: '--target with two specs', argv: () => ['run', SPEC, 'linkfetch', ...TARGET], stderr: () => [usage('--target is the URL of one API: give exactly one spec with it')] },
  { name: '--target without a spec', argv: () => ['run', ...TARGET], stderr: () => [usage('--target needs the spec of that API')] },
  {
    name: '--only with an unknown id',
    argv: () => ['run', SPEC, '--only', 'ACME-NOPE-1'],
    stderr: () => ['authconform: --only: ACME-NOPE-1 is neither a requirement id nor a probe family of acme-hostile (authconform list shows them)'],
  },
  // the report file is checked before the run, not after it
  {
    name: '--junit that is a directory',
    argv: () => ['run', SPEC, '--junit', join(tmp, 'reports')],
    stderr: () => [`authconform: --junit ${join(tmp, 'reports')}: is a directory, give a file path`],
  },
  {
    name: '--junit under a file',
    argv: () => ['run', SPEC, '--junit', join(tmp, 'a-file', 'junit.xml')],
    stderr: () => [`authconform: --junit ${join(tmp, 'a-file', 'junit.xml')}: ${join(tmp, 'a-file')} is not a directory`],
  },
  // other commands
  {
    name: 'generate without --out',
    argv: () => ['generate', SPEC],
    stderr: () => ['authconform: --out is required; usage: authconform generate <spec> [options]'],
  },
  {
    name: 'mock with an unknown defect',
    argv: () => ['mock', SPEC, '--defect', 'no-such-defect'],
    // the list of valid defects is the mock's catalogue
    stderr: () => [/^authconform: unknown defect "no-such-defect" for acme-hostile — valid: ACME-AUTH-01\b.*$/],
  },
  {
    name: 'validate with no spec',
    argv: () => ['validate'],
    stderr: () => ['authconform: no spec given; usage: authconform validate <spec...> [options]'],
  },
  {
    name: 'list --format bogus',
    argv: () => ['list', SPEC, '--format', 'bogus'],
    stderr: () => ['authconform: --format must be one of table, md, json, got "bogus"; usage: authconform list [spec...] [options]'],
  },
  {
    name: 'an unknown command (plus the usage hint)',
    argv: () => ['frobnicate'],
    stderr: () => [
      'authconform: unknown command "frobnicate"; commands: run, report, merge, verify, mock, validate, list, generate, help',
      'usage: authconform <command> [options]   (authconform help for the commands)',
    ],
  },
  { name: 'no command at all', argv: () => [], stderr: () => ['usage: authconform <command> [options]   (authconform help for the commands)'] },
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('bad input: exit 2, one clear line, nothing else', () => {
  it('has at least 20 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(20);
  });

  it.concurrent.each(ROWS)('$name', async (row) => {
    const run = await cli(row.argv(), { HOSTILE_VALID_KEY: VALID, HOSTILE_OTHER_SECRET: OTHER, ...row.env });
    expect(run.stderr).toEqual(row.stderr().map((l) => (typeof l === 'string' ? l : expect.stringMatching(l))));
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    const all = [...run.stdout, ...run.stderr].join('\n');
    expect(all).not.toMatch(STACK_LINE);
    expect(all).not.toContain(VALID);
    expect(all).not.toContain(OTHER);
    expect(all).not.toContain(VALID.slice(-12));
  });
});
