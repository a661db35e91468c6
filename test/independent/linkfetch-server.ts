/**
 * An independent LinkFetch API auth implementation, written only from the vendor's documentation
 * (docs/vendor/linkfetch-authentication.txt and the LinkFetch section of REFERENCE.md).
 *
 * Pinned by the docs and implemented exactly:
 *   - `Authorization: Bearer <key>`, keys prefixed `sk_live_` (production) / `sk_test_` (sandbox)
 *   - the key prefix is returned in the X-Api-Key-Prefix response header
 *   - a revoked key keeps working for 24 hours, then answers `401 invalid_key`
 *   - 401 missing_key (no Authorization header), 401 invalid_key (wrong, revoked, past grace),
 *     403 scope_denied (scoped key, endpoint out of scope), 429 rate_limit
 *   - GET /v1/profiles?url=… | slug=… (interchangeable) → typed profile record; cache miss → 422
 *     extension_required; GET /v1/profiles/{slug}/posts is a stub answering 501
 *   - sk_test_ keys hit a sandboxed router and get fixture data
 *
 * Left free by the docs, chosen here (deliberately different from an obvious copy):
 *   - error envelope nested: {"error":{"type","code","message","docs"},"request_id"}
 *   - lower-case header names on the wire (x-api-key-prefix, retry-after, ...)
 *   - rate limit is per WORKSPACE (all live keys of a workspace share one budget; the sandbox
 *     router has its own budget), sliding 60-second window (log of timestamps), 20 per minute
 *   - 429 carries retry-after in seconds (time until the oldest request leaves the window) and
 *     IETF-draft `ratelimit-*` headers with reset as delta seconds; no X-RateLimit-* headers
 *   - keys are stored hashed (sha256), as the docs say LinkFetch does
 *   - keys in grace get an informational x-linkfetch-key-state header
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const HOUR = 3_600_000;
const GRACE_MS = 24 * HOUR;
export const PER_MINUTE = 20;
const WINDOW_MS = 60_000;

type Prefix = 'sk_live_' | 'sk_test_';

interface KeyRecord {
  workspace: string;
  prefix: Prefix;
  label: string;
  /** undefined = every endpoint; else the endpoints (scope names) the key may call */
  scopes?: string[];
  revokedAt?: number;
}

export interface LinkfetchCredentials {
  valid: string;
  test_mode: string;
  revoked_in_grace: string;
  revoked_expired: string;
  scoped: string;
  other_tenant: string;
  perMinute: number;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
function mintKey(prefix: Prefix): string {
  const bytes = randomBytes(40);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return prefix + s;
}
const hash = (k: string) => createHash('sha256').update(k).digest('hex');

const PROFILES: Record<string, object> = {
  'ada-lovelace': {
    name: 'Ada King, Countess of Lovelace',
    headline: 'Mathematician · first published algorithm',
    location: 'London, United Kingdom',
    roles: [{ title: 'Collaborator', company: 'Analytical Engine', start: '1842', end: null }],
    education: [{ school: 'Home tutoring', field: 'Mathematics' }],
    skills: ['mathematics', 'poetical science'],
  },
  'charles-babbage': {
    name: 'Charles Babbage',
    headline: 'Inventor',
    location: null,
    roles: [],
    education: [{ school: 'Trinity College, Cambridge', field: null }],
    skills: ['engines'],
  },
};
const SANDBOX_PROFILE = {
  name: 'Sandbox Fixture',
  headline: 'Fixture data from the sandboxed router',
  location: null,
  roles: [],
  education: [],
  skills: ['testing'],
};

function slugOf(url: URL): string | undefined {
  const slug = url.searchParams.get('slug');
  if (slug) return slug.trim().toLowerCase();
  const raw = url.searchParams.get('url');
  if (!raw) return undefined;
  const m = /(?:^|\/)in\/([^/?#]+)/i.exec(raw.trim());
  return m ? decodeURIComponent(m[1]!).toLowerCase() : undefined;
}

/**
 * Opt-in defects a real implementation might ship, each breaking one documented behaviour; used by
 * linkfetch-broken.test.ts to prove the suite catches them. Default: none (behaviour unchanged).
 */
export const FAULTS = [
  /** no Authorization header answered like a bad key: 401 invalid_key instead of 401 missing_key */
  'missing-as-invalid',
  /** the header parser assumes "Bearer <key>" and throws on anything else → 500 instead of 401 */
  'wrong-scheme-500',
  /** the revocation check ignores the grace window's end: revoked keys work forever */
  'revoked-never-expires',
  /** scopes are stored but never checked: a scoped key reaches every endpoint */
  'scope-not-enforced',
  /** the rate limiter counts requests but never refuses one */
  'no-rate-limit',
  /** X-Api-Key-Prefix hard-coded to sk_live_, so sk_test_ keys get the wrong prefix echoed */
  'prefix-always-live',
] as const;
export type Fault = (typeof FAULTS)[number];

export async function startServer(
  faults: readonly Fault[] = [],
): Promise<{ url: string; close(): Promise<void>; credentials: LinkfetchCredentials }> {
  for (const f of faults) if (!(FAULTS as readonly string[]).includes(f)) throw new Error(`unknown fault: ${f}`);
  const has = (f: Fault) => faults.includes(f);
  const now = Date.now();
  const keys = new Map<string, KeyRecord>(); // sha256(key) → record
  const add = (rec: KeyRecord): string => {
    const k = mintKey(rec.prefix);
    keys.set(hash(k), rec);
    return k;
  };
  const credentials: LinkfetchCredentials = {
    valid: add({ workspace: 'ws_orbit', prefix: 'sk_live_', label: 'server' }),
    test_mode: add({ workspace: 'ws_orbit', prefix: 'sk_test_', label: 'local-dev' }),
    revoked_in_grace: add({ workspace: 'ws_orbit', prefix: 'sk_live_', label: 'ci-old', revokedAt: now - 23 * HOUR }),
    revoked_expired: add({ workspace: 'ws_orbit', prefix: 'sk_live_', label: 'ci-older', revokedAt: now - 25 * HOUR }),
    scoped: add({ workspace: 'ws_orbit', prefix: 'sk_live_', label: 'read-profiles', scopes: ['profiles'] }),
    other_tenant: add({ workspace: 'ws_nimbus', prefix: 'sk_live_', label: 'server' }),
    perMinute: PER_MINUTE,
  };

  // sliding-window logs, one per workspace and router (live / sandbox)
  const windows = new Map<string, number[]>();

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.setHeader('content-length', Buffer.byteLength(text));
    res.end(text);
  }

  function fail(res: ServerResponse, requestId: string, status: number, code: string, message: string, headers: Record<string, string> = {}) {
    const type = status === 401 ? 'authentication_error' : status === 403 ? 'permission_error' : status === 429 ? 'rate_limit_error' : 'invalid_request_error';
    send(res, status, { error: { type, code, message, docs: `https://linkfetch.io/docs/errors#${code}` }, request_id: requestId }, headers);
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = 'req_' + randomUUID().replace(/-/g, '').slice(0, 20);
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const t = Date.now();

    // ---- authentication -------------------------------------------------------------------
    const authz = req.headers.authorization;
    if (authz === undefined) {
      if (has('missing-as-invalid')) {
        fail(res, requestId, 401, 'invalid_key', 'The API key is wrong, revoked, or past its grace window.');
        return;
      }
      fail(res, requestId, 401, 'missing_key', 'This request has no Authorization header. Send `Authorization: Bearer sk_live_…`.');
      return;
    }
    if (has('wrong-scheme-500') && !/^Bearer /.test(authz)) {
      // the classic `authz.split(' ')[1]!.startsWith(...)` crash, caught by the 500 handler below
      throw new TypeError(`unexpected Authorization header shape`);
    }
    const m = /^Bearer ([A-Za-z0-9_]+)$/i.exec(authz);
    const presented = m?.[1];
    const prefix: Prefix | undefined = presented?.startsWith('sk_live_') ? 'sk_live_' : presented?.startsWith('sk_test_') ? 'sk_test_' : undefined;
    const prefixHeader: Record<string, string> = prefix ? { 'x-api-key-prefix': prefix } : {};
    const rec = presented && prefix ? keys.get(hash(presented)) : undefined;
    const usable = rec !== undefined && rec.prefix === prefix && (rec.revokedAt === undefined || has('revoked-never-expires') || t - rec.revokedAt < GRACE_MS);
    if (!rec || !usable) {
      fail(res, requestId, 401, 'invalid_key', 'The API key is wrong, revoked, or past its grace window.', prefixHeader);
      return;
    }
    res.setHeader('x-api-key-prefix', has('prefix-always-live') ? 'sk_live_' : rec.prefix);
    if (rec.revokedAt !== undefined) {
      res.setHeader('x-linkfetch-key-state', `revoked; grace-ends=${new Date(rec.revokedAt + GRACE_MS).toISOString()}`);
    }

    // ---- rate limit (per workspace, sandbox separate) -----------------------------------------
    const bucketId = `${rec.workspace}:${rec.prefix}`;
    const log = (windows.get(bucketId) ?? []).filter((ts) => t - ts < WINDOW_MS);
    windows.set(bucketId, log);
    if (log.length >= PER_MINUTE && !has('no-rate-limit')) {
      const waitMs = log[0]! + WINDOW_MS - t;
      const secs = Math.max(1, Math.ceil(waitMs / 1000));
      fail(res, requestId, 429, 'rate_limit', `Too many requests for workspace ${rec.workspace}; slow down.`, {
        'retry-after': String(secs),
        'ratelimit-limit': String(PER_MINUTE),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(secs),
      });
      return;
    }
    log.push(t);
    const oldest = log[0]!;
    res.setHeader('ratelimit-limit', String(PER_MINUTE));
    res.setHeader('ratelimit-remaining', String(PER_MINUTE - log.length));
    res.setHeader('ratelimit-reset', String(Math.max(1, Math.ceil((oldest + WINDOW_MS - t) / 1000))));

    // ---- routing ----------------------------------------------------------------------------
    const path = url.pathname.replace(/\/+$/, '');
    const posts = /^\/v1\/profiles\/([^/]+)\/posts$/.exec(path);
    const allowed = (scope: string) => has('scope-not-enforced') || rec.scopes === undefined || rec.scopes.includes(scope);

    if (path === '/v1/profiles' && (req.method === 'GET' || req.method === 'POST')) {
      if (!allowed('profiles')) {
        fail(res, requestId, 403, 'scope_denied', 'This key is scoped and cannot call this endpoint.');
        return;
      }
      const slug = slugOf(url);
      if (!slug) {
        fail(res, requestId, 400, 'missing_parameter', 'Pass `url` or `slug`.');
        return;
      }
      if (rec.prefix === 'sk_test_') {
        send(res, 200, { ...SANDBOX_PROFILE, slug }, { 'x-linkfetch-router': 'sandbox', 'x-credits-charged': '0' });
        return;
      }
      const profile = PROFILES[slug];
      if (!profile) {
        fail(res, requestId, 422, 'extension_required', 'Profile not cached; fetch it once with the browser extension.');
        return;
      }
      send(res, 200, profile, { 'x-credits-charged': '5' });
      return;
    }
    if (posts && req.method === 'GET') {
      if (!allowed('posts')) {
        fail(res, requestId, 403, 'scope_denied', 'This key is scoped and cannot call this endpoint.');
        return;
      }
      fail(res, requestId, 501, 'not_implemented', 'Profile posts are not available yet.');
      return;
    }
    fail(res, requestId, 404, 'not_found', `No route for ${req.method} ${url.pathname}.`);
  }

  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      try {
        handle(req, res);
      } catch {
        if (!res.headersSent) send(res, 500, { error: { code: 'internal_error', message: 'Internal error' } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    credentials,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
