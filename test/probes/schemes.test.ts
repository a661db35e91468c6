/**
 * Credential schemes beyond `x-api-key` and `Bearer` (issue 10): Basic with the key as user name
 * (empty password), one http scheme with two words (`Bearer`, `token`), a key in a query parameter
 * or a cookie. Each spec in test/fixtures/schemes/ runs against its generated mock (every case
 * passes, also with the conformant variants), every defect is caught by its own requirement alone,
 * and the wrong-scheme probes never send a form the spec declares.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getResponse } from 'msw';
import { extractCredential } from '../../src/mock/auth.ts';
import { createHandlers } from '../../src/mock/handlers.ts';
import { schemeGroups } from '../../src/mock/routes.ts';
import { buildRequest, operationById } from '../../src/probes/request-builder.ts';
import { planCases } from '../../src/probes/registry.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';
import { runDefectMatrix } from '../../src/selftest/defect-matrix.ts';
import type { Contract } from '../../src/spec/contract.ts';
import { contractOf, specFor } from '../support/loaded-specs.ts';
import { mockFixtures } from '../../src/mock/mock-fixtures.ts';
import { createMockState } from '../../src/mock/state.ts';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';

const loadMockFixtures = (c: Contract): Fixtures => mockFixtures(specFor(c), createMockState(specFor(c)), {}, undefined);

const DIR = fileURLToPath(new URL('../fixtures/schemes/', import.meta.url));
const SPECS = ['basic-key', 'token-words', 'query-cookie'] as const;
const KEY = 'sk_live_valid0001abcdef';
const load = (name: string): Promise<Contract> => contractOf(`${DIR}${name}.yaml`);
const invalidTitles = async (name: string): Promise<string[]> => {
  const c = await load(name);
  return planCases(c, loadMockFixtures(c), { mock: true })
    .flatMap((p) => p.cases)
    .filter((k) => k.requirement.kind === 'credential.invalid')
    .map((k) => k.name.replace(/^\S+ /, ''));
};

describe.each(SPECS)('%s', (name) => {
  it('passes every case against its mock, also with every conformant variant', { timeout: 120_000 }, async () => {
    const c = await load(name);
    for (const options of [{}, { variants: ['all'] }]) {
      const runs = await runAgainstMock(specFor(c), options);
      expect(runs.filter(({ o }) => o.verdict !== 'pass').map(({ c: k, o }) => `${k.name}: ${o.message}`)).toEqual([]);
      expect(runs.length).toBeGreaterThan(8);
    }
  });

  it('every defect fails its own requirement and no other', { timeout: 240_000 }, async () => {
    const results = await runDefectMatrix(specFor(await load(name)));
    expect(results.filter((r) => r.caught.length === 0).map((r) => r.defect)).toEqual([]);
    expect(results.flatMap((r) => r.wronglyBlamed)).toEqual([]);
  });
});

describe('wrong-scheme probes are derived from what the spec does not declare', () => {
  it('Basic declared: no "Basic scheme is refused"; Token and the bare key are sent', async () => {
    const titles = await invalidTitles('basic-key');
    expect(titles.filter((t) => /scheme|bare/.test(t))).toEqual([
      'Token scheme is refused',
      'bare key with no scheme word (Authorization: KEY) is refused',
    ]);
  });

  it('token declared beside Bearer: no "Token scheme is refused"; Basic and the bare key are sent', async () => {
    const titles = await invalidTitles('token-words');
    expect(titles.filter((t) => /scheme|bare/.test(t))).toEqual([
      'Basic scheme is refused',
      'bare key with no scheme word (Authorization: KEY) is refused',
    ]);
  });

  it('a key in the query: no Authorization variants; the empty value is an empty parameter', async () => {
    const titles = await invalidTitles('query-cookie');
    expect(titles.filter((t) => /scheme|bare|Authorization/.test(t))).toEqual([]);
    expect(titles).toContain('empty api_key value is refused');
  });

  it('credential.formats sends each scheme word of a scheme', async () => {
    const c = await load('token-words');
    const names = planCases(c, loadMockFixtures(c), { mock: true })
      .flatMap((p) => p.cases)
      .filter((k) => k.requirement.kind === 'credential.formats')
      .map((k) => k.name);
    expect(names).toEqual([
      'WORDS-AUTH-02 bearerToken (API key) is accepted on listThings',
      'WORDS-AUTH-02 bearerToken with scheme word token (API key) is accepted on listThings',
    ]);
  });
});

describe('placement on the request, with the encoded forms masked', () => {
  it('Basic: base64(key:) in Authorization, the encoding a secret', async () => {
    const c = await load('basic-key');
    const req = buildRequest({ contract: c, fixtures: loadMockFixtures(c) }, { operation: operationById(c, 'listThings'), credential: { value: KEY } });
    const encoded = Buffer.from(`${KEY}:`).toString('base64');
    expect(req.headers).toEqual({ Authorization: `Basic ${encoded}` });
    expect(req.secrets).toContain(encoded);
  });

  it('Basic with the key as password: base64(username:key)', async () => {
    const c = await load('basic-key');
    const scheme = { ...c.schemes[0]!, basic: { keyAs: 'password' as const, username: 'api', password: '' } };
    const contract = { ...c, schemes: [scheme, ...c.schemes.slice(1)] };
    const req = buildRequest({ contract, fixtures: loadMockFixtures(c) }, { operation: operationById(c, 'listThings'), credential: { value: KEY } });
    expect(req.headers.Authorization).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
  });

  it('a chosen scheme word; a query parameter beside the example query; a cookie', async () => {
    const words = await load('token-words');
    const w = buildRequest({ contract: words, fixtures: loadMockFixtures(words) }, { operation: operationById(words, 'listThings'), credential: { value: KEY, word: 'token' } });
    expect(w.headers).toEqual({ Authorization: `token ${KEY}` });
    const qc = await load('query-cookie');
    const ctx = { contract: qc, fixtures: loadMockFixtures(qc) };
    const q = buildRequest(ctx, { operation: operationById(qc, 'listThings'), credential: { value: KEY } });
    expect([q.path, q.headers]).toEqual([`/v1/things?limit=5&api_key=${KEY}`, {}]);
    const k = buildRequest(ctx, { operation: operationById(qc, 'listThings'), credential: { value: KEY, scheme: 'cookieKey' } });
    expect([k.path, k.headers]).toEqual(['/v1/things?limit=5', { Cookie: `session=${KEY}` }]);
  });
});

describe('the mock reads exactly the declared forms', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  const basic = (userPass: string) => `Basic ${Buffer.from(userPass).toString('base64')}`;

  it('Basic: the key as user name with the documented empty password; anything else is malformed', async () => {
    const c = await load('basic-key');
    const groups = schemeGroups(c, ['basicKey', 'bearerKey']);
    const [basicKey, bearerKey] = c.schemes;
    expect([
      extractCredential(h({ Authorization: basic(`${KEY}:`) }), groups),
      extractCredential(h({ Authorization: basic(`${KEY}:secret`) }), groups),
      extractCredential(h({ Authorization: basic(`:${KEY}`) }), groups),
      extractCredential(h({ authorization: `bearer ${KEY}` }), groups),
      extractCredential(h({ Authorization: KEY }), groups),
    ]).toEqual([
      { kind: 'value', value: KEY, candidates: [basicKey] },
      { kind: 'malformed' },
      { kind: 'malformed' },
      { kind: 'value', value: KEY, candidates: [bearerKey] },
      { kind: 'malformed', bare: { value: KEY, candidates: [bearerKey, basicKey] } },
    ]);
  });

  it('scheme words are case-insensitive; an undeclared word is malformed', async () => {
    const c = await load('token-words');
    const groups = schemeGroups(c, ['bearerToken']);
    const [scheme] = c.schemes;
    expect([
      extractCredential(h({ Authorization: `TOKEN ${KEY}` }), groups),
      extractCredential(h({ Authorization: `Bearer ${KEY}` }), groups),
      extractCredential(h({ Authorization: `Digest ${KEY}` }), groups),
    ]).toEqual([{ kind: 'value', value: KEY, candidates: [scheme] }, { kind: 'value', value: KEY, candidates: [scheme] }, { kind: 'malformed' }]);
  });

  it('query parameter and cookie, nowhere else', async () => {
    const c = await load('query-cookie');
    const groups = schemeGroups(c, ['queryKey', 'cookieKey']);
    const [queryKey, cookieKey] = c.schemes;
    expect([
      extractCredential(h({}), groups, `/v1/things?limit=5&api_key=${KEY}`),
      extractCredential(h({ Cookie: `a=b; session=${KEY}` }), groups, '/v1/things'),
      extractCredential(h({ Authorization: `Bearer ${KEY}`, 'x-api-key': KEY }), groups, `/v1/things?session=${KEY}`),
      extractCredential(h({}), groups, '/v1/things?api_key='),
    ]).toEqual([
      { kind: 'value', value: KEY, candidates: [queryKey] },
      { kind: 'value', value: KEY, candidates: [cookieKey] },
      { kind: 'none' },
      { kind: 'malformed' },
    ]);
  });
});

describe('a status set on an error (token-words: invalid_key is 401 or 403)', () => {
  it('the mock answers the first; its status-alternatives variant another member, which the suite passes above', async () => {
    const c = await load('token-words');
    const ask = async (variants: string[]) => {
      const handlers = createHandlers(specFor(c), createMockState(specFor(c)), { variants });
      const r = await getResponse(handlers, new Request('https://api.words.test/v1/things', { headers: { Authorization: 'Bearer sk_live_nope' } }));
      return r?.status;
    };
    expect([await ask([]), await ask(['status-alternatives'])]).toEqual([401, 403]);
  });
});

describe('public operations (security: [] or an empty alternative {})', () => {
  it('are marked public in the contract; the mock serves them without a credential, and refuses a wrong one where a credential is optional', async () => {
    const c = await load('basic-key');
    expect(c.operations.map((o) => [o.operationId, o.public === true, o.schemes])).toEqual([
      ['listThings', false, ['basicKey', 'bearerKey']],
      ['getStatus', true, []],
      ['getCatalog', true, ['basicKey']],
    ]);
    const handlers = createHandlers(specFor(c), createMockState(specFor(c)));
    const ask = async (path: string, headers: Record<string, string> = {}) =>
      (await getResponse(handlers, new Request(`https://api.basic.test${path}`, { headers })))?.status;
    expect([
      await ask('/v1/status'),
      await ask('/v1/catalog'),
      await ask('/v1/catalog', { Authorization: `Basic ${Buffer.from('sk_live_nope:').toString('base64')}` }),
      await ask('/v1/catalog', { Authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` }),
      await ask('/v1/things'),
    ]).toEqual([200, 200, 401, 200, 401]);
  });
});
