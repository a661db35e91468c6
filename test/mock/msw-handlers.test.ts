/**
 * createHandlers in an SDK author's own msw setup (setupServer intercepting fetch, no port), and
 * the credential extraction rules on their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { getResponse } from 'msw';
import { LinqAPIV3, PermissionDeniedError } from '@linqapp/sdk';
import type { CredentialScheme } from '../../src/spec/contract.ts';
import { createHandlers } from '../../src/mock/handlers.ts';
import { createMockState } from '../../src/mock/state.ts';
import { extractCredential } from '../../src/mock/auth.ts';
import { contractOf, SPECS, specFor } from './support.ts';

describe.runIf(SPECS.includes('linq'))('createHandlers in setupServer', () => {
  const server = setupServer();
  beforeAll(async () => {
    const contract = await contractOf('linq');
    server.use(...createHandlers(specFor(contract), createMockState(specFor(contract)), { control: false }));
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => server.close());

  it('serves the official SDK at its default base URL without a port', async () => {
    const contract = await contractOf('linq');
    const token = specFor(contract).mock.credentials.find((c) => c.role === 'valid')!.value;
    const client = new LinqAPIV3({ apiKey: token, maxRetries: 0 });
    const page = await client.chats.listChats();
    expect(page.chats.length).toBe(2);
    const scoped = specFor(contract).mock.credentials.find((c) => c.role === 'scoped')!.value;
    const err = await new LinqAPIV3({ apiKey: scoped, maxRetries: 0 })
      .chats.create({ from: '+12025550101', to: ['+14155550123'], message: { parts: [{ type: 'text', value: 'hi' }] } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect((err as PermissionDeniedError).error).toEqual({ code: 2005, message: 'Valid token but insufficient permissions for this resource.' });
  });
});

describe.each(SPECS)('%s handlers with getResponse', (name) => {
  it('answer a Fetch Request with a JSON Response; an unknown route is left unhandled', async () => {
    const contract = await contractOf(name);
    const handlers = createHandlers(specFor(contract), createMockState(specFor(contract)));
    const probe = contract.operations.find((o) => o.operationId === contract.probeOperation)!;
    const path = probe.path.replace(/\{[^}]+\}/g, 'x');
    const refused = await getResponse(handlers, new Request(`https://api.example.com${path}`, { method: probe.method }));
    expect([refused?.status, refused?.headers.get('content-type')]).toEqual([401, 'application/json']);
    expect(await getResponse(handlers, new Request('https://api.example.com/no/such/route'))).toBeUndefined();
  });
});

describe('credential extraction', () => {
  const raw: CredentialScheme = { name: 'apiKey', type: 'header', header: 'Authorization', credential: 'api_key' };
  const bearer: CredentialScheme = { name: 'bearerToken', type: 'bearer', header: 'Authorization', credential: 'token' };
  const custom: CredentialScheme = { name: 'key', type: 'header', header: 'x-api-key', credential: 'api_key' };
  const headers = (h: Record<string, string>) => new Headers(h);

  it('a header shared by a raw and a bearer scheme: "Bearer <t>" is a token, anything else a raw key', () => {
    const groups = [{ header: 'authorization', bearer: [bearer], raw: [raw] }];
    expect([
      extractCredential(headers({ Authorization: 'Bearer tok123' }), groups),
      extractCredential(headers({ authorization: 'bearer    tok123 ' }), groups),
      extractCredential(headers({ Authorization: 'key123' }), groups),
      extractCredential(headers({ Authorization: 'Basic a2V5' }), groups),
      extractCredential(headers({ Authorization: 'Bearer' }), groups),
      extractCredential(headers({ Authorization: '' }), groups),
      extractCredential(headers({}), groups),
    ]).toEqual([
      { kind: 'value', value: 'tok123', candidates: [bearer] },
      { kind: 'value', value: 'tok123', candidates: [bearer] },
      { kind: 'value', value: 'key123', candidates: [raw] },
      { kind: 'value', value: 'Basic a2V5', candidates: [raw] },
      { kind: 'malformed' },
      { kind: 'malformed' },
      { kind: 'none' },
    ]);
  });

  it('a bearer-only header: other scheme words are malformed; a custom header reads the raw value, any case', () => {
    expect([
      extractCredential(headers({ Authorization: 'Token k' }), [{ header: 'authorization', bearer: [bearer], raw: [] }]),
      extractCredential(headers({ 'X-API-KEY': ' k1 ' }), [{ header: 'x-api-key', bearer: [], raw: [custom] }]),
      extractCredential(headers({ Authorization: 'Bearer k1' }), [{ header: 'x-api-key', bearer: [], raw: [custom] }]),
    ]).toEqual([{ kind: 'malformed' }, { kind: 'value', value: 'k1', candidates: [custom] }, { kind: 'none' }]);
  });
});
