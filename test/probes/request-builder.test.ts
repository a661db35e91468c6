import { describe, expect, it } from 'vitest';
import { buildRequest, operationById } from '../../src/probes/request-builder.ts';
import { SkipCase } from '../../src/probes/skip-case.ts';
import { acmeContract, acmeFixtures, KEYS, OPERATIONS } from './support/acme-contract.ts';

const contract = acmeContract([]);
const fixtures = acmeFixtures();
const ctx = { contract, fixtures };
const op = (id: string) => operationById(contract, id);
const allSecrets = [...Object.values(KEYS), 'correct horse battery'];

describe('buildRequest', () => {
  it('fills the path, the query and places a bearer credential', () => {
    const req = buildRequest(ctx, { operation: op('listThings'), credential: fixtures.credentials.valid! });
    expect(req).toEqual({
      method: 'GET',
      path: '/v1/things?q=x',
      headers: { Authorization: `Bearer ${KEYS.valid}` },
      secrets: allSecrets,
    });
  });

  it('fills {fixture:NAME} path parameters from fixtures.resources, URL-encoded', () => {
    const req = buildRequest({ ...ctx, fixtures: acmeFixtures({ resources: { thing_id: 'a b/c' } }) }, { operation: op('getThing') });
    expect(req.path).toBe('/v1/things/a%20b%2Fc');
    expect(req.headers).toEqual({});
  });

  it('skips the case when a fixture resource is missing', () => {
    const build = () => buildRequest({ ...ctx, fixtures: acmeFixtures({ resources: {} }) }, { operation: op('getThing') });
    expect(build).toThrow(SkipCase);
    expect(build).toThrow('fixtures.resources.thing_id is not set');
  });

  it('lets request overrides win over the example, deep-merging the JSON body and setting Content-Type', () => {
    const req = buildRequest(ctx, {
      operation: op('createThing'),
      request: { body: { owner: 'x' }, query: { dry: '1' } },
    });
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/things?dry=1');
    expect(req.body).toBe('{"name":"thing","owner":"x"}');
    expect(req.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('fills {fixture:NAME} placeholders in the query, headers and JSON body too, and skips when one is unset', () => {
    const request = { query: { owner: '{fixture:owner}' }, headers: { 'X-Team': '{fixture:team}' }, body: { from: '{fixture:owner}', to: ['{fixture:team}', 'x'] } };
    const f = acmeFixtures({ resources: { owner: '+13125550147', team: 't 1' } });
    const req = buildRequest({ ...ctx, fixtures: f }, { operation: op('createThing'), request });
    expect(req.path).toBe('/v1/things?owner=%2B13125550147');
    expect(req.headers).toEqual({ 'X-Team': 't 1', 'Content-Type': 'application/json' });
    expect(req.body).toBe('{"name":"thing","from":"+13125550147","to":["t 1","x"]}');
    const unset = () => buildRequest({ ...ctx, fixtures: acmeFixtures({ resources: { team: 't' } }) }, { operation: op('createThing'), request });
    expect(unset).toThrow(new SkipCase('fixtures.resources.owner is not set'));
  });

  it('places a header-scheme credential raw, with the credential extra headers', () => {
    const c = acmeContract([], {
      schemes: [{ name: 'apiKey', type: 'header', header: 'x-api-key', credential: 'api_key' }],
      defaultScheme: 'apiKey',
    });
    const req = buildRequest(
      { contract: c, fixtures },
      { operation: OPERATIONS[0]!, credential: { value: 'k123', headers: { 'X-Org-ID': 'org_1' } } },
    );
    expect(req.path).toBe('/v1/things?q=x');
    expect(req.headers).toEqual({ 'X-Org-ID': 'org_1', 'x-api-key': 'k123' });
    expect(req.secrets).toEqual([...allSecrets, 'k123']);
  });

  it('always sends the required headers unless omitted, and raw headers replace any spelling', () => {
    const c = acmeContract([], { requiredHeaders: [{ name: 'Content-Type', value: 'application/json' }] });
    const base = { contract: c, fixtures };
    expect(buildRequest(base, { operation: op('listThings') }).headers).toEqual({ 'Content-Type': 'application/json' });
    expect(buildRequest(base, { operation: op('listThings'), omitHeaders: ['content-type'] }).headers).toEqual({});
    const raw = buildRequest(base, {
      operation: op('listThings'),
      credential: fixtures.credentials.valid!,
      headers: { authorization: 'Token abc' },
      bypassRateLimitGate: true,
    });
    expect(raw.headers).toEqual({ 'Content-Type': 'application/json', authorization: 'Token abc' });
    expect(raw.bypassRateLimitGate).toBe(true);
  });
});
