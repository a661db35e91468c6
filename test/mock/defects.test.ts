/**
 * Defects: every requirement of every spec can be broken on purpose, ids are well formed, unknown
 * ids and variant names are usage errors listing the valid ones, and a sample of defects per kind
 * changes exactly the behaviour they name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../src/spec/contract.ts';
import { listDefects } from '../../src/mock/defects.ts';
import { startMock } from '../../src/mock/server.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { AuthconformError } from '../../src/util/errors.ts';
import { contractOf, errorOfKind, expectError, MockClient, ResponseLog, SPECS, specFor } from './support.ts';

// Responses of mocks with defects switched on break their spec on purpose: they are not checked
// against the response schemas (the other files check every response of conformant mocks).
const log = new ResponseLog();

describe.each(SPECS)('%s defects', (name) => {
  it('every requirement has at least one defect, the first named after the requirement', async () => {
    const contract = await contractOf(name);
    const defects = listDefects(specFor(contract));
    const uncovered = contract.requirements.filter((r) => !defects.some((d) => d.requirement === r.id)).map((r) => r.id);
    expect(uncovered).toEqual([]);
    const firsts = contract.requirements.map((r) => defects.find((d) => d.requirement === r.id)?.id);
    expect(firsts).toEqual(contract.requirements.map((r) => r.id));
  });

  it('defect ids are unique and read <REQUIREMENT-ID> or <REQUIREMENT-ID>/<variant>', async () => {
    const contract = await contractOf(name);
    const defects = listDefects(specFor(contract));
    expect(new Set(defects.map((d) => d.id)).size).toBe(defects.length);
    for (const d of defects) expect(d.id === d.requirement || new RegExp(`^${d.requirement}/[a-z0-9-]+$`).test(d.id)).toBe(true);
  });

  it('an unknown defect id is an AC_USAGE error listing the valid ids', async () => {
    const contract = await contractOf(name);
    const ids = listDefects(specFor(contract)).map((d) => d.id);
    const err = await startMock(specFor(contract), { defects: ['NO-SUCH-DEFECT'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthconformError);
    expect([(err as AuthconformError).code, (err as AuthconformError).message]).toEqual([
      'AC_USAGE',
      `unknown defect "NO-SUCH-DEFECT" for ${name} — valid: ${ids.join(', ')}`,
    ]);
  });

  it('credential.missing default defect: a request without credentials is served', async () => {
    const contract = await contractOf(name);
    const id = contract.requirements.find((r) => r.kind === 'credential.missing')!.id;
    const mock = await startMock(specFor(contract), { defects: [id] });
    try {
      const client = new MockClient(contract, mock, log);
      expect((await client.call(contract.probeOperation)).status).toBe(200);
      expectError(await client.call(contract.probeOperation, { credential: { ...client.credential('valid'), value: 'unknown-key-0000' } }), errorOfKind(contract, 'credential.invalid'));
    } finally {
      await mock.close();
    }
  });

  it('credential.invalid default defect: a truncated valid key is accepted, an unknown one still refused', async () => {
    const contract = await contractOf(name);
    const id = contract.requirements.find((r) => r.kind === 'credential.invalid')!.id;
    const mock = await startMock(specFor(contract), { defects: [id] });
    try {
      const client = new MockClient(contract, mock, log);
      const valid = client.credential('valid');
      expect((await client.call(contract.probeOperation, { credential: { ...valid, value: valid.value.slice(0, -5) } })).status).toBe(200);
      expectError(await client.call(contract.probeOperation, { credential: { ...valid, value: `${valid.value}X` } }), errorOfKind(contract, 'credential.invalid'));
    } finally {
      await mock.close();
    }
  });
});

describe('defect behaviours by kind', () => {
  let mocks: MockServer[] = [];
  const start = async (name: string, defects: string[]): Promise<{ contract: Contract; client: MockClient }> => {
    if (!SPECS.includes(name)) throw new Error(`specs/${name}.yaml is absent: this test should not have been generated`);
    const contract = await contractOf(name);
    const mock = await startMock(specFor(contract), { defects });
    mocks.push(mock);
    return { contract, client: new MockClient(contract, mock, log) };
  };
  beforeAll(() => {
    mocks = [];
  });
  afterAll(() => Promise.all(mocks.map((m) => m.close())));

  if (SPECS.includes('linkfetch')) it('key.indistinguishable: the revoked key error carries "revoked": true, the unknown key error does not', async () => {
    const m = await start('linkfetch', ['LINKFETCH-KEY-03']);
    const revoked = await m.client.call('getProfile', { role: 'revoked_expired' });
    const unknown = await m.client.call('getProfile', { credential: { value: 'sk_live_doesnotexist000000000000', scheme: 'bearerKey' } });
    expect([revoked.body, unknown.body]).toEqual([
      { error: 'invalid_key', message: 'Key is wrong, revoked, or past the grace window.', revoked: true },
      { error: 'invalid_key', message: 'Key is wrong, revoked, or past the grace window.' },
    ]);
  });

  if (SPECS.includes('linkfetch')) it('key.grace: a key in its grace window is refused', async () => {
    const m = await start('linkfetch', ['LINKFETCH-KEY-01']);
    expect((await m.client.call('getProfile', { role: 'revoked_in_grace' })).status).toBe(401);
  });

  if (SPECS.includes('linkfetch')) it('response.header-echo: the echoed prefix is the other kind of key', async () => {
    const m = await start('linkfetch', ['LINKFETCH-PREFIX-01']);
    const live = await m.client.call('getProfile', { role: 'valid' });
    const test = await m.client.call('getProfile', { role: 'test_mode' });
    expect([live.headers['x-api-key-prefix'], test.headers['x-api-key-prefix']]).toEqual(['sk_test_', 'sk_live_']);
  });

  if (SPECS.includes('linkfetch')) it('credential.test-mode: test keys refused, still identified (echo header)', async () => {
    const m = await start('linkfetch', ['LINKFETCH-TEST-01']);
    const test = await m.client.call('getProfile', { role: 'test_mode' });
    expect([test.status, test.headers['x-api-key-prefix']]).toEqual([401, 'sk_test_']);
  });

  if (SPECS.includes('linkt')) it('ratelimit.limit / remaining / headers: Limit doubled, Remaining frozen, Remaining above Limit', async () => {
    const a = await start('linkt', ['LINKT-RATE-02']);
    const b = await start('linkt', ['LINKT-RATE-03']);
    const c = await start('linkt', ['LINKT-RATE-01']);
    const pair = async (client: MockClient): Promise<string[]> => {
      const r = await client.call('listIcps', { role: 'valid' });
      return [r.headers['x-ratelimit-limit']!, r.headers['x-ratelimit-remaining']!];
    };
    expect([await pair(a.client), await pair(a.client)]).toEqual([['120', '59'], ['120', '58']]);
    expect([await pair(b.client), await pair(b.client)]).toEqual([['60', '59'], ['60', '59']]);
    expect(await pair(c.client)).toEqual(['60', '120']);
  });

  if (SPECS.includes('linkt')) it('ratelimit.reset: 2xx responses carry Reset as delta seconds instead of epoch seconds', async () => {
    const m = await start('linkt', ['LINKT-RATE-04']);
    const r = await m.client.call('listIcps', { role: 'valid' });
    expect(Number(r.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(60);
  });

  if (SPECS.includes('linkt')) it('ratelimit.retry-after: Retry-After and retry_after point an hour beyond the reset', async () => {
    const m = await start('linkt', ['LINKT-RATE-06']);
    let r;
    do r = await m.client.call('listIcps', { role: 'valid' });
    while (r.status !== 429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(3600);
    expect((r.body as { retry_after: number }).retry_after).toBe(Number(r.headers['retry-after']));
  });

  if (SPECS.includes('linkt')) it('ratelimit.recovery: once limited, still limited after the window', async () => {
    const m = await start('linkt', ['LINKT-RATE-07']);
    let r;
    do r = await m.client.call('listIcps', { role: 'valid' });
    while (r.status !== 429);
    await m.client.advance(61_000);
    expect((await m.client.call('listIcps', { role: 'valid' })).status).toBe(429);
  });

  if (SPECS.includes('linq')) it('ratelimit.exceeded: the 429 no longer carries the documented code', async () => {
    const m = await start('linq', ['LINQ-RATE-01']);
    let r;
    do r = await m.client.call('listChats', { role: 'valid' });
    while (r.status !== 429);
    expect(r.body).toEqual({ code: 0, message: 'Rate limit exceeded.' });
  });

  if (SPECS.includes('linq')) it('ratelimit.per-key: another key of the tenant is limited with the first', async () => {
    const m = await start('linq', ['LINQ-RATE-02']);
    let r;
    do r = await m.client.call('listChats', { role: 'valid' });
    while (r.status !== 429);
    expect((await m.client.call('listChats', { role: 'scoped' })).status).toBe(429);
  });

  if (SPECS.includes('linq')) it('scope.denied (binding): an unassigned phone number is served; (scopes): the scoped token may create', async () => {
    const a = await start('linq', ['LINQ-SCOPE-02']);
    const b = await start('linq', ['LINQ-SCOPE-01']);
    const body = a.contract.requirements.find((r) => r.id === 'LINQ-SCOPE-02')!.request!.body;
    expect((await a.client.call('createChat', { role: 'valid', body })).status).toBe(201);
    expect((await a.client.call('createChat', { role: 'scoped' })).status).toBe(403);
    expect((await b.client.call('createChat', { role: 'scoped' })).status).toBe(201);
    expect((await b.client.call('createChat', { role: 'valid', body })).status).toBe(403);
  });

  if (SPECS.includes('linkt')) it("tenant.isolation: another tenant's resource is served", async () => {
    const m = await start('linkt', ['LINKT-TENANT-01']);
    expect((await m.client.call('getIcp', { role: 'other_tenant' })).status).toBe(200);
  });

  if (SPECS.includes('linkit')) it('login defects: wrong password accepted, tokens never expire, empty organization id', async () => {
    const a = await start('linkit', ['LINKIT-LOGIN-02']);
    const b = await start('linkit', ['LINKIT-LOGIN-03']);
    const c = await start('linkit', ['LINKIT-LOGIN-01']);
    const user = a.client.credential('login');
    expect((await a.client.call('login', { body: { email: user.email, password: 'wrong' } })).status).toBe(200);
    expect((await b.client.call('listProducts', { role: 'expired_token' })).status).toBe(200);
    const issued = await c.client.call('login', { body: { email: user.email, password: user.password } });
    expect((issued.body as { user: { organization_id: string } }).user.organization_id).toBe('');
  });

  if (SPECS.includes('linkit')) it('org.membership: a foreign organization is served; transport.https-only: the plain listener serves a canary', async () => {
    const a = await start('linkit', ['LINKIT-ORG-01']);
    const b = await start('linkit', ['LINKIT-TLS-01']);
    expect((await a.client.call('listProducts', { role: 'valid', headers: { 'X-Organization-ID': 'org_999' } })).status).toBe(200);
    const canary = { ...b.client.credential('valid'), value: 'canary-not-a-key' };
    expect((await b.client.call('listProducts', { credential: canary, baseUrl: b.client.mock.plainUrl })).status).toBe(200);
  });

  if (SPECS.includes('linkit')) it('credential.formats: tokens refused unless an organization is named; key.no-expiry: keys die after 30 days', async () => {
    const a = await start('linkit', ['LINKIT-AUTH-04']);
    const b = await start('linkit', ['LINKIT-KEY-01']);
    const user = a.client.credential('login');
    const token = ((await a.client.call('login', { body: { email: user.email, password: user.password } })).body as { token: string }).token;
    const cred = { value: token, scheme: 'bearerToken' };
    expect((await a.client.call('listProducts', { credential: cred })).status).toBe(401);
    expect((await a.client.call('listProducts', { credential: cred, headers: { 'X-Organization-ID': 'org_123' } })).status).toBe(200);
    expect((await b.client.call('listProducts', { role: 'valid' })).status).toBe(200);
    await b.client.advance(31 * 86_400_000);
    expect((await b.client.call('listProducts', { role: 'valid' })).status).toBe(401);
  });

  if (SPECS.includes('linkkit')) it('request.required-header: a request without Content-Type is served', async () => {
    const m = await start('linkkit', ['LINKKIT-AUTH-02']);
    expect((await m.client.call('listLinks', { role: 'valid', omitRequired: true })).status).toBe(200);
  });
});

