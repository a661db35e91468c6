/**
 * The precondition rule (src/probes/preconditions.ts): a stage-setting step that fails skips the
 * case naming the requirement that covers the behaviour, and stays a failure when no requirement
 * (or only the case's own) covers it. And the acceptance-vs-shape rule: only credential.accepted
 * holds the body to the success schema.
 */
import { describe, expect, it } from 'vitest';
import type { Contract, RequirementKind } from '../../src/spec/contract.ts';
import {
  COVERAGE,
  PreconditionFailed,
  coveringRequirement,
  judgePrecondition,
  requireAccepted,
  requireRefused,
  requireStatus,
} from '../../src/probes/preconditions.ts';
import type { Sent } from '../../src/probes/steps.ts';
import { acmeContract, KEYS, OPERATIONS, req } from './support/acme-contract.ts';
import { acmeRequirements } from './support/acme-requirements.ts';
import { expected, play, verdictOf, type Scenario } from './support/scenario.ts';
import type { Reply, SeenRequest } from './support/server.ts';

const full = acmeContract(acmeRequirements());
const without = (kind: RequirementKind): Contract => acmeContract(acmeRequirements().filter((r) => r.kind !== kind));
const requirement = (c: Contract, kind: RequirementKind) => c.requirements.find((r) => r.kind === kind)!;
const failure = {
  message: 'Expected 200 or 422, got 401 for GET /v1/things (request 1, limit 5 per minute)',
  expected: '200 or 422',
  actual: '401',
};
const refusedValid = new PreconditionFailed(
  'the valid key was refused (401) on GET /v1/things',
  COVERAGE.accepted('valid', 'listThings'),
  failure,
);

describe('coveringRequirement', () => {
  it('finds the first requirement of the kind, for the role (default per kind) and the operation', () => {
    const found = (c: ReturnType<typeof COVERAGE.accepted>) => coveringRequirement(full, c)?.id;
    expect([
      found(COVERAGE.accepted('valid', 'listThings')),
      found(COVERAGE.accepted('valid', 'getThing')),
      found(COVERAGE.accepted('scoped', 'listThings')),
      found(COVERAGE.accepted('test_mode', 'listThings')),
      found(COVERAGE.unknownRefused('listThings')),
      found(COVERAGE.revokedRefused('revoked_expired', 'listThings')),
      found(COVERAGE.revokedRefused('revoked_in_grace', 'listThings')),
      found(COVERAGE.rateHeaders('listThings')),
      found(COVERAGE.rateLimited('listThings')),
      found(COVERAGE.loginIssued()),
    ]).toEqual([
      'ACME-CREDENTIAL-ACCEPTED',
      undefined,
      undefined,
      'ACME-CREDENTIAL-TEST-MODE',
      'ACME-CREDENTIAL-INVALID',
      'ACME-KEY-REVOKED',
      undefined,
      'ACME-RATELIMIT-HEADERS',
      'ACME-RATELIMIT-EXCEEDED',
      'ACME-LOGIN-ISSUE',
    ]);
  });
});

const sent = (status: number): Sent => ({
  req: { method: 'GET', path: '/v1/things', url: 'https://api.acme.test/v1/things', headers: {} },
  res: { status, headers: {}, rawHeaderNames: [], body: '', truncated: false, elapsedMs: 1 },
  label: 'GET /v1/things',
  op: OPERATIONS[0]!,
});
/** What a helper throws, as plain data; 'ok' when it does not throw. */
const thrown = (fn: () => void): unknown => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof PreconditionFailed ? { what: err.what, kinds: err.coverage.kinds, message: err.failure.message } : err;
  }
};

describe('require* helpers', () => {
  const accepted = COVERAGE.accepted('valid', 'listThings');
  it('requireAccepted: any of acceptStatuses passes, whatever the body; anything else throws', () => {
    expect([200, 422].map((status) => thrown(() => requireAccepted(sent(status), 'the valid key', accepted)))).toEqual(['ok', 'ok']);
    expect(thrown(() => requireAccepted(sent(401), 'the valid key', accepted, 'request 1'))).toEqual({
      what: 'the valid key was refused (401) on GET /v1/things',
      kinds: ['credential.accepted', 'credential.test-mode'],
      message: 'Expected 200 or 422, got 401 for GET /v1/things (request 1)',
    });
  });

  it('requireRefused: a 4xx passes; an accepted status, another 2xx or a 5xx throws', () => {
    const unknown = COVERAGE.unknownRefused('listThings');
    expect(thrown(() => requireRefused(sent(401), 'an unknown key', unknown))).toBe('ok');
    const expectedFor = (status: number, how: string) => ({
      what: `an unknown key was ${how} (${status}) on GET /v1/things`,
      kinds: ['credential.invalid'],
      message: `Expected a refusal (not 200 or 422, not 2xx or 5xx), got ${status} for GET /v1/things`,
    });
    expect([204, 422, 500].map((status) => thrown(() => requireRefused(sent(status), 'an unknown key', unknown)))).toEqual([
      expectedFor(204, 'accepted'),
      expectedFor(422, 'accepted'),
      expectedFor(500, 'answered'),
    ]);
  });

  it('requireStatus: one of the statuses passes; another throws', () => {
    const limited = COVERAGE.rateLimited('listThings');
    expect(thrown(() => requireStatus(sent(429), [429], 'no 429', limited))).toBe('ok');
    expect(thrown(() => requireStatus(sent(503), [429], 'no 429', limited, 'request 6'))).toEqual({
      what: 'no 429 (503 on GET /v1/things)',
      kinds: ['ratelimit.exceeded'],
      message: 'Expected 429, got 503 for GET /v1/things (request 6)',
    });
  });
});

describe('judgePrecondition', () => {
  it('skips naming the covering requirement', () => {
    expect(judgePrecondition(full, requirement(full, 'ratelimit.exceeded'), refusedValid)).toEqual({
      verdict: 'skip',
      reason: 'precondition not met: the valid key was refused (401) on GET /v1/things — see ACME-CREDENTIAL-ACCEPTED',
    });
  });

  it('fails when no requirement covers the behaviour', () => {
    const c = without('credential.accepted');
    expect(judgePrecondition(c, requirement(c, 'ratelimit.exceeded'), refusedValid)).toEqual({ verdict: 'fail', failure });
  });

  it("fails when the covering requirement is the case's own", () => {
    expect(judgePrecondition(full, requirement(full, 'credential.accepted'), refusedValid)).toEqual({ verdict: 'fail', failure });
  });

  it('fails when the covering requirement is about another operation', () => {
    const c = acmeContract([req('credential.accepted', { operation: 'getSecret' }), req('ratelimit.exceeded')]);
    expect(judgePrecondition(c, requirement(c, 'ratelimit.exceeded'), refusedValid)).toEqual({ verdict: 'fail', failure });
  });
});

const EXCEEDED = 'exceeding 5 requests per minute gives 429';
const RETRY = '429 carries a valid Retry-After';
const LIMIT = "Limit equals the plan's per-minute limit";
const SAME = 'revoked_expired and unknown keys get the same response';
const NO_EXPIRY = 'valid key is still accepted after P30D';
const IN_GRACE = 'revoked key is accepted 1 s before the end of the grace window';
const FORMAT_KEY = 'bearerKey (API key) is accepted on listThings';
const ACCEPTED = 'valid credential is accepted on listThings';
const PADDED = 'whitespace-padded valid key is accepted or refused as invalid';

const isValid = (r: SeenRequest) => r.headers['authorization'] === `Bearer ${KEYS.valid}`;
const refuseValid = (r: SeenRequest, d: Reply): Reply => (isValid(r) ? { status: 401, body: { error: { code: 'invalid_key' } } } : d);
const neverLimit = (_r: SeenRequest, d: Reply): Reply => (d.status === 429 ? { status: 200, body: { things: [] } } : d);
const withoutHeaders = (d: Reply, drop: (name: string) => boolean) =>
  Object.fromEntries(Object.entries(d.headers ?? {}).filter(([k]) => !drop(k)));
const noRateHeaders = (_r: SeenRequest, d: Reply): Reply => ({ ...d, headers: withoutHeaders(d, (k) => k.startsWith('X-RateLimit-')) });
const known = new Set<string>(Object.values(KEYS));
const acceptUnknown = (r: SeenRequest, d: Reply): Reply => {
  const value = r.headers['authorization']?.slice('Bearer '.length).trim() ?? '';
  return value.startsWith('sk_') && !known.has(value) && !value.includes('New') ? { status: 200, body: { things: [] } } : d;
};
const badBody = (r: SeenRequest, d: Reply): Reply => (r.path === '/v1/things' && d.status === 200 ? { ...d, body: { items: [] } } : d);

const requiredCt = (requirements = [req('credential.accepted'), req('request.required-header')]): Contract =>
  acmeContract(requirements, { requiredHeaders: [{ name: 'Content-Type', value: 'application/json' }] });
const WITH_CT = 'with Content-Type: application/json the valid key is accepted on listThings';
const WITHOUT_CT = 'without Content-Type the request is refused with a 4xx (informational)';

const rows: Scenario[] = [
  // rate-limit sequences: the first request must be accepted (credential.accepted)
  {
    name: 'the valid key refused',
    title: EXCEEDED,
    api: { tweak: refuseValid },
    verdict: 'skip',
    message: 'precondition not met: the valid key was refused (401) on GET /v1/things — see ACME-CREDENTIAL-ACCEPTED',
  },
  {
    name: 'the valid key refused, no credential.accepted requirement',
    title: EXCEEDED,
    contract: without('credential.accepted'),
    api: { tweak: refuseValid },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (request 1, limit 5 per minute)',
  },
  // a 429 must arrive before its Retry-After is read (ratelimit.exceeded)
  {
    name: 'never limited',
    title: RETRY,
    api: { tweak: neverLimit },
    verdict: 'skip',
    message: 'precondition not met: no 429 within 10 requests (limit 5) on GET /v1/things — see ACME-RATELIMIT-EXCEEDED',
  },
  {
    name: 'never limited, no ratelimit.exceeded requirement',
    title: RETRY,
    contract: without('ratelimit.exceeded'),
    api: { tweak: neverLimit },
    verdict: 'fail',
    message: 'Expected a 429 within 10 requests (limit 5), got 10 accepted requests for GET /v1/things (valid key)',
  },
  {
    name: 'never limited: its own requirement fails',
    title: EXCEEDED,
    api: { tweak: neverLimit },
    verdict: 'fail',
    message: 'Expected a 429 within 10 requests (limit 5), got 10 accepted requests for GET /v1/things (valid key)',
  },
  {
    name: '503 instead of 429, no ratelimit.exceeded requirement',
    title: RETRY,
    contract: without('ratelimit.exceeded'),
    api: { tweak: (_r, d) => (d.status === 429 ? { status: 503, body: 'busy' } : d) },
    verdict: 'fail',
    message: 'Expected 429 with code rate_limit, got 503 for GET /v1/things (request 6, limit 5 per minute)',
  },
  // the rate-limit headers must be there before their values are judged (ratelimit.headers)
  {
    name: 'no rate-limit headers at all',
    title: LIMIT,
    api: { tweak: noRateHeaders },
    verdict: 'skip',
    message:
      'precondition not met: no rate-limit headers (X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset) on GET /v1/things' +
      ' — see ACME-RATELIMIT-HEADERS',
  },
  {
    name: 'no rate-limit headers at all, no ratelimit.headers requirement',
    title: LIMIT,
    contract: without('ratelimit.headers'),
    api: { tweak: noRateHeaders },
    verdict: 'fail',
    message: 'Expected X-RateLimit-Limit: 5 (the free plan), got no X-RateLimit-Limit header for GET /v1/things',
  },
  // one missing header is one fault: ratelimit.headers states its presence
  {
    name: 'only the Limit header missing',
    title: LIMIT,
    api: { tweak: (_r, d) => ({ ...d, headers: withoutHeaders(d, (k) => k === 'X-RateLimit-Limit') }) },
    verdict: 'skip',
    message: 'precondition not met: no X-RateLimit-Limit header on GET /v1/things — see ACME-RATELIMIT-HEADERS',
  },
  {
    name: 'only the Limit header missing, no ratelimit.headers requirement',
    title: LIMIT,
    contract: without('ratelimit.headers'),
    api: { tweak: (_r, d) => ({ ...d, headers: withoutHeaders(d, (k) => k === 'X-RateLimit-Limit') }) },
    verdict: 'fail',
    message: 'Expected X-RateLimit-Limit: 5 (the free plan), got no X-RateLimit-Limit header for GET /v1/things',
  },
  // two refusals are compared only when both are refusals (credential.invalid, key.revoked)
  {
    name: 'an unknown key accepted',
    title: SAME,
    api: { tweak: acceptUnknown },
    verdict: 'skip',
    message: 'precondition not met: an unknown key was accepted (200) on GET /v1/things — see ACME-CREDENTIAL-INVALID',
  },
  {
    name: 'an unknown key accepted, no credential.invalid requirement',
    title: SAME,
    contract: without('credential.invalid'),
    api: { tweak: acceptUnknown },
    verdict: 'fail',
    message: 'Expected a refusal (not 200 or 422, not 2xx or 5xx), got 200 for GET /v1/things (unknown key)',
  },
  {
    name: 'the revoked key accepted',
    title: SAME,
    api: { tweak: (r, d) => (r.headers['authorization'] === `Bearer ${KEYS.revoked_expired}` ? { status: 200, body: { things: [] } } : d) },
    verdict: 'skip',
    message: 'precondition not met: the revoked_expired key was accepted (200) on GET /v1/things — see ACME-KEY-REVOKED',
  },
  // the key must work before the clock moves; after, it is key.no-expiry's own statement
  {
    name: 'the valid key refused from the start',
    title: NO_EXPIRY,
    api: { tweak: refuseValid },
    verdict: 'skip',
    message: 'precondition not met: the valid key was refused (401) on GET /v1/things — see ACME-CREDENTIAL-ACCEPTED',
  },
  {
    name: 'the valid key refused once the clock moved',
    title: NO_EXPIRY,
    api: { tweak: (r, d, clock) => (clock.now - clock.start > 86_400_000 ? refuseValid(r, d) : d) },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (valid key, P30D later)',
  },
  // the rotation story starts with the old key accepted
  {
    name: 'the valid key refused',
    title: IN_GRACE,
    api: { tweak: refuseValid },
    verdict: 'skip',
    message: 'precondition not met: the valid key was refused (401) on GET /v1/things — see ACME-CREDENTIAL-ACCEPTED',
  },
  // credential.formats: the scheme credential.accepted already sends is a precondition there
  {
    name: 'the valid key refused',
    title: FORMAT_KEY,
    api: { tweak: refuseValid },
    verdict: 'skip',
    message: 'precondition not met: the valid key as bearerKey was refused (401) on GET /v1/things — see ACME-CREDENTIAL-ACCEPTED',
  },
  {
    name: 'the valid key refused, no credential.accepted requirement',
    title: FORMAT_KEY,
    contract: without('credential.accepted'),
    api: { tweak: refuseValid },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (valid key as bearerKey)',
  },
  // request.required-header: the request with the header is credential.accepted's request
  {
    name: 'the valid key refused',
    title: WITH_CT,
    contract: requiredCt(),
    api: { tweak: refuseValid },
    verdict: 'skip',
    message: 'precondition not met: the valid key was refused (401) on GET /v1/things — see ACME-CREDENTIAL-ACCEPTED',
  },
  {
    name: 'the valid key refused (a refusal without the header proves nothing)',
    title: WITHOUT_CT,
    contract: requiredCt(),
    api: { tweak: refuseValid },
    verdict: 'skip',
    message: 'precondition not met: the valid key was refused (401) on GET /v1/things — see ACME-CREDENTIAL-ACCEPTED',
  },
  {
    name: 'the valid key refused, no credential.accepted requirement',
    title: WITH_CT,
    contract: requiredCt([req('request.required-header')]),
    api: { tweak: refuseValid },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (with Content-Type)',
  },
  {
    name: 'the valid key refused, no credential.accepted requirement',
    title: WITHOUT_CT,
    contract: requiredCt([req('request.required-header')]),
    api: { tweak: refuseValid },
    verdict: 'fail',
    message: 'Expected 200 or 422, got 401 for GET /v1/things (with Content-Type)',
  },
  // acceptance vs shape: only credential.accepted reads the body
  {
    name: 'a 200 body off the schema',
    title: ACCEPTED,
    api: { tweak: badBody },
    verdict: 'fail',
    message:
      'Expected 200 with a body matching the listThings response schema, ' +
      "got 200 (body must have required property 'things') for GET /v1/things (valid credential)",
  },
  { name: 'a 200 body off the schema', title: PADDED, api: { tweak: badBody }, verdict: 'pass' },
  { name: 'a 200 body off the schema', title: EXCEEDED, api: { tweak: badBody }, verdict: 'pass' },
  { name: 'a 200 body off the schema', title: IN_GRACE, api: { tweak: badBody }, verdict: 'pass' },
];

describe('preconditions through runCase', () => {
  for (const row of rows) {
    it(`${row.title}: ${row.name} → ${row.verdict}`, async () => {
      expect(await verdictOf(row)).toEqual(expected(row));
    });
  }

  it('keeps the evidence of a skipped precondition', async () => {
    const o = await play({ name: 'the valid key refused', title: EXCEEDED, api: { tweak: refuseValid }, verdict: 'skip' });
    const first = o.evidence[0]?.split('\n')[0]?.replace(/:\d+\//, ':PORT/');
    expect({ verdict: o.verdict, exchanges: o.evidence.length, first }).toEqual({
      verdict: 'skip',
      exchanges: 1,
      first: '> GET http://127.0.0.1:PORT/v1/things?q=x',
    });
  });
});
