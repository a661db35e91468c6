/**
 * Login and organizations on the specs that document them: tokens issued with the documented shape
 * and `Cache-Control: no-store`, wrong passwords refused, tokens expiring on the mock clock, and the
 * organization header checked against the credential's organizations.
 */
import { describe, expect } from 'vitest';
import { mockTest as it } from '../support/mock-test.ts';
import type { Contract } from '../../src/spec/contract.ts';
import { getAtPointer } from '../../src/spec/json-pointer.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { contractIn, errorById, everyResponseMatchesItsSpec, expectError, loadContracts, MockClient, realSince, ResponseLog, SPECS, specFor } from './support.ts';

const log = new ResponseLog();
const CONTRACTS = await loadContracts();

describe.each(SPECS.flatMap((n) => [[n, 'direct'], [n, 'msw']] as const))('%s mock (%s dispatch): login and organizations', (name, dispatch) => {
  const spec = contractIn(CONTRACTS, name);
  let contract: Contract;
  let mock: MockServer;
  let client: MockClient;

  it.beforeAll(async ({ mocks }) => {
    ({ contract, mock } = await mocks.start(name, { port: 0, dispatch }));
    client = new MockClient(contract, mock, log);
  });

  async function login(password?: string) {
    const user = client.credential('login');
    return client.call(contract.login!.operationId, { body: { email: user.email, password: password ?? user.password } });
  }

  if (spec.login === undefined) {
    it('documents no login: the mock seeds no login user, no expired token and no login operation', () => {
      expect([mock.fixtures.credentials.login, mock.fixtures.credentials.expired_token]).toEqual([undefined, undefined]);
      expect(Object.entries(specFor(contract).mock.operations ?? {}).filter(([, m]) => m.respond === 'login')).toEqual([]);
    });
  }

  if (spec.login !== undefined) it('login issues a JWT-looking token expiring after mock.tokenLifetime, with the user and no-store', async () => {
    await client.control('POST', 'reset', {});
    const readAt = performance.now();
    const now = ((await client.control('GET', 'clock')).body as { now: number }).now;
    const r = await login();
    const issuedWithin = realSince(readAt);
    const spec = contract.login!;
    const lifetime = specFor(contract).mock.tokenLifetime === 'PT1H' ? 3_600_000 : undefined;
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(getAtPointer(r.body, spec.tokenPointer)).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const expires = Date.parse(getAtPointer(r.body, spec.expiresPointer) as string);
    // issued at the mock's clock between the read and now (expiry possibly in whole seconds)
    if (lifetime !== undefined) {
      expect(expires).toBeGreaterThan(now + lifetime - 1000);
      expect(expires).toBeLessThanOrEqual(now + lifetime + issuedWithin + 1);
    }
    if (spec.organizationPointer !== undefined) expect(getAtPointer(r.body, spec.organizationPointer)).toBe(mock.fixtures.organizations!.member[0]);
  });

  if (spec.login !== undefined) it('a wrong password or an unknown email gets the login error', async () => {
    const error = errorById(contract, contract.login!.error);
    expectError(await login('not-the-password'), error);
    expectError(await client.call(contract.login!.operationId, { body: { email: 'nobody@example.com', password: 'x' } }), error);
    expectError(await client.call(contract.login!.operationId, { body: 'not json' }), error);
  });

  if (spec.login !== undefined) it('the token works on the token scheme until its expiry, then gets the expired-token error', async () => {
    await client.control('POST', 'reset', {});
    const spec = contract.login!;
    const r = await login();
    const token = { value: getAtPointer(r.body, spec.tokenPointer) as string, scheme: spec.tokenScheme };
    expect((await client.call(contract.probeOperation, { credential: token })).status).toBe(200);
    const now = ((await client.control('GET', 'clock')).body as { now: number }).now;
    const expires = Date.parse(getAtPointer(r.body, spec.expiresPointer) as string);
    await client.advance(expires - now - 1000);
    expect((await client.call(contract.probeOperation, { credential: token })).status).toBe(200);
    await client.advance(2000);
    expectError(await client.call(contract.probeOperation, { credential: token }), errorById(contract, spec.expiredError));
  });

  if (spec.login !== undefined) it('a login token sent as a raw key (or a raw key as a token) is not accepted', async () => {
    const spec = contract.login!;
    const token = getAtPointer((await login()).body, spec.tokenPointer) as string;
    const valid = client.credential('valid');
    const header = contract.schemes.find((s) => s.name === valid.scheme)!.header;
    const invalid = contract.requirements.find((r) => r.kind === 'credential.invalid')!.errors[0]!;
    expectError(await client.call(contract.probeOperation, { headers: { [header]: token } }), invalid);
    expectError(await client.call(contract.probeOperation, { credential: { value: valid.value, scheme: spec.tokenScheme } }), invalid);
  });

  if (spec.organization !== undefined && spec.login !== undefined) it('the organization header: each member organization is accepted (its data), a foreign one gets the organization error', async () => {
    const spec = contract.login!;
    const token = { value: getAtPointer((await login()).body, spec.tokenPointer) as string, scheme: spec.tokenScheme };
    const orgs = mock.fixtures.organizations!;
    const header = contract.organization!.header;
    const bodies = [];
    for (const org of orgs.member) {
      const r = await client.call(contract.probeOperation, { credential: token, headers: { [header]: org } });
      expect(r.status).toBe(200);
      bodies.push(JSON.stringify(r.body));
    }
    expect(new Set(bodies).size).toBe(orgs.member.length);
    const error = errorById(contract, contract.organization!.error);
    expectError(await client.call(contract.probeOperation, { credential: token, headers: { [header]: orgs.foreign! } }), error);
    expectError(await client.call(contract.probeOperation, { role: 'valid', headers: { [header]: orgs.foreign! } }), error);
    expect((await client.call(contract.probeOperation, { role: 'valid', headers: { [header]: orgs.member[0]! } })).status).toBe(200);
  });
});

everyResponseMatchesItsSpec(log);
