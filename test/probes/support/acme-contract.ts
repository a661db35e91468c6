/**
 * A small hand-built contract ("acme") for probe tests: bearer keys with sk_live_/sk_test_, errors
 * documented by code, a scoped operation, an unsafe one, a resource with a fixture id, a login,
 * rate limits with X-RateLimit-* headers (delta-seconds) and a 24 h rotation grace window.
 */
import { planWithWindows } from '../../../src/spec/rate-windows.ts';
import type { Contract, ErrorSpec, Operation, Requirement, RequirementInput, RequirementKind } from '../../../src/spec/contract.ts';
import { resolveRequirement } from '../../../src/spec/resolve-requirement.ts';
import type { Fixtures } from '../../../src/fixtures/fixtures.ts';

function op(o: Partial<Operation> & Pick<Operation, 'operationId' | 'method' | 'path'>): Operation {
  return {
    scopes: [],
    schemes: ['bearerKey'],
    safe: true,
    example: {},
    successStatus: 200,
    acceptStatuses: [200],
    ...o,
  };
}

export const ERRORS: Record<string, ErrorSpec> = {
  missing_key: { id: 'missing_key', status: 401, code: 'missing_key' },
  invalid_key: { id: 'invalid_key', status: 401, code: 'invalid_key' },
  scope_denied: { id: 'scope_denied', status: 403, code: 'scope_denied' },
  forbidden: { id: 'forbidden', status: 403, code: 'forbidden' },
  rate_limit: { id: 'rate_limit', status: 429, code: 'rate_limit' },
  bad_login: { id: 'bad_login', status: 401, code: 'bad_login' },
  token_expired: { id: 'token_expired', status: 401, code: 'token_expired' },
  foreign_org: { id: 'foreign_org', status: 403, code: 'foreign_org' },
};

export const OPERATIONS: Operation[] = [
  op({
    operationId: 'listThings',
    method: 'GET',
    path: '/v1/things',
    schemes: ['bearerKey', 'bearerToken'],
    example: { query: { q: 'x' } },
    acceptStatuses: [200, 422],
    successSchema: { type: 'object', required: ['things'], properties: { things: { type: 'array' } } },
  }),
  op({ operationId: 'getThing', method: 'GET', path: '/v1/things/{thing_id}', example: { path: { thing_id: '{fixture:thing_id}' } } }),
  op({ operationId: 'getSecret', method: 'GET', path: '/v1/secret', scopes: ['secret'] }),
  op({
    operationId: 'createThing',
    method: 'POST',
    path: '/v1/things',
    safe: false,
    example: { body: { name: 'thing' } },
    successStatus: 201,
    acceptStatuses: [201],
  }),
  op({
    operationId: 'login',
    method: 'POST',
    path: '/v1/login',
    schemes: [],
    example: { body: { email: 'user@example.com', password: 'x' } },
    successSchema: { type: 'object', required: ['token', 'expires_at'] },
  }),
];

/** A requirement as a spec writes it, loaded as the loader does (defaults filled, names resolved). */
export function req(kind: RequirementKind, extra: Partial<RequirementInput> = {}): Requirement {
  const written: RequirementInput = {
    id: `ACME-${kind.toUpperCase().replace(/[^A-Z]/g, '-')}`,
    level: 'MUST',
    kind,
    statement: kind,
    source: { doc: 'auth', section: 'test' },
    errors: [],
    ...extra,
  };
  return resolveRequirement(written, { errors: ERRORS, operations: OPERATIONS, probeOperation: 'listThings' });
}

export function acmeContract(requirements: Requirement[], over: Partial<Contract> = {}): Contract {
  return {
    name: 'acme',
    title: 'Acme',
    file: '/dev/null',
    sha256: '0',
    servers: ['https://api.acme.test'],
    sources: { auth: { title: 'Acme auth', file: 'auth.txt' } },
    schemes: [
      { name: 'bearerKey', type: 'bearer', header: 'Authorization', credential: 'api_key' },
      { name: 'bearerToken', type: 'bearer', header: 'Authorization', credential: 'token' },
    ],
    defaultScheme: 'bearerKey',
    keyFormat: { live: ['sk_live_'], test: ['sk_test_'] },
    roles: ['valid'],
    errors: ERRORS,
    operations: OPERATIONS,
    probeOperation: 'listThings',
    rateLimit: {
      headers: { limit: 'X-RateLimit-Limit', remaining: 'X-RateLimit-Remaining', reset: 'X-RateLimit-Reset' },
      resetUnit: 'delta-seconds',
      on: 'authenticated',
      plans: [planWithWindows({ name: 'free', perMinute: 5, perDay: 12 })],
      error: 'rate_limit',
      retryAfter: 'always',
      retryAfterField: 'retry_after',
      perCredential: true,
    },
    rotation: { grace: 'PT24H', graceMs: 86_400_000, error: 'invalid_key' },
    organization: { header: 'X-Org-ID', error: 'foreign_org' },
    login: {
      operationId: 'login',
      tokenPointer: '/token',
      expiresPointer: '/expires_at',
      organizationPointer: '/user/organization_id',
      tokenScheme: 'bearerToken',
      error: 'bad_login',
      expiredError: 'token_expired',
    },
    transport: { httpsOnly: true },
    requiredHeaders: [],
    echoHeaders: [{ name: 'X-Api-Key-Prefix', equals: 'credential-prefix' }],
    responseHeaders: [],
    requirements,
    traceability: [],
    ...over,
  };
}

export const KEYS = {
  valid: 'sk_live_Valid0000aaaaBBBB1111cccc',
  test_mode: 'sk_test_Test00000aaaaBBBB1111cccc',
  revoked_in_grace: 'sk_live_Grace0000aaaaBBBB1111cccc',
  revoked_expired: 'sk_live_Expired00aaaaBBBB1111cccc',
  scoped: 'sk_live_Scoped000aaaaBBBB1111cccc',
  other_tenant: 'sk_live_Other0000aaaaBBBB1111cccc',
  expired_token: 'tok_expired_0000aaaaBBBB',
} as const;

export function acmeFixtures(over: Partial<Fixtures> = {}): Fixtures {
  const credentials: Fixtures['credentials'] = {};
  for (const [role, value] of Object.entries(KEYS)) {
    credentials[role as keyof typeof KEYS] = {
      role: role as keyof typeof KEYS,
      value,
      scheme: role === 'expired_token' ? 'bearerToken' : 'bearerKey',
    };
  }
  credentials.login = { role: 'login', value: '', scheme: 'bearerToken', email: 'ada@acme.test', password: 'correct horse battery' };
  return {
    credentials,
    resources: { thing_id: 'thing_1' },
    organizations: { member: ['org_1', 'org_2'], foreign: 'org_9' },
    plan: 'free',
    ...over,
  };
}
