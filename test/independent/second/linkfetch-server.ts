/**
 * LinkFetch, second reading. Written from linkfetch-authentication.txt and REFERENCE.md alone.
 *
 * Free choices taken (the page leaves them open):
 * - the error envelope ("see Errors", not on the page): `{ error: { code, message, docs }, request_id }`
 * - the scoped key is a "posts only" key: it may call `GET /v1/profiles/{slug}/posts` (the documented
 *   501 stub) and is refused `GET /v1/profiles` with 403 scope_denied
 * - rate limit: 12 requests per key per fixed 60-second window (no number on the page); 429
 *   rate_limit with `Retry-After` as an HTTP-date
 * - `x-api-key-prefix` written in lower case; the scheme word `Bearer` matched case-insensitively
 * - the grace key was revoked 20 hours ago, the expired one 30 hours ago
 */
import { FixedWindows, listen, secret, send, target } from './server-kit.ts';

export type Fault =
  /** `Authorization: sk_live_…` without the scheme word is served as if it were Bearer */
  | 'bare-key-accepted'
  /** the scoped key is served everywhere */
  | 'scope-not-enforced'
  /** a revoked key is refused at once: no 24-hour grace */
  | 'no-grace'
  /** sandbox keys are reported as sk_live_ in the prefix header */
  | 'test-prefix-as-live'
  /** a request with no Authorization header is answered 401 invalid_key */
  | 'missing-as-invalid'
  /** an exhausted key gets 403 scope_denied instead of 429 rate_limit */
  | 'rate-limit-as-403';

const HOUR = 3_600_000;
const GRACE = 24 * HOUR;
export const PER_MINUTE = 12;

interface Key {
  workspace: string;
  prefix: 'sk_live_' | 'sk_test_';
  revokedAt?: number;
  /** endpoints this key may call; absent = every endpoint */
  scope?: ReadonlyArray<'profiles' | 'posts'>;
}

const PROFILE = {
  slug: 'ada-lovelace',
  name: 'Ada Lovelace',
  headline: 'Analyst, Analytical Engine',
  location: 'London, United Kingdom',
  roles: [{ title: 'Analyst', company: 'Analytical Engine', start: '1842-01' }],
  education: [{ school: 'Home tutoring', degree: null }],
  skills: ['mathematics', 'programming'],
};

export async function startServer(faults: readonly Fault[] = []) {
  const has = (f: Fault) => faults.includes(f);
  const now = () => Date.now();
  const t0 = now();
  const credentials = {
    valid: secret('sk_live_'),
    test_mode: secret('sk_test_'),
    revoked_in_grace: secret('sk_live_'),
    revoked_expired: secret('sk_live_'),
    scoped: secret('sk_live_'),
    other_tenant: secret('sk_live_'),
    perMinute: PER_MINUTE,
  };
  const keys = new Map<string, Key>([
    [credentials.valid, { workspace: 'ws_harbor', prefix: 'sk_live_' }],
    [credentials.test_mode, { workspace: 'ws_harbor', prefix: 'sk_test_' }],
    [credentials.revoked_in_grace, { workspace: 'ws_harbor', prefix: 'sk_live_', revokedAt: t0 - 20 * HOUR }],
    [credentials.revoked_expired, { workspace: 'ws_harbor', prefix: 'sk_live_', revokedAt: t0 - 30 * HOUR }],
    [credentials.scoped, { workspace: 'ws_harbor', prefix: 'sk_live_', scope: ['posts'] }],
    [credentials.other_tenant, { workspace: 'ws_lighthouse', prefix: 'sk_live_' }],
  ]);
  const windows = new FixedWindows(PER_MINUTE, 60_000, now);
  let seq = 0;

  const fail = (code: string, message: string) => ({
    error: { code, message, docs: `https://docs.linkfetch.io/errors#${code}` },
    request_id: `req_${(++seq).toString(36).padStart(6, '0')}`,
  });

  const server = await listen((req, res) => {
    const url = target(req);
    const header = req.headers.authorization;
    if (header === undefined) {
      if (has('missing-as-invalid')) return send(res, 401, fail('invalid_key', 'This key is not valid.'));
      return send(res, 401, fail('missing_key', 'Send your key as Authorization: Bearer <key>.'));
    }
    const m = /^bearer[ \t]+(.*)$/i.exec(header);
    let token: string | undefined = m ? m[1]!.trim() : undefined;
    if (!m && has('bare-key-accepted') && keys.has(header.trim())) token = header.trim();
    const key = token ? keys.get(token) : undefined;
    const expired = key?.revokedAt !== undefined && (has('no-grace') || now() - key.revokedAt > GRACE);
    // "returned in the X-Api-Key-Prefix header on every response": a refused key's prefix too
    const shown = /^sk_(live|test)_/.exec(token ?? '')?.[0];
    if (!key || expired)
      return send(res, 401, fail('invalid_key', 'This key is not valid (wrong, revoked, or past its grace window).'), shown ? { 'x-api-key-prefix': shown } : {});

    const prefix = has('test-prefix-as-live') ? 'sk_live_' : key.prefix;
    const headers: Record<string, string> = { 'x-api-key-prefix': prefix };
    const w = windows.hit(token!);
    if (!w.allowed) {
      const retry = new Date(w.resetAt + 999).toUTCString();
      if (has('rate-limit-as-403')) return send(res, 403, fail('scope_denied', 'Slow down.'), headers);
      return send(res, 429, fail('rate_limit', 'Too many requests for this key.'), { ...headers, 'retry-after': retry });
    }

    const posts = /^\/v1\/profiles\/([^/]+)\/posts$/.exec(url.pathname);
    const endpoint = url.pathname === '/v1/profiles' ? 'profiles' : posts ? 'posts' : undefined;
    if (req.method !== 'GET' || endpoint === undefined) return send(res, 404, fail('not_found', 'No such endpoint.'), headers);
    if (key.scope && !key.scope.includes(endpoint) && !has('scope-not-enforced'))
      return send(res, 403, fail('scope_denied', `This key is not scoped for ${endpoint}.`), headers);
    if (endpoint === 'posts') return send(res, 501, fail('not_implemented', 'Posts are not available yet.'), headers);

    const lookup = url.searchParams.get('url') ?? url.searchParams.get('slug');
    if (!lookup) return send(res, 400, fail('invalid_request', 'Pass url or slug.'), headers);
    const slug = lookup.replace(/\/+$/, '').split('/').pop()!;
    const sandbox = key.prefix === 'sk_test_';
    return send(res, 200, { ...PROFILE, slug, sandbox, credits_charged: sandbox ? 0 : 5 }, headers);
  });
  return { url: server.url, credentials, close: server.close };
}
