/**
 * Linkkit, second reading. Written from linkkit-authentication.txt and REFERENCE.md alone.
 *
 * Free choices taken (the page leaves them open):
 * - `Content-Type: application/json` is the client's obligation; this server serves a request
 *   without it (the page documents no refusal for it). Variant `content-type-enforced` refuses it
 *   with 415, which the page equally allows.
 * - error bodies `{ status, message, hint }`, `message` being the page's Message column
 * - the scoped key is an "ingest" key: it may create links but not list them (403), and has no
 *   access to campaigns, segments or analytics
 * - 10 requests per key per fixed 60-second window (no number on the page); undocumented
 *   IETF-draft `RateLimit-*` headers (reset in seconds remaining); `Retry-After` in seconds
 */
import { randomUUID } from 'node:crypto';
import { FixedWindows, listen, parseJson, secret, send, target } from './server-kit.ts';

export type Fault =
  /** `Authorization: KEY` without the scheme word is served */
  | 'bare-key-accepted'
  /** a wrong key is answered 403 Forbidden */
  | 'invalid-as-403'
  /** no rate limit at all */
  | 'no-rate-limit'
  /** the scoped key is served everywhere */
  | 'scope-not-enforced'
  /** an Authorization header with another scheme word crashes the handler: 500 */
  | 'other-scheme-500';

/** Conformant variants: other readings the page equally allows. */
export type Variant = 'content-type-enforced';

export const PER_MINUTE = 10;
type Collection = 'links' | 'campaigns' | 'segments' | 'analytics';
type Permission = `${Collection}:${'read' | 'write'}`;

export async function startServer(faults: readonly Fault[] = [], variants: readonly Variant[] = []) {
  const has = (f: Fault) => faults.includes(f);
  const now = () => Date.now();
  const credentials = { valid: secret('lk_live_'), scoped: secret('lk_live_'), perMinute: PER_MINUTE };
  const keys = new Map<string, { account: string; permissions?: readonly Permission[] }>([
    [credentials.valid, { account: 'acct_marigold' }],
    [credentials.scoped, { account: 'acct_marigold', permissions: ['links:write'] }],
  ]);
  const stamp = new Date(now() - 3_600_000).toISOString();
  const store: Record<Collection, Array<Record<string, unknown>>> = {
    links: [{ id: 'lnk_1', url: 'https://example.com/spring', slug: 'spring', clicks: 12, created_at: stamp }],
    campaigns: [{ id: 'cmp_1', name: 'Spring', created_at: stamp }],
    segments: [{ id: 'seg_1', name: 'Returning visitors' }],
    analytics: [{ link_id: 'lnk_1', clicks: 12, unique_clicks: 9 }],
  };
  const windows = new FixedWindows(has('no-rate-limit') ? Number.MAX_SAFE_INTEGER : PER_MINUTE, 60_000, now);
  const error = (status: number, message: string, hint: string) => ({ status, message, hint });

  const server = await listen((req, res, raw) => {
    const auth = req.headers.authorization;
    if (auth === undefined || auth.trim() === '') return send(res, 401, error(401, 'Unauthorized', 'Include the Authorization header.'));
    const scheme = /^(\S+)\s+(\S+)$/.exec(auth.trim());
    if (scheme && scheme[1] !== 'Bearer' && has('other-scheme-500')) return send(res, 500, error(500, 'Server Error', 'Unexpected error.'));
    const token = scheme?.[1] === 'Bearer' ? scheme[2] : has('bare-key-accepted') && !scheme ? auth.trim() : undefined;
    const key = token === undefined ? undefined : keys.get(token);
    if (!key) {
      if (token !== undefined && has('invalid-as-403')) return send(res, 403, error(403, 'Forbidden', 'API key does not have permission.'));
      return send(res, 401, error(401, 'Unauthorized', 'Your API key is missing or incorrect.'));
    }
    if (variants.includes('content-type-enforced') && !/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return send(res, 415, error(415, 'Unsupported Media Type', 'Set Content-Type: application/json.'));

    const w = windows.hit(token!);
    const resetIn = Math.max(1, Math.ceil((w.resetAt - now()) / 1000));
    const headers = { 'RateLimit-Limit': String(PER_MINUTE), 'RateLimit-Remaining': String(w.remaining), 'RateLimit-Reset': String(resetIn) };
    if (!w.allowed) return send(res, 429, error(429, 'Too Many Requests', 'Rate limit exceeded.'), { ...headers, 'Retry-After': String(resetIn) });

    const [version, collection, id] = target(req).pathname.split('/').filter(Boolean) as [string?, Collection?, string?];
    if (version !== 'v1' || collection === undefined || !(collection in store)) return send(res, 404, error(404, 'Not Found', 'Check the API version URL.'), headers);
    const needed: Permission = `${collection}:${req.method === 'GET' ? 'read' : 'write'}`;
    if (key.permissions && !key.permissions.includes(needed) && !has('scope-not-enforced'))
      return send(res, 403, error(403, 'Forbidden', 'API key does not have permission.'), headers);
    const items = store[collection];
    if (id !== undefined) {
      const item = items.find((x) => x.id === id);
      return item ? send(res, 200, { data: item }, headers) : send(res, 404, error(404, 'Not Found', `No ${collection} ${id}.`), headers);
    }
    if (req.method === 'GET') return send(res, 200, { data: items, total: items.length }, headers);
    if (req.method === 'POST' && collection !== 'analytics') {
      const created = { ...((parseJson(raw) as Record<string, unknown> | undefined) ?? {}), id: `${collection.slice(0, 3)}_${randomUUID()}`, created_at: new Date(now()).toISOString() };
      items.push(created);
      return send(res, 201, { data: created }, headers);
    }
    return send(res, 405, error(405, 'Method Not Allowed', 'Use GET or POST.'), headers);
  });
  return { url: server.url, credentials, close: server.close };
}
