/**
 * An independent implementation of the Linq Partner API v3 authentication, written only from
 * docs/vendor/linq-authentication.txt and the Linq section of REFERENCE.md, to check that
 * authconform does not fail a conformant server.
 *
 * Pinned by the docs (implemented exactly):
 *   - `Authorization: Bearer <token>`; 401 + code 2004 for a missing or invalid token
 *   - 403 + 2005 for a valid token lacking the permission for a resource
 *   - 403 + 2006 for POST /api/partner/v3/chats with a `from` not assigned to the token
 *   - 429 + 1007 when the rate limit is exceeded; the numeric codes in the JSON body
 *   - paths under /api/partner/v3; GET /chats → { chats, next_cursor }; POST /chats → { chat }; GET /chats/{chatId}
 * Left free by the docs (own choices):
 *   - error envelope `{ error: { code, message }, request_id }`
 *   - token strings (`lnq.<org>.<random>`), 20 requests per token per sliding 60 s window,
 *     Retry-After as an HTTP-date
 *   - a chat of another organization is answered 403 2005 (it is a resource the token may not access);
 *     an id that exists nowhere is 404 (code 4004, not a documented code)
 *   - permission checked before the `from` assignment; the scheme word is matched case-insensitively (RFC 9110 §11.1)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

type Permission = 'chats.read' | 'chats.send';

interface TokenRecord {
  name: string;
  org: string;
  phoneNumbers: string[];
  permissions: Permission[];
}

interface ChatRecord {
  org: string;
  chat: Record<string, unknown>;
}

export const RATE_LIMIT_PER_WINDOW = 20;

/**
 * Deliberate faults, each breaking one documented behaviour (for linq-broken.test.ts); none by default.
 *   unassigned-from     POST /chats from a number not assigned to the token is accepted (no 403 2006)
 *   scope-not-enforced  a token without chats.send may start a chat (no 403 2005)
 *   cross-org-chat      GET /chats/{id} serves a chat of another organization
 *   missing-token-2005  a request without a token gets 401 with code 2005 instead of 2004
 *   rate-429-no-code    over the limit: 429 without the code 1007 in the body
 *   no-rate-limit       the rate limit is never enforced
 */
export type LinqFault =
  | 'unassigned-from'
  | 'scope-not-enforced'
  | 'cross-org-chat'
  | 'missing-token-2005'
  | 'rate-429-no-code'
  | 'no-rate-limit';
export const RATE_WINDOW_MS = 60_000;

export interface LinqServer {
  url: string;
  tokens: { valid: string; scoped: string; other_tenant: string };
  /** a chat of organization A (the one of the valid and scoped tokens) */
  chatId: string;
  /** a chat of organization B */
  otherChatId: string;
  rateLimitPerMinute: number;
  close(): Promise<void>;
}

const newToken = (org: string) => `lnq.${org}.${randomBytes(18).toString('base64url')}`;
const newId = (prefix: string) => `${prefix}${randomUUID()}`;

function makeChat(org: string, me: string, others: string[], createdAt: Date, service: 'iMessage' | 'SMS' | 'RCS'): ChatRecord {
  const at = createdAt.toISOString();
  return {
    org,
    chat: {
      id: newId('cht-'),
      created_at: at,
      updated_at: at,
      display_name: others.length > 1 ? 'Group chat' : null,
      handles: [
        { id: newId('hdl-'), handle: me, joined_at: at, service, is_me: true, left_at: null, status: 'active' },
        ...others.map((h) => ({ id: newId('hdl-'), handle: h, joined_at: at, service, is_me: false, left_at: null, status: 'active' })),
      ],
      health_status: { status: 'HEALTHY', doc_url: 'https://docs.linqapp.com/health', updated_at: at },
      is_archived: false,
      is_group: others.length > 1,
      service,
    },
  };
}

export async function startServer(faults: string[] = []): Promise<LinqServer> {
  const fault = (f: LinqFault) => faults.includes(f);
  // Organization A: two tokens (full and read-only); organization B: one token with its own chats.
  // The spec's request example sends from +12025550101, so that number is assigned to both tokens of A.
  const tokens = { valid: newToken('orga'), scoped: newToken('orga'), other_tenant: newToken('orgb') };
  const byToken = new Map<string, TokenRecord>([
    [tokens.valid, { name: 'valid', org: 'org-a', phoneNumbers: ['+12025550101', '+12025550102'], permissions: ['chats.read', 'chats.send'] }],
    [tokens.scoped, { name: 'scoped', org: 'org-a', phoneNumbers: ['+12025550101'], permissions: ['chats.read'] }],
    [tokens.other_tenant, { name: 'other', org: 'org-b', phoneNumbers: ['+13125550177'], permissions: ['chats.read', 'chats.send'] }],
  ]);
  const t0 = Date.now() - 3 * 86_400_000;
  const chats: ChatRecord[] = [
    makeChat('org-a', '+12025550101', ['+14155550123'], new Date(t0), 'iMessage'),
    makeChat('org-a', '+12025550102', ['+14155550124', '+14155550125'], new Date(t0 + 3_600_000), 'iMessage'),
    makeChat('org-a', '+12025550101', ['+14155550126'], new Date(t0 + 7_200_000), 'SMS'),
    makeChat('org-b', '+13125550177', ['+17735550140'], new Date(t0 + 1_800_000), 'RCS'),
    makeChat('org-b', '+13125550177', ['+17735550141'], new Date(t0 + 5_400_000), 'iMessage'),
  ];
  const hits = new Map<string, number[]>(); // token → timestamps of requests in the window

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }
  function fail(res: ServerResponse, requestId: string, status: number, code: number, message: string, headers: Record<string, string> = {}) {
    send(res, status, { error: { code, message }, request_id: requestId }, { 'x-request-id': requestId, ...headers });
  }

  function authenticate(req: IncomingMessage): TokenRecord | undefined {
    const header = req.headers.authorization;
    if (typeof header !== 'string') return undefined;
    const m = /^([A-Za-z]+) ([^\s]+)$/.exec(header);
    if (!m || m[1]!.toLowerCase() !== 'bearer') return undefined;
    return byToken.get(m[2]!);
  }

  /** sliding window; returns the time (ms) at which a slot frees up when the token is over its limit */
  function rateLimited(token: string): number | undefined {
    const now = Date.now();
    const list = (hits.get(token) ?? []).filter((t) => t > now - RATE_WINDOW_MS);
    if (list.length >= RATE_LIMIT_PER_WINDOW) {
      hits.set(token, list);
      return list[0]! + RATE_WINDOW_MS;
    }
    list.push(now);
    hits.set(token, list);
    return undefined;
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 256 * 1024) throw new Error('too large');
      parts.push(chunk as Buffer);
    }
    return Buffer.concat(parts).toString('utf8');
  }

  const PREFIX = '/api/partner/v3';

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = `rq_${randomBytes(8).toString('hex')}`;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) {
      fail(res, requestId, 404, 4004, 'Not found.');
      return;
    }
    const token = authenticate(req);
    if (!token) {
      const missing = typeof req.headers.authorization !== 'string';
      fail(res, requestId, 401, missing && fault('missing-token-2005') ? 2005 : 2004, 'Missing or invalid bearer token. Check that your Authorization header is correctly formatted.', {
        'www-authenticate': 'Bearer realm="linq-partner-api"',
      });
      return;
    }
    const tokenKey = req.headers.authorization!.split(' ')[1]!;
    const freeAt = fault('no-rate-limit') ? undefined : rateLimited(tokenKey);
    if (freeAt !== undefined) {
      if (fault('rate-429-no-code')) {
        send(res, 429, { error: { message: 'Rate limit exceeded.' }, request_id: requestId }, { 'retry-after': new Date(freeAt + 1000).toUTCString() });
        return;
      }
      fail(res, requestId, 429, 1007, 'Rate limit exceeded. See Rate Limits.', { 'retry-after': new Date(freeAt + 1000).toUTCString() });
      return;
    }
    const rest = path.slice(PREFIX.length);
    const can = (p: Permission) => token.permissions.includes(p);
    const forbidden = () => fail(res, requestId, 403, 2005, 'Valid token but insufficient permissions for this resource.');

    if (rest === '/chats' && req.method === 'GET') {
      if (!can('chats.read')) return forbidden();
      const limitRaw = url.searchParams.get('limit');
      const limit = limitRaw === null ? 25 : Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        fail(res, requestId, 400, 4000, 'limit must be an integer between 1 and 100.');
        return;
      }
      const cursorRaw = url.searchParams.get('cursor');
      let offset = 0;
      if (cursorRaw !== null) {
        offset = Number(Buffer.from(cursorRaw, 'base64url').toString('utf8').replace(/^o:/, ''));
        if (!Number.isInteger(offset) || offset < 0) {
          fail(res, requestId, 400, 4000, 'Invalid cursor.');
          return;
        }
      }
      const from = url.searchParams.get('from');
      const to = url.searchParams.get('to');
      const visible = chats
        .filter((c) => c.org === token.org)
        .map((c) => c.chat)
        .filter((c) => {
          const handles = c.handles as Array<{ handle: string; is_me: boolean }>;
          if (from !== null && !handles.some((h) => h.is_me && h.handle === from)) return false;
          if (to !== null && !handles.some((h) => !h.is_me && h.handle === to)) return false;
          return true;
        })
        .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
      const page = visible.slice(offset, offset + limit);
      const next = offset + limit < visible.length ? Buffer.from(`o:${offset + limit}`).toString('base64url') : null;
      send(res, 200, { chats: page, next_cursor: next }, { 'x-request-id': requestId });
      return;
    }

    if (rest === '/chats' && req.method === 'POST') {
      if (!can('chats.send') && !fault('scope-not-enforced')) return forbidden();
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        fail(res, requestId, 400, 4000, 'The request body must be JSON.');
        return;
      }
      const b = body as { from?: unknown; to?: unknown; message?: { parts?: unknown } };
      if (
        typeof b !== 'object' || b === null ||
        typeof b.from !== 'string' ||
        !Array.isArray(b.to) || b.to.length === 0 || !b.to.every((x) => typeof x === 'string') ||
        typeof b.message !== 'object' || b.message === null || !Array.isArray(b.message.parts) || b.message.parts.length === 0
      ) {
        fail(res, requestId, 400, 4000, 'from, to and message.parts are required.');
        return;
      }
      if (!token.phoneNumbers.includes(b.from) && !fault('unassigned-from')) {
        fail(res, requestId, 403, 2006, 'You cannot send from this phone number. Verify the phone is assigned to your account.');
        return;
      }
      const created = makeChat(token.org, b.from, b.to as string[], new Date(), 'iMessage');
      chats.push(created);
      send(res, 201, { chat: created.chat }, { 'x-request-id': requestId });
      return;
    }

    const one = /^\/chats\/([^/]+)$/.exec(rest);
    if (one && req.method === 'GET') {
      if (!can('chats.read')) return forbidden();
      const id = decodeURIComponent(one[1]!);
      const found = chats.find((c) => c.chat.id === id);
      if (!found) {
        fail(res, requestId, 404, 4004, 'Chat not found.');
        return;
      }
      if (found.org !== token.org && !fault('cross-org-chat')) return forbidden();
      send(res, 200, found.chat, { 'x-request-id': requestId });
      return;
    }

    if (rest === '/chats' || one) {
      fail(res, requestId, 405, 4005, 'Method not allowed.', { allow: rest === '/chats' ? 'GET, POST' : 'GET' });
      return;
    }
    fail(res, requestId, 404, 4004, 'Not found.');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: { code: 5000, message: 'Internal error.' } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const chatId = chats.find((c) => c.org === 'org-a')!.chat.id as string;
  const otherChatId = chats.find((c) => c.org === 'org-b')!.chat.id as string;
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    chatId,
    otherChatId,
    rateLimitPerMinute: RATE_LIMIT_PER_WINDOW,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
