/**
 * Authentication on every bundled spec's mock: accepted roles, missing and invalid credentials with
 * the documented errors, credential placement (header case, scheme word, padding, wrong header).
 */
import { describe, expect } from 'vitest';
import { mockTest as it } from '../support/mock-test.ts';
import type { Contract, Role } from '../../src/spec/contract.ts';
import { ROLES } from '../../src/spec/contract.ts';
import { startMock } from '../../src/mock/server.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { contractIn, contractOf, errorById, errorOfKind, everyResponseMatchesItsSpec, expectError, loadContracts, MockClient, probeOperation, ResponseLog, seedsRole, SPECS, specFor } from './support.ts';

const log = new ResponseLog();
const CONTRACTS = await loadContracts();

describe.each(SPECS.flatMap((n) => [[n, 'direct'], [n, 'msw']] as const))('%s mock (%s dispatch): authentication', (name, dispatch) => {
  const spec = contractIn(CONTRACTS, name);
  let contract: Contract;
  let mock: MockServer;
  let client: MockClient;

  it.beforeAll(async ({ mocks }) => {
    ({ contract, mock } = await mocks.start(name, { port: 0, dispatch }));
    client = new MockClient(contract, mock, log);
  });

  const probe = (): string => contract.probeOperation;

  it('serves credentials for exactly the seeded roles the tests of test/mock were generated for', () => {
    expect(ROLES.filter((role) => mock.fixtures.credentials[role] !== undefined)).toEqual(ROLES.filter((role) => seedsRole(spec, role)));
  });

  it('accepts the valid key on the probe operation with a 2xx', async () => {
    const r = await client.call(probe(), { role: 'valid' });
    expect(probeOperation(contract).acceptStatuses).toContain(r.status);
    expect(r.status >= 200 && r.status < 300).toBe(true);
  });

  it('accepts every seeded role that may call the probe operation', async () => {
    const accepted: Role[] = ['valid', 'test_mode', 'revoked_in_grace', 'scoped', 'other_tenant'];
    const roles = accepted.filter((role) => mock.fixtures.credentials[role] !== undefined);
    const statuses = await Promise.all(roles.map(async (role) => [role, (await client.call(probe(), { role })).status] as const));
    expect(statuses).toEqual(roles.map((role) => [role, probeOperation(contract).successStatus]));
  });

  it('refuses a request without any credential with the credential.missing error', async () => {
    expectError(await client.call(probe()), errorOfKind(contract, 'credential.missing'));
  });

  it('refuses the key in an undocumented header with the credential.missing error', async () => {
    const valid = client.credential('valid');
    const authorizationDocumented = contract.schemes.some((s) => s.header.toLowerCase() === 'authorization');
    const headers: Record<string, string> = authorizationDocumented ? { 'X-API-Key': valid.value } : { Authorization: `Bearer ${valid.value}` };
    expectError(await client.call(probe(), { headers }), errorOfKind(contract, 'credential.missing'));
  });

  it('refuses unknown, truncated and altered keys with the credential.invalid error', async () => {
    const valid = client.credential('valid');
    const invalid = errorOfKind(contract, 'credential.invalid');
    for (const value of [`${valid.value.slice(0, -4)}ZZZZ`, valid.value.slice(0, Math.ceil(valid.value.length / 2)), 'x'.repeat(valid.value.length)]) {
      expectError(await client.call(probe(), { credential: { value, scheme: valid.scheme } }), invalid);
    }
  });

  it('refuses wrong scheme words and empty values in a credential header with the credential.invalid error', async () => {
    const valid = client.credential('valid');
    const header = contract.schemes.find((s) => s.name === valid.scheme)!.header;
    const invalid = errorOfKind(contract, 'credential.invalid');
    const values = header.toLowerCase() === 'authorization' ? [`Basic ${Buffer.from(`${valid.value}:`).toString('base64')}`, `Token ${valid.value}`, 'Bearer', ''] : [''];
    for (const value of values) expectError(await client.call(probe(), { headers: { [header]: value } }), invalid);
  });

  it('reads credential headers case-insensitively and tolerates padding and repeated spaces', async () => {
    const valid = client.credential('valid');
    const scheme = contract.schemes.find((s) => s.name === valid.scheme)!;
    const value = scheme.type === 'bearer' ? `bEaReR   ${valid.value} ` : ` ${valid.value} `;
    const r = await client.call(probe(), { headers: { [scheme.header.toUpperCase()]: value } });
    expect(r.status).toBe(probeOperation(contract).successStatus);
  });

  if (seedsRole(spec, 'revoked_expired')) it('refuses a key revoked past its grace window with the rotation error', async () => {
    const expected = contract.rotation !== undefined ? errorById(contract, contract.rotation.error) : errorOfKind(contract, 'key.revoked');
    expectError(await client.call(probe(), { role: 'revoked_expired' }), expected);
  });

  if (seedsRole(spec, 'revoked_expired')) it('answers an unknown key and a revoked key alike (status, code, key set)', async () => {
    const revoked = client.credential('revoked_expired');
    const a = await client.call(probe(), { credential: revoked });
    const b = await client.call(probe(), { credential: { ...revoked, value: `${revoked.value.slice(0, -6)}QQQQQQ` } });
    expect([b.status, Object.keys(b.body as object).sort()]).toEqual([a.status, Object.keys(a.body as object).sort()]);
  });

  if (seedsRole(spec, 'expired_token') && spec.login !== undefined) it('refuses an expired login token with the login.expiredError', async () => {
    expectError(await client.call(probe(), { role: 'expired_token' }), errorById(contract, contract.login!.expiredError));
  });
});

if (SPECS.includes('linkfetch')) describe('linkfetch mock: exact bodies of the documented errors', () => {
  it('answers missing_key and invalid_key with {error, message}', async () => {
    const contract = await contractOf('linkfetch');
    const mock = await startMock(specFor(contract));
    try {
      const client = new MockClient(contract, mock, log);
      const missing = await client.call('getProfile');
      const invalid = await client.call('getProfile', { credential: { value: 'sk_live_unknown', scheme: 'bearerKey' } });
      expect([missing.status, missing.body, invalid.status, invalid.body]).toEqual([
        401,
        { error: 'missing_key', message: 'No Authorization header on the request.' },
        401,
        { error: 'invalid_key', message: 'Key is wrong, revoked, or past the grace window.' },
      ]);
    } finally {
      await mock.close();
    }
  });
});

everyResponseMatchesItsSpec(log);
