/** login-tokens, headers and transport: target behaviour → verdict. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeContract, acmeFixtures, KEYS, req } from './support/acme-contract.ts';
import { acmeApi } from './support/acme-api.ts';
import { runOne } from './support/run.ts';
import { planCases } from '../../src/probes/registry.ts';
import { expected, verdictOf, type Scenario } from './support/scenario.ts';
import { startTarget, type Reply, type SeenRequest, type Target } from './support/server.ts';

const ISSUE = 'login returns a token, a future expiry and the user';
const when = (test: (r: SeenRequest) => boolean, reply: Reply) => (r: SeenRequest, d: Reply) => (test(r) ? reply : d);
const isLogin = (r: SeenRequest) => r.path === '/v1/login';
const ECHO_VALID = 'X-Api-Key-Prefix equals the key prefix for the valid key';
const requiredCt = acmeContract([req('request.required-header')], {
  requiredHeaders: [{ name: 'Content-Type', value: 'application/json' }],
});
const WITH_CT = 'with Content-Type: application/json the valid key is accepted on listThings';
const WITHOUT_CT = 'without Content-Type the request is refused with a 4xx (informational)';
const needsCt = (r: SeenRequest, d: Reply): Reply =>
  r.headers['content-type'] === 'application/json' ? d : { status: 415, body: { code: 'unsupported_media_type' } };

const rows: Scenario[] = [
  { name: 'conformant', title: ISSUE, verdict: 'pass' },
  {
    name: 'an expiry in the past',
    title: ISSUE,
    api: { tweak: when(isLogin, { status: 200, body: { token: 'tok_abcdefghijkl', expires_at: '2001-01-01T00:00:00Z', user: { organization_id: 'org_1' } } }) },
    verdict: 'fail',
    message:
      'Expected a token, a future expiry and the user, got 200 (expiry 2001-01-01T00:00:00Z is not after the response Date) for POST /v1/login (login)',
  },
  {
    name: 'no token and no user',
    title: ISSUE,
    api: { tweak: when(isLogin, { status: 200, body: { token: '', expires_at: '2999-01-01T00:00:00Z' } }) },
    verdict: 'fail',
    message: 'Expected a token, a future expiry and the user, got 200 (no token at /token; no organization at /user/organization_id) for POST /v1/login (login)',
  },
  { name: 'conformant', title: 'wrong password is refused', verdict: 'pass' },
  {
    name: 'any password accepted',
    title: 'wrong password is refused',
    api: { tweak: when(isLogin, { status: 200, body: { token: 'tok_x', expires_at: '2999-01-01T00:00:00Z' } }) },
    verdict: 'fail',
    message: 'Expected 401 with code bad_login, got 200 for POST /v1/login (wrong password)',
  },
  { name: 'conformant', title: 'expired_token is refused', verdict: 'pass' },
  {
    name: 'expired tokens refused with the generic code',
    title: 'expired_token is refused',
    api: { tweak: when((r) => r.headers['authorization'] === `Bearer ${KEYS.expired_token}`, { status: 401, body: { code: 'invalid_key' } }) },
    verdict: 'fail',
    message: 'Expected 401 with code token_expired, got 401 (body has no value token_expired) for GET /v1/things (expired token)',
  },
  { name: 'conformant', title: 'token is refused 1 s after its expiry', verdict: 'pass' },
  {
    name: 'tokens that never expire',
    title: 'token is refused 1 s after its expiry',
    api: { tweak: (r, d) => (r.headers['authorization']?.startsWith('Bearer tok_') && d.status === 401 ? { status: 200, body: { things: [] } } : d) },
    verdict: 'fail',
    message: 'Expected 401 with code token_expired, got 200 for GET /v1/things (token 1 s past its expiry)',
  },
  { name: 'on a real target', title: 'token is refused 1 s after its expiry', mock: false, verdict: 'skip', message: "needs the mock's clock" },
  { name: 'conformant', title: ECHO_VALID, verdict: 'pass' },
  {
    name: 'the header name in lower case',
    title: ECHO_VALID,
    api: { tweak: (_r, d) => ({ ...d, headers: { 'x-api-key-prefix': 'sk_live_' } }) },
    verdict: 'pass',
  },
  {
    name: 'a prefix without its underscore',
    title: ECHO_VALID,
    api: { tweak: (_r, d) => ({ ...d, headers: { 'X-Api-Key-Prefix': 'sk_live' } }) },
    verdict: 'fail',
    message: 'Expected X-Api-Key-Prefix: sk_live_, got X-Api-Key-Prefix: sk_live for GET /v1/things (valid key)',
  },
  {
    name: 'no echo header',
    title: 'X-Api-Key-Prefix equals the key prefix for the test_mode key',
    api: { tweak: (_r, d) => ({ ...d, headers: {} }) },
    verdict: 'fail',
    message: 'Expected X-Api-Key-Prefix: sk_test_, got no X-Api-Key-Prefix header for GET /v1/things (test_mode key)',
  },
  { name: 'the header required', title: WITH_CT, contract: requiredCt, api: { tweak: needsCt }, verdict: 'pass' },
  { name: 'the header required', title: WITHOUT_CT, contract: requiredCt, api: { tweak: needsCt }, verdict: 'pass' },
  {
    name: 'the header ignored',
    title: WITHOUT_CT,
    contract: requiredCt,
    verdict: 'fail',
    message: 'Expected a 4xx status, got 200 for GET /v1/things (valid key, no Content-Type; the docs oblige the client and document no refusal)',
  },
  {
    name: 'a crash without the header',
    title: WITHOUT_CT,
    contract: requiredCt,
    api: { tweak: (r, d) => (r.headers['content-type'] === undefined ? { status: 500, body: 'boom' } : d) },
    verdict: 'fail',
    message: 'Expected a 4xx status, got 500 for GET /v1/things (valid key, no Content-Type; the docs oblige the client and document no refusal)',
  },
];

describe('login-tokens and headers families', () => {
  for (const row of rows) {
    it(`${row.title}: ${row.name} → ${row.verdict}`, async () => {
      expect(await verdictOf(row)).toEqual(expected(row));
    });
  }
});

describe('transport family', () => {
  const TITLE = 'a canary key over plain HTTP is not served';
  const contract = acmeContract([req('transport.https-only')]);
  let api: ReturnType<typeof acmeApi>;
  let https: Target;
  beforeAll(async () => {
    api = acmeApi();
    https = await startTarget(api.handler); // stands in for the https base URL
  });
  afterAll(() => https.close());

  async function plainRun(plain: (r: SeenRequest) => Reply | 'destroy') {
    const target = await startTarget(plain);
    try {
      const outcome = await runOne({ contract, fixtures: acmeFixtures({ plainUrl: target.url }), baseUrl: https.url, title: TITLE });
      return { outcome, seen: target.seen };
    } finally {
      await target.close();
    }
  }

  it.each([
    ['a 403', { status: 403, body: { code: 'https_required' } }, 'pass', 'GET /v1/things over plain HTTP refused with 403 (over HTTPS the canary gets 401)'],
    [
      'a redirect to https',
      { status: 301, headers: { location: 'https://api.acme.test/v1/things' } },
      'pass',
      'GET /v1/things over plain HTTP redirected with 301 to https (a client that follows it sends the credential over plain HTTP first)',
    ],
    ['a redirect to http', { status: 302, headers: { location: 'http://elsewhere.test/' } }, 'fail', 'Expected no service over plain HTTP, got 302 redirect to http://elsewhere.test/ for GET /v1/things over plain HTTP (canary key)'],
    ['served', { status: 200, body: { things: [] } }, 'fail', 'Expected connection refused/reset or a non-2xx status, got 200 for GET /v1/things over plain HTTP (canary key)'],
  ] as const)('%s → %s', async (_name, reply, verdict, message) => {
    const { outcome, seen } = await plainRun(() => reply as Reply);
    expect({ verdict: outcome.verdict, message: outcome.message }).toEqual({ verdict, message });
    expect(seen).toHaveLength(1);
    const sent = seen[0]?.headers['authorization'] ?? '';
    expect(sent).toMatch(/^Bearer sk_live_[A-Za-z0-9]{25}$/); // the valid key body is 25 characters long
    expect(Object.values(KEYS).some((k) => sent.includes(k))).toBe(false);
  });

  it('fails when plain HTTP reaches the API: the canary gets the same answer as over HTTPS', async () => {
    const { outcome } = await plainRun((r) => api.handler(r) as Reply);
    expect({ verdict: outcome.verdict, message: outcome.message }).toEqual({
      verdict: 'fail',
      message:
        'Expected plain HTTP refused as such (not the API answering), got the same 401 the API gives the canary over HTTPS: plain HTTP reaches the API, so a real key would be served for GET /v1/things over plain HTTP (canary key)',
    });
  });

  it('passes when the connection is reset', async () => {
    const { outcome } = await plainRun(() => 'destroy');
    expect(outcome.verdict).toBe('pass');
    expect(outcome.message).toMatch(/^GET \/v1\/things over plain HTTP not served: connection/);
  });

  it('passes when nothing listens on plain HTTP', async () => {
    const closed = await startTarget(() => ({ status: 200 }));
    const url = closed.url;
    await closed.close();
    const outcome = await runOne({ contract, fixtures: acmeFixtures({ plainUrl: url }), baseUrl: https.url, title: TITLE });
    expect(outcome.verdict).toBe('pass');
    expect(outcome.message).toBe(`GET /v1/things over plain HTTP not served: connection refused by ${url.slice(7)}`);
  });

  it('skips when the target itself is plain HTTP and no plainUrl is set', async () => {
    const outcome = await runOne({ contract, fixtures: acmeFixtures(), baseUrl: https.url, title: TITLE });
    expect({ verdict: outcome.verdict, message: outcome.message, evidence: outcome.evidence }).toEqual({
      verdict: 'skip',
      message: 'the target itself is plain HTTP; set plainUrl in the fixtures',
      evidence: [],
    });
  });
  it('levels from the wording: the request without the header is MAY unless the requirement documents its refusal', () => {
    const levels = (contract: typeof requiredCt) =>
      planCases(contract, acmeFixtures(), { mock: false })
        .flatMap((p) => p.cases)
        .map((c) => [c.title, c.level]);
    expect(levels(requiredCt)).toEqual([
      [WITH_CT, 'MUST'],
      [WITHOUT_CT, 'MAY'],
    ]);
    const documented = acmeContract([req('request.required-header', { errors: ['invalid_key'] })], { requiredHeaders: [{ name: 'Content-Type', value: 'application/json' }] });
    expect(levels(documented)).toEqual([
      [WITH_CT, 'MUST'],
      ['without Content-Type the request is refused with the documented error', 'MUST'],
    ]);
  });
});
