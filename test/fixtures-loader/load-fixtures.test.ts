import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtures, parseFixtures } from '../../src/fixtures/load-fixtures.ts';
import { AuthconformError } from '../../src/util/errors.ts';
import { stubContract } from './contract-stub.ts';
import { tempDir } from '../support/temp-dir.ts';

const contract = stubContract();
const FILE = 'fixtures/acme.staging.yaml';

function parse(text: string, env: NodeJS.ProcessEnv = {}) {
  return parseFixtures(text, FILE, contract, env);
}

function errorOf(text: string, env: NodeJS.ProcessEnv = {}): AuthconformError {
  try {
    parse(text, env);
  } catch (err) {
    if (err instanceof AuthconformError) return err;
    throw err;
  }
  throw new Error('expected an AuthconformError');
}

const FULL = `target: \${ACME_URL}
credentials:
  valid: \${ACME_KEY}
  test_mode: { value: "\${ACME_TEST_KEY}" }
  scoped: { value: "\${ACME_SCOPED_KEY}", scheme: apiKeyHeader, headers: { X-Organization-ID: org_1 } }
  login: { email: "\${ACME_EMAIL}", password: "\${ACME_PASSWORD}" }
organizations: { member: [org_123, org_456], foreign: org_999 }
resources: { icp_id: "\${ACME_ICP}" }
rateLimit: { perMinute: 100 }
plan: free
plainUrl: http://staging.example.com
`;

const ENV = {
  ACME_URL: 'https://staging.acme.test',
  ACME_KEY: 'sk_test_valid0000000000000001',
  ACME_TEST_KEY: 'sk_test_mode0000000000000002',
  ACME_SCOPED_KEY: 'sk_test_scoped00000000000003',
  ACME_EMAIL: 'qa@acme.test',
  ACME_PASSWORD: 'correct horse battery staple',
  ACME_ICP: 'icp_42',
};

describe('loadFixtures', () => {
  it('reads the documented format, interpolating ${VAR} from the environment', () => {
    const loaded = parse(FULL, ENV);
    expect(loaded.target).toBe('https://staging.acme.test');
    expect(loaded.envVars).toEqual(['ACME_URL', 'ACME_KEY', 'ACME_TEST_KEY', 'ACME_SCOPED_KEY', 'ACME_EMAIL', 'ACME_PASSWORD', 'ACME_ICP']);
    expect(loaded.fixtures).toEqual({
      credentials: {
        valid: { role: 'valid', value: ENV.ACME_KEY, scheme: 'bearerKey' },
        test_mode: { role: 'test_mode', value: ENV.ACME_TEST_KEY, scheme: 'bearerKey' },
        scoped: { role: 'scoped', value: ENV.ACME_SCOPED_KEY, scheme: 'apiKeyHeader', headers: { 'X-Organization-ID': 'org_1' } },
        login: { role: 'login', value: '', scheme: 'bearerKey', email: ENV.ACME_EMAIL, password: ENV.ACME_PASSWORD },
      },
      organizations: { member: ['org_123', 'org_456'], foreign: 'org_999' },
      resources: { icp_id: 'icp_42' },
      rateLimit: { perMinute: 100 },
      plan: 'free',
      plainUrl: 'http://staging.example.com',
    });
  });

  it('takes a credential string as shorthand for { value } with the default scheme', () => {
    const loaded = parse('credentials:\n  valid: sk_test_literal00000000000\n');
    expect(loaded.fixtures.credentials.valid).toEqual({ role: 'valid', value: 'sk_test_literal00000000000', scheme: 'bearerKey' });
    expect(loaded.target).toBeUndefined();
  });

  it('keeps $${ as a literal ${', () => {
    const loaded = parse('resources: { template: "a$${B}c" }\n');
    expect(loaded.fixtures.resources).toEqual({ template: 'a${B}c' });
  });

  it('names a missing variable with file:line, and never a value', () => {
    const env = { ...ENV };
    delete (env as Record<string, string>).ACME_ICP;
    const err = errorOf(FULL, env);
    expect(err.code).toBe('AC_ENV_MISSING');
    expect(err.message).toBe('fixtures/acme.staging.yaml:8: environment variable ACME_ICP is not set');
    for (const value of Object.values(env)) expect(err.message).not.toContain(value);
  });

  it('names every missing variable in its one line, the first with its line', () => {
    const err = errorOf('credentials:\n  valid: ${A_KEY}\n  test_mode: ${B_KEY}\n  scoped: "${C_KEY}${B_KEY}"\nplan: nope\n', { C_KEY: '' });
    expect(err.message).toBe(
      'fixtures/acme.staging.yaml:2: environment variable A_KEY is not set (also unset or empty: B_KEY, C_KEY; and 1 more problem)',
    );
  });

  it('checks only the structure when the environment is not required', () => {
    const loaded = parseFixtures('target: ${URL}\ncredentials:\n  valid: ${A_KEY}\n', FILE, contract, {}, { requireEnv: false });
    expect(loaded.envVars).toEqual(['URL', 'A_KEY']);
    expect(loaded.fixtures.credentials).toEqual({});
    expect(() => parseFixtures('credentials:\n  admin: ${A_KEY}\n', FILE, contract, {}, { requireEnv: false })).toThrow(
      "fixtures/acme.staging.yaml:2: unknown role 'admin'",
    );
  });

  it('treats an empty variable as missing', () => {
    const err = errorOf('credentials:\n  valid: ${A_KEY}\n', { A_KEY: '' });
    expect(err.message).toBe('fixtures/acme.staging.yaml:2: environment variable A_KEY is empty');
  });

  it('refuses an unknown role at its line', () => {
    const err = errorOf('credentials:\n  valid: sk_test_x\n  admin: sk_test_y\n');
    expect(err.code).toBe('AC_FIXTURES_INVALID');
    expect(err.message).toBe(
      "fixtures/acme.staging.yaml:3: unknown role 'admin' (roles: valid, test_mode, revoked_in_grace, revoked_expired, scoped, other_tenant, other_key, login, expired_token, publishable, publishable_test)",
    );
  });

  it.each([
    ['targett: https://x.test\n', "1: unknown key 'targett' in the fixtures file (expected one of: target, credentials, organizations, resources, scopes, rateLimit, plan, plainUrl, rotation, lockout)"],
    ['credentials:\n  valid: { value: sk_test_x, schema: bearerKey }\n', "2: unknown key 'schema' in credentials.valid (expected one of: value, scheme, headers, email, password)"],
    ['credentials:\n  scoped: { value: sk_test_y, scheme: basicAuth }\n', "2: unknown scheme 'basicAuth' for acme (schemes: bearerKey, apiKeyHeader)"],
    ['credentials:\n  scoped: { scheme: bearerKey }\n', '2: credentials.scoped needs a value'],
    ['credentials:\n  login: { email: a@b.test }\n', '2: credentials.login needs password'],
    ['credentials:\n  valid: { value: k, password: p }\n', '2: password is only for credentials.login'],
    ['credentials: [a, b]\n', '1: credentials must be a mapping, got a list'],
    ['rateLimit: { perMinute: lots }\n', '1: rateLimit.perMinute must be a positive integer'],
    ['plan: enterprise\n', "1: unknown plan 'enterprise' for acme (plans: free, pro)"],
    ['rotation: { grace: PT2H }\n', "1: rotation.grace 'PT2H' is not one the docs offer for acme (PT0S, PT1H, P7D)"],
    ['\norganizations: { member: { a: 1 } }\n', '2: organizations.member must be a string, got a mapping'],
    ['resources:\n  icp_id: [1]\n', '2: resources.icp_id must be a string, got a list'],
    ['plainUrl: not a url\n', '1: plainUrl must be an absolute http:// or https:// URL'],
    ['- just\n- a list\n', '1: the fixtures file must be a mapping, got a list'],
  ])('refuses %j at its line', (text, expected) => {
    const err = errorOf(text);
    expect(err.code).toBe('AC_FIXTURES_INVALID');
    expect(err.message).toBe(`${FILE}:${expected}`);
  });

  it('reads rotation.grace, one of the grace windows the docs offer', () => {
    expect(parse('rotation: { grace: PT1H }\n').fixtures.rotation).toEqual({ grace: 'PT1H', graceMs: 3_600_000 });
    expect(parse('credentials:\n  valid: sk_test_x\n').fixtures.rotation).toBeUndefined();
  });

  it('reports a YAML syntax error with its line', () => {
    const err = errorOf('credentials:\n  valid: sk_test_x\n  test_mode: [unclosed\n');
    expect(err.code).toBe('AC_FIXTURES_INVALID');
    expect(err.message).toMatch(/^fixtures\/acme\.staging\.yaml:[34]: YAML syntax error: /);
  });

  it('checks that target is an http(s) URL without echoing it', () => {
    const err = errorOf('target: ${ACME_URL}\n', { ACME_URL: 'ftp://secret-host.test' });
    expect(err.message).toBe('fixtures/acme.staging.yaml:1: target must be an absolute http:// or https:// URL');
  });

  it('reads a file relative to cwd and says when it is missing', async () => {
    const dir = tempDir('ac-fixtures-');
    await writeFile(join(dir, 'f.yaml'), 'credentials:\n  valid: sk_test_file00000000000\n');
    const loaded = await loadFixtures('f.yaml', contract, {}, dir);
    expect(loaded.file).toBe('f.yaml');
    expect(loaded.fixtures.credentials.valid?.value).toBe('sk_test_file00000000000');
    await expect(loadFixtures('nope.yaml', contract, {}, dir)).rejects.toThrow('nope.yaml: fixtures file not found');
  });
});

describe('${VAR:-} values left empty', () => {
  const OPTIONAL = `target: \${ACME_URL:-}
credentials:
  valid: \${ACME_KEY}
  test_mode: \${ACME_TEST_KEY:-}
  scoped: { value: "\${ACME_SCOPED_KEY:-}", scheme: apiKeyHeader }
  login: { email: "\${ACME_EMAIL:-}", password: "\${ACME_PASSWORD:-}" }
organizations: { member: ["\${ACME_ORG:-}"], foreign: "\${ACME_FOREIGN:-}" }
resources: { icp_id: "\${ACME_ICP:-}" }
rateLimit: { perMinute: "\${ACME_RPM:-}" }
plan: \${ACME_PLAN:-}
`;

  it('mean absent: no target, only the roles that are set, no resources, no rate limit', () => {
    const loaded = parse(OPTIONAL, { ACME_KEY: 'sk_live_valid' });
    expect(loaded.target).toBeUndefined();
    expect(Object.keys(loaded.fixtures.credentials)).toEqual(['valid']);
    expect(loaded.fixtures.resources).toEqual({});
    expect(loaded.fixtures.organizations).toEqual({ member: [] });
    expect(loaded.fixtures.rateLimit).toEqual({});
    expect(loaded.fixtures.plan).toBeUndefined();
  });

  it('take their value when set', () => {
    const loaded = parse(OPTIONAL, { ACME_KEY: 'k1', ACME_TEST_KEY: 'k2', ACME_URL: 'https://staging.acme.test', ACME_RPM: '60' });
    expect(loaded.target).toBe('https://staging.acme.test');
    expect(Object.keys(loaded.fixtures.credentials)).toEqual(['valid', 'test_mode']);
    expect(loaded.fixtures.rateLimit).toEqual({ perMinute: 60 });
  });

  it('a required ${VAR} stays an error', () => {
    expect(errorOf(OPTIONAL, {}).message).toBe('fixtures/acme.staging.yaml:3: environment variable ACME_KEY is not set');
  });
});

describe('target: with --target given', () => {
  it('is not read, so its variable may be unset', () => {
    const loaded = parseFixtures('target: ${ACME_URL}\ncredentials:\n  valid: k\n', FILE, contract, {}, { ignoreTarget: true });
    expect(loaded.target).toBeUndefined();
    expect(Object.keys(loaded.fixtures.credentials)).toEqual(['valid']);
  });
});
