/** valid-credentials, missing-credentials, invalid-credentials: target behaviour → verdict. */
import { describe, expect, it } from 'vitest';
import { KEYS } from './support/acme-contract.ts';
import { expected, verdictOf, type Scenario } from './support/scenario.ts';
import type { Reply, SeenRequest } from './support/server.ts';

const NO_CREDS = 'no credentials are refused on listThings';
const auth = (r: SeenRequest): string | undefined => r.headers['authorization'];
const when = (test: (r: SeenRequest) => boolean, reply: Reply) => (r: SeenRequest, d: Reply) => (test(r) ? reply : d);

const rows: Scenario[] = [
  { name: 'conformant', title: 'valid credential is accepted on listThings', verdict: 'pass' },
  {
    name: 'a success body without the documented field',
    title: 'valid credential is accepted on listThings',
    api: { tweak: when((r) => auth(r) !== undefined, { status: 200, body: { items: [] } }) },
    verdict: 'fail',
    message: "Expected 200 with a body matching the listThings response schema, got 200 (body must have required property 'things') for GET /v1/things (valid credential)",
  },
  { name: 'conformant', title: 'test_mode credential is accepted on listThings', verdict: 'pass' },
  { name: 'conformant', title: 'bearerToken (login token) is accepted on listThings', verdict: 'pass' },
  {
    name: 'tokens refused',
    title: 'bearerToken (login token) is accepted on listThings',
    api: { tweak: when((r) => auth(r)?.includes('tok_') === true, { status: 401, body: { error: { code: 'invalid_key' } } }) },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (login token as bearerToken)',
  },
  { name: 'conformant', title: NO_CREDS, verdict: 'pass' },
  {
    name: 'another message, extra fields',
    title: NO_CREDS,
    api: { tweak: when((r) => auth(r) === undefined, { status: 401, body: { error: { code: 'missing_key', message: 'Go away', request_id: 'r1' }, docs: 'x' } }) },
    verdict: 'pass',
  },
  {
    name: 'the code in a text body',
    title: NO_CREDS,
    api: { tweak: when((r) => auth(r) === undefined, { status: 401, headers: { 'content-type': 'text/plain' }, body: 'missing_key: send a key' }) },
    verdict: 'pass',
  },
  {
    name: 'served without credentials',
    title: NO_CREDS,
    api: { tweak: when((r) => auth(r) === undefined, { status: 200, body: { things: [] } }) },
    verdict: 'fail',
    message: 'Expected 401 with code missing_key, got 200 for GET /v1/things (no credentials)',
  },
  {
    name: 'the wrong code',
    title: NO_CREDS,
    api: { tweak: when((r) => auth(r) === undefined, { status: 401, body: { error: { code: 'invalid_key' } } }) },
    verdict: 'fail',
    message: 'Expected 401 with code missing_key, got 401 (body has no value missing_key) for GET /v1/things (no credentials)',
  },
  { name: 'conformant', title: 'key in the wrong header (X-API-Key: K) is refused', verdict: 'pass' },
  {
    name: 'the key accepted in X-API-Key',
    title: 'key in the wrong header (X-API-Key: K) is refused',
    api: { tweak: when((r) => r.headers['x-api-key'] === KEYS.valid, { status: 200, body: { things: [] } }) },
    verdict: 'fail',
    message: 'Expected 401 with code missing_key, got 200 for GET /v1/things (valid key in the undocumented X-API-Key header)',
  },
  { name: 'conformant', title: 'unknown key with prefix sk_live_ is refused', verdict: 'pass' },
  {
    name: 'the unknown key echoed in the error',
    title: 'unknown key with prefix sk_live_ is refused',
    api: {
      tweak: (r, d) =>
        d.status === 401 ? { status: 401, body: { error: { code: 'invalid_key', message: `no key ${auth(r)?.slice(7)}` } } } : d,
    },
    verdict: 'fail',
    message: 'target echoed a credential back in response body of GET /v1/things',
  },
  {
    name: 'any key with the valid prefix half accepted',
    title: 'truncated key is refused',
    api: { tweak: when((r) => auth(r)?.startsWith(`Bearer ${KEYS.valid.slice(0, 16)}`) === true, { status: 200, body: { things: [] } }) },
    verdict: 'fail',
    message: 'Expected 401 with code invalid_key, got 200 for GET /v1/things (valid key cut in half)',
  },
  { name: 'conformant', title: 'key with a wrong prefix is refused', verdict: 'pass' },
  { name: 'conformant', title: 'key with a changed last character is refused', verdict: 'pass' },
  {
    name: 'a crash on Basic',
    title: 'Basic scheme is refused',
    api: { tweak: when((r) => auth(r)?.startsWith('Basic ') === true, { status: 500, body: 'boom' }) },
    verdict: 'fail',
    message: 'Expected 401 with code invalid_key, got 500 for GET /v1/things (valid key as Basic credentials)',
  },
  { name: 'conformant', title: 'Token scheme is refused', verdict: 'pass' },
  { name: 'conformant (missing_key)', title: 'Bearer with no token is refused', verdict: 'pass' },
  {
    name: 'invalid_key for an empty Bearer',
    title: 'Bearer with no token is refused',
    api: { tweak: when((r) => auth(r) === 'Bearer', { status: 401, body: { error: { code: 'invalid_key' } } }) },
    verdict: 'pass',
  },
  {
    name: 'a 400 for an empty Bearer',
    title: 'Bearer with no token is refused',
    api: { tweak: when((r) => auth(r) === 'Bearer', { status: 400, body: { error: { code: 'bad_request' } } }) },
    verdict: 'fail',
    message:
      'Expected 401 with code invalid_key or 401 with code missing_key, got 400 for GET /v1/things (Authorization: Bearer with no token)',
  },
  { name: 'conformant', title: 'empty Authorization value is refused', verdict: 'pass' },
  { name: 'padded key accepted', title: 'whitespace-padded valid key is accepted or refused as invalid', verdict: 'pass' },
  {
    name: 'padded key refused as invalid',
    title: 'whitespace-padded valid key is accepted or refused as invalid',
    api: { tweak: when((r) => auth(r)?.startsWith('Bearer  ') === true, { status: 401, body: { code: 'invalid_key' } }) },
    verdict: 'pass',
  },
  {
    name: 'padded key crashes the server',
    title: 'whitespace-padded valid key is accepted or refused as invalid',
    api: { tweak: when((r) => auth(r)?.startsWith('Bearer  ') === true, { status: 502, body: 'bad gateway' }) },
    verdict: 'fail',
    message: 'Expected 200 or 422 or 401 with code invalid_key, got 502 for GET /v1/things (valid key padded with spaces)',
  },
];

describe('credential families', () => {
  for (const row of rows) {
    it(`${row.title}: ${row.name} → ${row.verdict}`, async () => {
      expect(await verdictOf(row)).toEqual(expected(row));
    });
  }
});
