/**
 * An independent Linkkit API auth implementation, written only from
 * docs/vendor/linkkit-authentication.txt and the Linkkit line of REFERENCE.md.
 *
 * Pinned by the docs (implemented exactly):
 *  - `Authorization: Bearer YOUR_API_KEY` on every request; missing or incorrect key → 401 Unauthorized
 *  - a key without permission → 403 Forbidden
 *  - rate limit exceeded → 429 Too Many Requests
 *  - GET /v1/links fetches all links associated with the account
 * Free (our own choices, deliberately not the project's mock):
 *  - keys: random `lnkk.<role>.<40 hex>` strings, generated per server start
 *  - error bodies: application/problem+json (RFC 9457) with the documented message as title
 *  - missing / non-JSON Content-Type on an authenticated request → 415 text/plain
 *  - rate limit: per key, sliding 60-second window of RATE_LIMIT_PER_MINUTE requests (8), stated in the
 *    fixtures as rateLimit.perMinute; counted after authentication, before the permission check; Retry-After on the 429
 *  - links body: { "data": [...], "count": n }
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** requests a key may make within the sliding window */
export const RATE_LIMIT_PER_MINUTE = 8;
const WINDOW_MS = 60_000;

/**
 * Deliberate faults, each breaking one documented behaviour (for linkkit-broken.test.ts); none by default.
 *   missing-key-403          a request without an Authorization header gets 403 instead of 401
 *   wrong-scheme-500         a key sent with a scheme other than Bearer crashes the handler (500)
 *   scoped-create            a read-only key may create links (no 403)
 *   no-rate-limit            the rate limit is never enforced
 *   content-type-not-checked requests without Content-Type application/json are accepted
 */
export type LinkkitFault = 'missing-key-403' | 'wrong-scheme-500' | 'scoped-create' | 'no-rate-limit' | 'content-type-not-checked';

type Permission = 'links:read' | 'links:write';
interface KeyRecord { value: string; account: string; permissions: Permission[] }
interface Link { id: string; target: string; title?: string; createdAt: string }

export interface LinkkitServer {
  url: string;
  keys: { full: string; readOnly: string };
  close(): Promise<void>;
}

function newKey(role: string): string {
  return `lnkk.${role}.${randomBytes(20).toString('hex')}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function problem(res: ServerResponse, status: number, title: string, detail: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  res.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) { reject(new Error('too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startServer(faults: string[] = []): Promise<LinkkitServer> {
  const fault = (f: LinkkitFault) => faults.includes(f);
  const keys: KeyRecord[] = [
    { value: newKey('full'), account: 'acct_indep_1', permissions: ['links:read', 'links:write'] },
    { value: newKey('ro'), account: 'acct_indep_1', permissions: ['links:read'] },
  ];
  const links = new Map<string, Link[]>([
    ['acct_indep_1', [{ id: 'lnk_0001', target: 'https://example.org/launch', title: 'Launch', createdAt: '2025-11-02T09:00:00Z' }]],
  ]);
  const hits = new Map<string, number[]>(); // key → timestamps inside the sliding window

  /** Returns the key record, or undefined after answering 401. */
  function authenticate(req: IncomingMessage, res: ServerResponse): KeyRecord | undefined {
    const header = req.headers.authorization;
    if (header === undefined || header === '') {
      if (header === undefined && fault('missing-key-403')) {
        problem(res, 403, 'Forbidden', 'API key does not have permission.');
        return undefined;
      }
      problem(res, 401, 'Unauthorized', 'Missing or incorrect API key.', { 'www-authenticate': 'Bearer realm="linkkit"' });
      return undefined;
    }
    // "Authorization — Includes “Bearer” followed by your API key." Scheme compared case-insensitively (RFC 9110 §11.1).
    const m = /^Bearer ([^\s]+)$/i.exec(header);
    if (fault('wrong-scheme-500') && m === null && /^\S+ \S+$/.test(header)) throw new Error('unexpected scheme');
    const presented = m?.[1];
    const record = presented === undefined ? undefined : keys.find((k) => sameSecret(k.value, presented));
    if (record === undefined) {
      problem(res, 401, 'Unauthorized', 'Missing or incorrect API key.', { 'www-authenticate': 'Bearer realm="linkkit", error="invalid_token"' });
      return undefined;
    }
    return record;
  }

  /** Sliding-window limiter per key; answers 429 and returns false when over. */
  function admit(record: KeyRecord, res: ServerResponse): boolean {
    const now = Date.now();
    const recent = (hits.get(record.value) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= RATE_LIMIT_PER_MINUTE) {
      hits.set(record.value, recent);
      const retryAfter = Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000));
      problem(res, 429, 'Too Many Requests', 'Rate limit exceeded.', { 'retry-after': String(retryAfter) });
      return false;
    }
    recent.push(now);
    hits.set(record.value, recent);
    return true;
  }

  function jsonContentType(req: IncomingMessage): boolean {
    const ct = req.headers['content-type'];
    if (ct === undefined) return false;
    return ct.split(';')[0]!.trim().toLowerCase() === 'application/json';
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/v1/links') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found\n');
      return;
    }
    const method = req.method ?? 'GET';
    if (!['GET', 'HEAD', 'POST'].includes(method)) {
      res.writeHead(405, { allow: 'GET, HEAD, POST', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method Not Allowed\n');
      return;
    }
    const record = authenticate(req, res);
    if (record === undefined) return;
    if (!fault('no-rate-limit') && !admit(record, res)) return;
    // "Content-Type — Always set to application/json for API requests." No error is documented for its
    // absence: this implementation answers 415 in plain text.
    if (!jsonContentType(req) && !fault('content-type-not-checked')) {
      res.writeHead(415, { 'content-type': 'text/plain; charset=utf-8', accept: 'application/json' });
      res.end('Unsupported Media Type: send Content-Type: application/json\n');
      return;
    }
    const accountLinks = links.get(record.account) ?? [];
    if (method === 'GET' || method === 'HEAD') {
      if (!record.permissions.includes('links:read')) {
        problem(res, 403, 'Forbidden', 'API key does not have permission.');
        return;
      }
      const body = JSON.stringify({ data: accountLinks, count: accountLinks.length });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(method === 'HEAD' ? undefined : body);
      return;
    }
    // POST /v1/links
    if (!record.permissions.includes('links:write') && !fault('scoped-create')) {
      problem(res, 403, 'Forbidden', 'API key does not have permission.');
      return;
    }
    let input: unknown;
    try {
      input = JSON.parse(await readBody(req));
    } catch {
      problem(res, 400, 'Bad Request', 'The body must be a JSON object.');
      return;
    }
    if (typeof input !== 'object' || input === null || typeof (input as { url?: unknown }).url !== 'string') {
      problem(res, 422, 'Unprocessable Content', 'A link needs a url.');
      return;
    }
    const { url: target, title } = input as { url: string; title?: unknown };
    const link: Link = {
      id: `lnk_${randomBytes(4).toString('hex')}`,
      target,
      ...(typeof title === 'string' ? { title } : {}),
      createdAt: new Date().toISOString(),
    };
    accountLinks.push(link);
    links.set(record.account, accountLinks);
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', location: `/v1/links/${link.id}` });
    res.end(JSON.stringify({ data: link }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) problem(res, 500, 'Server Error', 'Issue on Linkkit side.');
      else res.destroy();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    keys: { full: keys[0]!.value, readOnly: keys[1]!.value },
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}
