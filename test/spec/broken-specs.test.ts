import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/spec/load.ts';
import { AuthconformError } from '../../src/util/errors.ts';
import { runCli, STACK_LINE } from './cli-capture.ts';
import { tempDir } from '../support/temp-dir.ts';

const DIR = fileURLToPath(new URL('../fixtures/broken-specs/', import.meta.url));

/** One defect per file: where it must be reported (`file:line`) and what the message must say. */
const CASES: Array<{ file: string; at: string; message: string }> = [
  { file: '01-yaml-syntax.yaml', at: '01-yaml-syntax.yaml:57', message: 'YAML syntax error: All mapping items must start at the same column' },
  { file: '02-unknown-extension-key.yaml', at: '02-unknown-extension-key.yaml:63', message: 'unknown key "severity" in x-authconform.requirements[0]' },
  { file: '03-bad-level.yaml', at: '03-bad-level.yaml:60', message: 'level must be one of MUST, SHOULD, MAY, got "MUSTT"' },
  { file: '04-grace-not-duration.yaml', at: '04-grace-not-duration.yaml:56', message: 'rotation.grace "PT1HOUR" is not an ISO 8601 duration' },
  { file: '05-dangling-ref.yaml', at: '05-dangling-ref.yaml:19', message: '$ref "#/components/schemas/WidgetLst" does not resolve' },
  { file: '06-requirement-without-source.yaml', at: '06-requirement-without-source.yaml:59', message: 'requirement ACME-AUTH-01 has no "source"' },
  { file: '07-unknown-credential-role.yaml', at: '07-unknown-credential-role.yaml:73', message: 'role must be one of valid, test_mode, revoked_in_grace, revoked_expired, scoped, other_tenant, other_key, login, expired_token, publishable, publishable_test, got "expired_key"' },
  { file: '08-ratelimit-headers-without-reset-unit.yaml', at: '08-ratelimit-headers-without-reset-unit.yaml:54', message: 'x-authconform.rateLimit has "headers" but no "resetUnit"' },
  { file: '09-duplicate-requirement-id.yaml', at: '09-duplicate-requirement-id.yaml:77', message: 'requirement id ACME-AUTH-02 is used twice (first at x-authconform.requirements[1])' },
  { file: '10-unknown-error-id.yaml', at: '10-unknown-error-id.yaml:67', message: 'requirement ACME-AUTH-02 names error "missing_keys", which is not in x-authconform.errors' },
  { file: '11-unknown-operation.yaml', at: '11-unknown-operation.yaml:62', message: 'requirement ACME-AUTH-01 names operation "listWidget", which is not an operationId in paths' },
  { file: '12-source-doc-not-in-sources.yaml', at: '12-source-doc-not-in-sources.yaml:63', message: 'requirement ACME-AUTH-01 names source "docs", which is not in x-authconform.sources' },
  { file: '13-requirement-not-traced.yaml', at: '13-requirement-not-traced.yaml:70', message: 'requirement ACME-KEY-01 is not covered by any traceability entry' },
  { file: '14-trace-entry-without-mapping.yaml', at: '14-trace-entry-without-mapping.yaml:80', message: 'x-authconform.traceability[2] needs one of "requirements", "untestable"' },
  { file: '15-paths-not-an-object.yaml', at: '15-paths-not-an-object.yaml:10', message: 'paths must be object, got array' },
  { file: '16-missing-openapi-version.yaml', at: '16-missing-openapi-version.yaml:2', message: 'document has no "openapi"' },
  { file: '17-unknown-requirement-kind.yaml', at: '17-unknown-requirement-kind.yaml:66', message: 'got "credential.absent"' },
  { file: '18-seed-missing.yaml', at: '18-seed-missing.yaml:82', message: 'seed file "_seeds/acme-missing.yaml" does not exist' },
  { file: '19-seed-unknown-role.yaml', at: '_seeds/acme-bad-role.yaml:5', message: 'role must be one of valid, test_mode, revoked_in_grace, revoked_expired, scoped, other_tenant, other_key, login, expired_token, publishable, publishable_test, got "admin"' },
  { file: '20-two-probes.yaml', at: '20-two-probes.yaml:30', message: 'operation createWidget is marked probe: true, but only one may be (marked: listWidgets, createWidget)' },
  { file: '21-unknown-security-scheme.yaml', at: '21-unknown-security-scheme.yaml:9', message: 'security requirement names scheme "apiKeys", which is not in components.securitySchemes' },
  { file: '22-unknown-rotation-error.yaml', at: '22-unknown-rotation-error.yaml:57', message: 'rotation names error "expired_key", which is not in x-authconform.errors' },
  { file: '23-field-ignored-by-kind.yaml', at: '23-field-ignored-by-kind.yaml:70', message: 'requirement ACME-AUTH-02 has "statuses", which kind credential.missing ignores (it reads: errors, operation, request)' },
  { file: '24-quote-not-in-source.yaml', at: '24-quote-not-in-source.yaml:81', message: 'traceability entry 1 quotes "Revoked keys work for one more day.", which is not in source auth (acme-auth.txt)' },
  { file: '25-mock-body-breaks-schema.yaml', at: '25-mock-body-breaks-schema.yaml:87', message: 'mock.operations.listWidgets.body does not match the 200 response schema of listWidgets: body /widgets must be array' },
  { file: '26-seed-item-breaks-schema.yaml', at: '_seeds/acme-bad-item.yaml:9', message: 'widgets[1] (served by listWidgets) does not match the 200 response schema of listWidgets: body /id must be string' },
  { file: '40-rate-window-not-duration.yaml', at: '40-rate-window-not-duration.yaml:59', message: 'a rate-limit window "PT1SEC" is not an ISO 8601 duration' },
  { file: '41-two-header-windows.yaml', at: '41-two-header-windows.yaml:60', message: 'plan free has more than one limit with headers: true' },
  // rate-limit format (issue 10): the exhausted-limit status set is given once, or twice in agreement
  { file: '50-rate-statuses-exclude-error.yaml', at: '50-rate-statuses-exclude-error.yaml:56', message: 'rateLimit.statuses [403, 400] does not include 429, the status of errors.rate_limited' },
  { file: '51-rate-statuses-disagree.yaml', at: '51-rate-statuses-disagree.yaml:56', message: 'rateLimit.statuses [429, 503] disagrees with errors.rate_limited.status [429, 403]' },
  { file: '52-retry-after-never-required.yaml', at: '52-retry-after-never-required.yaml:81', message: 'requirement ACME-RATE-01 is a ratelimit.retry-after, but rateLimit.retryAfter is never' },
  { file: '53-ietf-with-header-name.yaml', at: '53-ietf-with-header-name.yaml:56', message: 'rateLimit.headers.limit is a header name, but style ietf reads the RateLimit and RateLimit-Policy fields' },
  { file: '54-ietf-epoch-reset.yaml', at: '54-ietf-epoch-reset.yaml:57', message: 'rateLimit.resetUnit is epoch-seconds, but t of the IETF RateLimit field is delta-seconds' },
  { file: '55-exempt-from-unknown-limit.yaml', at: '55-exempt-from-unknown-limit.yaml:25', message: 'operation listWidgets is exempt from limit "free-hour", which is no limit of x-authconform.rateLimit' },
  { file: '56-requirement-unknown-limit.yaml', at: '56-requirement-unknown-limit.yaml:83', message: 'requirement ACME-RATE-01 probes limit "per-minute", which is no limit of x-authconform.rateLimit' },
  // issue 10 (wt/authfmt): lockout, refused prefixes, message patterns, response-header rules
  { file: '60-message-pattern-unmatched.yaml', at: '60-message-pattern-unmatched.yaml:58', message: 'errors.publishable_key: the mock would serve "This key cannot be used here.", which does not match messagePattern' },
  { file: '61-response-header-example.yaml', at: '61-response-header-example.yaml:61', message: 'responseHeaders[0].example "REQ-5F3A" does not match its pattern' },
  { file: '62-header-rule-unknown.yaml', at: '62-header-rule-unknown.yaml:102', message: 'requirement ACMEPRO-HDR-01 names header "X-Trace-Id", which no x-authconform.responseHeaders rule describes' },
  { file: '63-lockout-without-numbers.yaml', at: '63-lockout-without-numbers.yaml:62', message: 'lockout gives no after/within/lasts and mock.lockout none: the mock cannot lock out' },
  { file: '64-refused-role-not-declared.yaml', at: '64-refused-role-not-declared.yaml:50', message: 'keyFormat.refused[1] role "publishable_test" is not in x-authconform.roles' },
  { file: '65-error-message-without-pattern.yaml', at: '65-error-message-without-pattern.yaml:96', message: 'requirement ACMEPRO-KEY-02 checks the message of error invalid_key, which has no messagePattern' },
  // issue 10 (wt/refusals): refused schemes, public operations, resources, non-JSON static answers
  { file: '80-refused-word-declared.yaml', at: '80-refused-word-declared.yaml:95', message: 'refusedSchemes[1] refuses "Token", a word a security scheme declares' },
  { file: '81-refused-scheme-unknown.yaml', at: '81-refused-scheme-unknown.yaml:127', message: 'requirement OCTO-AUTH-05 names scheme "Digest", which no x-authconform.refusedSchemes entry refuses' },
  { file: '82-public-kind-private-operation.yaml', at: '82-public-kind-private-operation.yaml:140', message: 'requirement OCTO-PUB-01 is of kind access.public, but operation listMyRepos needs a credential' },
  { file: '83-missing-on-public-operation.yaml', at: '83-missing-on-public-operation.yaml:108', message: 'requirement OCTO-AUTH-02 is of kind credential.missing, but operation getStatus is served without a credential (public)' },
  { file: '84-resource-param-and-params.yaml', at: '84-resource-param-and-params.yaml:155', message: 'requirement OCTO-PRIV-02: resource has both param and params' },
  { file: '85-static-text-body-not-string.yaml', at: '85-static-text-body-not-string.yaml:174', message: 'mock.operations.getStatus answers text/plain, but its body is not a string' },
];

describe('broken-spec corpus', () => {
  it('every file of the corpus has a row in the table', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && !f.startsWith('_')).sort();
    expect(files).toEqual(CASES.map((c) => c.file));
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  it('the minimal valid spec passes validate', async () => {
    const run = await runCli(['validate', '_valid-minimal.yaml'], DIR);
    expect(run).toEqual({ code: 0, stdout: ['✓ _valid-minimal (_valid-minimal.yaml): 3 requirements'], stderr: [] });
  });

  it.each(CASES)('$file is refused at $at', async ({ file, at, message }) => {
    const run = await runCli(['validate', file], DIR);
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr[0]).toBe(`✗ ${file}: 1 problem`);
    expect(run.stderr.length).toBe(2);
    const line = run.stderr[1] ?? '';
    expect(line.startsWith(`${at}:`)).toBe(true);
    expect(line).toContain(message);
    expect(run.stderr.filter((l) => STACK_LINE.test(l))).toEqual([]);
  });
});

describe('several problems at once', () => {
  it('lists every schema and cross-reference problem of a file, in line order', async () => {
    const base = readFileSync(join(DIR, '_valid-minimal.yaml'), 'utf8');
    const text = base
      .replace('      level: MUST\n      kind: credential.accepted\n', '      level: MUSTT\n      kind: credential.accepted\n')
      .replace('      errors: [missing_key]\n', '      errors: [missing_keys]\n')
      .replace('"#/components/schemas/WidgetList"', '"#/components/schemas/Nope"')
      .replace('    seed: _seeds/acme.yaml\n', '    seed: acme-bad-role.yaml\n');
    const dir = tempDir('authconform-spec-');
    writeFileSync(join(dir, 'acme.yaml'), text);
    // a seed lives in the spec's folder
    writeFileSync(join(dir, 'acme-bad-role.yaml'), readFileSync(join(DIR, '_seeds', 'acme-bad-role.yaml')));
    const err = await loadContract('acme.yaml', { cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthconformError);
    const e = err as AuthconformError;
    expect(e.code).toBe('AC_SPEC_INVALID');
    expect(e.message).toBe('acme.yaml: 4 problems');
    expect(e.problems.map((p) => `${p.file.endsWith('acme-bad-role.yaml') ? 'seed' : p.file}:${p.line}: ${p.message}`)).toEqual([
      'acme.yaml:20: $ref "#/components/schemas/Nope" does not resolve',
      'acme.yaml:61: level must be one of MUST, SHOULD, MAY, got "MUSTT"',
      'acme.yaml:68: requirement ACME-AUTH-02 names error "missing_keys", which is not in x-authconform.errors',
      'seed:5: role must be one of valid, test_mode, revoked_in_grace, revoked_expired, scoped, other_tenant, other_key, login, expired_token, publishable, publishable_test, got "admin"',
    ]);
  });

  it('validate reports every given spec before exiting', async () => {
    const run = await runCli(['validate', '03-bad-level.yaml', '_valid-minimal.yaml', 'no-such-spec'], DIR);
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual(['✓ _valid-minimal (_valid-minimal.yaml): 3 requirements']);
    expect(run.stderr).toEqual([
      '✗ 03-bad-level.yaml: 1 problem',
      '03-bad-level.yaml:60:14 (/x-authconform/requirements/0/level): level must be one of MUST, SHOULD, MAY, got "MUSTT"',
      `✗ spec "no-such-spec" not found (looked for ${join(DIR, 'no-such-spec.yaml')}, ${join(DIR, 'no-such-spec.yml')}); bundled specs: linkt, linkkit, linkit, linkfetch, linq`,
    ]);
  });
});
