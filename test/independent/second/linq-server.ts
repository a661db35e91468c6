/**
 * Linq Partner API v3, second reading. Written from linq-authentication.txt and REFERENCE.md alone.
 *
 * Free choices taken (the pages leave them open):
 * - error bodies `{ code, status, message, trace_id }` with the documented code as a STRING
 *   ("2004"): the page's table does not say which JSON type it has
 * - a chat of another organization is answered 403 2005 ("insufficient permissions for this
 *   resource"), not 404
 * - the scoped token is a "send-only" token: it may create chats from its one number, and it is
 *   refused reading chats (403 2005)
 * - the organization's numbers are +13125550147 and +13125550148 (the scoped token: the first only)
 * - 15 requests per token per fixed 60-second window, 429 1007 with `Retry-After` (seconds) and
 *   `retry-after-ms`, which the official SDK reads first; no rate-limit headers (none documented)
 * - `Authorization` scheme word matched case-insensitively
 */
import { randomUUID } from 'node:crypto';
import { FixedWindows, listen, parseJson, secret, send, target } from './server-kit.ts';

export type Fault =
  /** `Authorization: TOKEN` without the scheme word is served */
  | 'bare-key-accepted'
  /** sending from a number the token is not assigned is served */
  | 'unassigned-number-allowed'
  /** another organization's chat is served */
  | 'foreign-chat-served'
  /** the 429 body carries 2004 instead of 1007 */
  | 'rate-limit-code-2004'
  /** the scoped token may read chats too */
  | 'scope-not-enforced'
  /** the token is read from an `x-api-key` header only; `Authorization: Bearer` is refused */
  | 'token-in-x-api-key-only';

export const PER_MINUTE = 15;
type Permission = 'chats:read' | 'chats:send';

interface Token {
  org: string;
  numbers: readonly string[];
  permissions: readonly Permission[];
}

export async function startServer(faults: readonly Fault[] = []) {
  const has = (f: Fault) => faults.includes(f);
  const now = () => Date.now();
  const credentials = {
    valid: secret('lq_', 24),
    /** a second token of org_pier with the valid token's numbers and permissions */
    other_key: secret('lq_', 24),
    scoped: secret('lq_', 24),
    other_tenant: secret('lq_', 24),
    assigned: '+13125550147',
    unassigned: '+13125550199',
    recipient: '+16175550123',
    chat_id: randomUUID(),
    perMinute: PER_MINUTE,
  };
  const tokens = new Map<string, Token>([
    [credentials.valid, { org: 'org_pier', numbers: ['+13125550147', '+13125550148'], permissions: ['chats:read', 'chats:send'] }],
    [credentials.other_key, { org: 'org_pier', numbers: ['+13125550147', '+13125550148'], permissions: ['chats:read', 'chats:send'] }],
    [credentials.scoped, { org: 'org_pier', numbers: ['+13125550147'], permissions: ['chats:send'] }],
    [credentials.other_tenant, { org: 'org_quay', numbers: ['+14155550190'], permissions: ['chats:read', 'chats:send'] }],
  ]);
  const iso = (t: number) => new Date(t).toISOString();
  const chat = (id: string, org: string, from: string, to: string) => ({
    id,
    org,
    created_at: iso(now() - 7_200_000),
    updated_at: iso(now() - 3_600_000),
    display_name: null,
    handles: [
      { id: randomUUID(), handle: from, joined_at: iso(now() - 7_200_000), service: 'iMessage', is_me: true },
      { id: randomUUID(), handle: to, joined_at: iso(now() - 7_200_000), service: 'iMessage', is_me: false },
    ],
    health_status: { status: 'HEALTHY', doc_url: 'https://docs.linqapp.com/health', updated_at: iso(now() - 3_600_000) },
    is_archived: false,
    is_group: false,
    service: 'iMessage',
  });
  const chats = [chat(credentials.chat_id, 'org_pier', '+13125550147', '+16175550111'), chat(randomUUID(), 'org_quay', '+14155550190', '+16175550112')];
  const windows = new FixedWindows(PER_MINUTE, 60_000, now);
  const shown = ({ org, ...rest }: ReturnType<typeof chat>) => rest;
  const err = (code: string, status: number, message: string) => ({ code, status, message, trace_id: randomUUID() });

  const server = await listen((req, res, raw) => {
    const header = req.headers.authorization ?? '';
    const apiKey = req.headers['x-api-key'];
    const m = has('token-in-x-api-key-only') ? (typeof apiKey === 'string' ? [apiKey, apiKey] : null) : /^bearer +(\S+)$/i.exec(header.trim());
    const value = m?.[1] ?? (has('bare-key-accepted') && /^\S+$/.test(header.trim()) ? header.trim() : undefined);
    const token = value === undefined ? undefined : tokens.get(value);
    if (!token) return send(res, 401, err('2004', 401, 'Missing or invalid bearer token. Check that your Authorization header is correctly formatted.'));

    const w = windows.hit(value!);
    if (!w.allowed) {
      const ms = Math.max(1, w.resetAt - now());
      const code = has('rate-limit-code-2004') ? '2004' : '1007';
      return send(res, 429, err(code, 429, 'Rate limit exceeded.'), { 'Retry-After': String(Math.ceil(ms / 1000)), 'retry-after-ms': String(ms) });
    }
    const denied = () => send(res, 403, err('2005', 403, 'This token lacks permission for this resource.'));
    const can = (p: Permission) => token.permissions.includes(p) || has('scope-not-enforced');

    const url = target(req);
    const path = url.pathname.replace(/^\/api\/partner/, '');
    if (req.method === 'GET' && path === '/v3/phone_numbers')
      return send(res, 200, { phone_numbers: token.numbers.map((n) => ({ phone_number: n, capabilities: ['iMessage', 'SMS'] })) });
    if (path === '/v3/chats' && req.method === 'GET') {
      if (!can('chats:read')) return denied();
      const own = chats.filter((c) => c.org === token.org).map(shown);
      return send(res, 200, { chats: own, next_cursor: null });
    }
    if (path === '/v3/chats' && req.method === 'POST') {
      if (!can('chats:send')) return denied();
      const input = parseJson(raw) as { from?: unknown; to?: unknown } | undefined;
      const to = Array.isArray(input?.to) ? input.to : [];
      if (typeof input?.from !== 'string' || to.length === 0 || typeof to[0] !== 'string')
        return send(res, 400, err('1001', 400, 'from and to are required.'));
      if (!token.numbers.includes(input.from) && !has('unassigned-number-allowed'))
        return send(res, 403, err('2006', 403, `You cannot send from ${input.from}. Verify the phone is assigned to your account.`));
      const created = chat(randomUUID(), token.org, input.from, to[0]);
      chats.push(created);
      return send(res, 201, { chat: shown(created) });
    }
    const one = /^\/v3\/chats\/([^/]+)(\/messages)?$/.exec(path);
    if (one) {
      if (!can('chats:read')) return denied();
      const found = chats.find((c) => c.id === one[1]);
      if (!found) return send(res, 404, err('3001', 404, 'Chat not found.'));
      if (found.org !== token.org && !has('foreign-chat-served')) return denied();
      if (one[2]) return send(res, 200, { messages: [], next_cursor: null });
      return send(res, 200, shown(found));
    }
    return send(res, 404, err('3000', 404, 'Not found.'));
  });
  return { url: server.url, credentials, close: server.close };
}
