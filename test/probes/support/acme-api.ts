/**
 * A conformant in-process implementation of the acme contract (see acme-contract.ts), with an
 * in-process MockControl; scenarios bend one behaviour with `tweak` to make a fault.
 */
import type { MockControl } from '../../../src/probes/model.ts';
import { KEYS } from './acme-contract.ts';
import type { Reply, SeenRequest } from './server.ts';

interface Key {
  tenant: string;
  scopes: string[];
  revokedAt?: number;
}

export interface AcmeApiOptions {
  graceMs?: number;
  perMinute?: number;
  perDay?: number;
  /** one rate-limit budget per tenant instead of per key */
  budgetPerTenant?: boolean;
  /** bends a reply of the conformant implementation into a fault */
  tweak?: (req: SeenRequest, reply: Reply, clock: { now: number; start: number }) => Reply | 'destroy' | 'hang';
}

export interface AcmeApi {
  handler: (req: SeenRequest) => Reply | 'destroy' | 'hang';
  control: MockControl;
}

const GRACE = 86_400_000;
const THINGS: Record<string, string[]> = { alpha: ['thing_1', 'thing_2'], beta: ['thing_9'] };
const ORGS = ['org_1', 'org_2'];

export function acmeApi(o: AcmeApiOptions = {}): AcmeApi {
  const grace = o.graceMs ?? GRACE;
  const perMinute = o.perMinute ?? 5;
  const perDay = o.perDay ?? 12;
  let clock = 0;
  let start = 0;
  let keys = new Map<string, Key>();
  let tokens = new Map<string, number>();
  let counts = new Map<string, number>();
  let serial = 0;
  const seed = (): void => {
    clock = Math.floor(Date.now() / 60_000) * 60_000; // a fresh minute: resets are 60 s away at the start
    start = clock;
    keys = new Map([
      [KEYS.valid, { tenant: 'alpha', scopes: ['secret', 'write'] }],
      [KEYS.test_mode, { tenant: 'alpha', scopes: ['secret', 'write'] }],
      [KEYS.revoked_in_grace, { tenant: 'alpha', scopes: [], revokedAt: clock - grace + 60_000 }],
      [KEYS.revoked_expired, { tenant: 'alpha', scopes: [], revokedAt: clock - grace - 60_000 }],
      [KEYS.scoped, { tenant: 'alpha', scopes: [] }],
      [KEYS.other_tenant, { tenant: 'beta', scopes: ['secret', 'write'] }],
    ]);
    tokens = new Map([[KEYS.expired_token, clock - 1000]]);
    counts = new Map();
  };
  seed();

  const error = (status: number, code: string, headers: Record<string, string> = {}): Reply => ({
    status,
    headers,
    body: { error: { code, message: `error ${code}` } },
  });

  function limit(id: string): Reply | Record<string, string> {
    const minute = Math.floor(clock / 60_000);
    const day = Math.floor((clock - start) / 86_400_000); // days counted from the seed, never across midnight UTC
    const m = `${id} m${minute}`;
    const d = `${id} d${day}`;
    const used = counts.get(m) ?? 0;
    const usedToday = counts.get(d) ?? 0;
    const reset = Math.max(1, Math.ceil(((minute + 1) * 60_000 - clock) / 1000));
    const headers = { 'X-RateLimit-Limit': String(perMinute), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) };
    if (usedToday >= perDay || used >= perMinute) {
      const wait = usedToday >= perDay ? Math.ceil((start + (day + 1) * 86_400_000 - clock) / 1000) : reset;
      return { status: 429, headers: { ...headers, 'Retry-After': String(wait) }, body: { error: { code: 'rate_limit' }, retry_after: wait } };
    }
    counts.set(m, used + 1);
    counts.set(d, usedToday + 1);
    return { ...headers, 'X-RateLimit-Remaining': String(perMinute - used - 1) };
  }

  function handle(req: SeenRequest): Reply {
    if (req.method === 'POST' && req.path === '/v1/login') {
      const body = JSON.parse(req.body || '{}') as { email?: string; password?: string };
      if (body.email !== 'ada@acme.test' || body.password !== 'correct horse battery') return error(401, 'bad_login');
      const token = `tok_${++serial}_abcdefghijklmnop`;
      const expiresAt = clock + 3_600_000;
      tokens.set(token, expiresAt);
      return { status: 200, body: { token, expires_at: new Date(expiresAt).toISOString(), user: { organization_id: 'org_1' } } };
    }
    const auth = req.headers['authorization'];
    if (auth === undefined || auth.trim() === '' || auth.trim() === 'Bearer') return error(401, 'missing_key');
    if (!auth.startsWith('Bearer ')) return error(401, 'invalid_key');
    const value = auth.slice('Bearer '.length).trim();
    let principal: Key | undefined = keys.get(value);
    const tokenExpiry = tokens.get(value);
    if (tokenExpiry !== undefined) {
      if (tokenExpiry <= clock) return error(401, 'token_expired');
      principal = { tenant: 'alpha', scopes: ['secret', 'write'] };
    }
    if (principal === undefined) return error(401, 'invalid_key');
    if (principal.revokedAt !== undefined && clock - principal.revokedAt >= grace) return error(401, 'invalid_key');
    const org = req.headers['x-org-id'];
    if (org !== undefined && !ORGS.includes(org)) return error(403, 'foreign_org');
    const rl = limit(o.budgetPerTenant ? principal.tenant : value);
    if ('status' in rl) return rl as Reply;
    const headers: Record<string, string> = { ...(rl as Record<string, string>) };
    const prefix = ['sk_live_', 'sk_test_'].find((p) => value.startsWith(p));
    if (prefix) headers['X-Api-Key-Prefix'] = prefix;
    const own = THINGS[principal.tenant] ?? [];
    if (req.method === 'GET' && req.path === '/v1/things') return { status: 200, headers, body: { things: own.map((id) => ({ id })) } };
    if (req.method === 'POST' && req.path === '/v1/things') {
      return principal.scopes.includes('write') ? { status: 201, headers, body: { id: 'thing_new' } } : error(403, 'scope_denied');
    }
    if (req.method === 'GET' && req.path === '/v1/secret') {
      return principal.scopes.includes('secret') ? { status: 200, headers, body: { ok: true } } : error(403, 'scope_denied');
    }
    const m = /^\/v1\/things\/([^/]+)$/.exec(req.path);
    if (req.method === 'GET' && m) {
      return own.includes(m[1] ?? '') ? { status: 200, headers, body: { id: m[1] } } : error(404, 'not_found');
    }
    return error(404, 'no_route');
  }

  const control: MockControl = {
    now: async () => clock,
    advance: async (ms) => (clock += ms),
    async createKey({ like }) {
      const base = keys.get(like);
      if (!base) throw new Error('unknown key');
      const value = `${like.slice(0, 8)}New${String(++serial).padStart(4, '0')}aaaaBBBB1111cc`;
      keys.set(value, { tenant: base.tenant, scopes: [...base.scopes] });
      return value;
    },
    async revokeKey(value) {
      const k = keys.get(value);
      if (k) k.revokedAt = clock;
    },
    reset: async () => seed(),
  };

  return {
    handler: (req) => {
      const reply = handle(req);
      return o.tweak ? o.tweak(req, reply, { now: clock, start }) : reply;
    },
    control,
  };
}
