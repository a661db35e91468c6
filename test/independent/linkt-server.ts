/**
 * An independent Linkt API auth implementation, written only from
 * docs/vendor/linkt-authentication.txt and REFERENCE.md § Linkt (not from src/mock/).
 *
 * Pinned by the docs and implemented exactly:
 *  - the key travels in the `x-api-key` header (nothing else is read: Authorization is ignored);
 *  - 401 `unauthorized` (missing/invalid key), 403 `forbidden` (key lacks permissions),
 *    429 `rate_limit_exceeded` with {error, message, retry_after};
 *  - plans Free 60/min 1000/day, Pro 300/min 10000/day;
 *  - X-RateLimit-Limit / -Remaining / -Reset (Reset in Unix epoch seconds);
 *  - organization-scoped ICPs; GET /v1/icp answers {icps, page, page_size, total}.
 *
 * Free choices (made deliberately, differently from an obvious copy):
 *  - every error body carries a `request_id` and a human `message`;
 *  - rate-limit header names are sent lower-case (x-ratelimit-*);
 *  - budgets are per key, in a fixed window anchored at the key's first request of the window
 *    (not at wall-clock minute boundaries); Reset is the window end rounded up to a whole second;
 *  - Retry-After / retry_after are the whole seconds left until the window ends (rounded up),
 *    or until the day ends for the daily quota;
 *  - an ICP of another organization answers 403 forbidden (an unknown id answers 404 not_found);
 *  - ids are `icp_` + random hex; keys are random `lk-…` strings with no documented prefix.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';

type Plan = 'free' | 'pro';
const PLANS: Record<Plan, { perMinute: number; perDay: number }> = {
  free: { perMinute: 60, perDay: 1000 },
  pro: { perMinute: 300, perDay: 10000 },
};
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

interface Org {
  id: string;
  plan: Plan;
  icps: Icp[];
}
interface Icp {
  id: string;
  name: string;
  description: string;
  entity_targets: { entity_type: string; description: string; root: boolean; desired_count: number | null }[];
  created_at: string;
  updated_at: string;
  schema_version: number | null;
}
interface ApiKey {
  value: string;
  org: Org;
  permissions: Set<'icp:read' | 'icp:write'>;
  deleted: boolean;
  minute?: { start: number; count: number };
  day?: { start: number; count: number };
}

/**
 * Deliberate faults, for test/independent/linkt-broken.test.ts (proving the suite catches them).
 * Each breaks one documented behaviour, the way a real implementation plausibly would:
 *  - bearer-accepted:      also reads the key from `Authorization: Bearer <key>` (an undocumented header);
 *  - malformed-key-500:    a presented key not of the exact issued shape crashes the key decoder (500, not 401);
 *  - deleted-key-works:    deleting a key only flags it in the dashboard; the auth check ignores the flag;
 *  - cross-org-icp:        GET /v1/icp/{id} looks the ICP up globally, without the organization filter;
 *  - no-retry-after-body:  the 429 body is {error, message} only (retry_after missing, header still sent);
 *  - reset-delta-seconds:  X-RateLimit-Reset is the seconds left in the window, not a Unix epoch time;
 *  - limit-not-plan:       X-RateLimit-Limit is a hard-coded 100 whatever the plan (the plan's limit is still enforced);
 *  - remaining-frozen:     X-RateLimit-Remaining is read from a stale cache: always the full budget.
 */
export const FAULTS = [
  'bearer-accepted',
  'malformed-key-500',
  'deleted-key-works',
  'cross-org-icp',
  'no-retry-after-body',
  'reset-delta-seconds',
  'limit-not-plan',
  'remaining-frozen',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface LinktServer {
  url: string;
  close(): Promise<void>;
  keys: { valid: string; deleted: string; readOnly: string; otherOrg: string };
  icpId: string;
  otherOrgIcpId: string;
}

function newKey(): string {
  return `lk-${randomBytes(18).toString('base64url')}`;
}

function icp(name: string, description: string, entity_type: string): Icp {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  return {
    id: `icp_${randomBytes(8).toString('hex')}`,
    name,
    description,
    entity_targets: [{ entity_type, description, root: true, desired_count: null }],
    created_at: at,
    updated_at: at,
    schema_version: 2,
  };
}

export async function startServer(faults: string[] = []): Promise<LinktServer> {
  for (const f of faults) if (!(FAULTS as readonly string[]).includes(f)) throw new Error(`unknown fault ${f}`);
  const fault = (f: Fault): boolean => faults.includes(f);
  const orgA: Org = {
    id: 'org_northwind',
    plan: 'free',
    icps: [
      icp('Mid-market fintech', 'Payment companies, 200-2000 staff', 'company'),
      icp('Heads of RevOps', 'Revenue operations leaders', 'person'),
    ],
  };
  const orgB: Org = { id: 'org_contoso', plan: 'pro', icps: [icp('Contoso logistics', 'Freight forwarders in the EU', 'company')] };

  const keys = new Map<string, ApiKey>();
  const add = (org: Org, perms: ('icp:read' | 'icp:write')[], deleted = false): string => {
    const value = newKey();
    keys.set(value, { value, org, permissions: new Set(perms), deleted });
    return value;
  };
  // The documented rotation: the old key was deleted, the new one is the valid key.
  const deleted = add(orgA, ['icp:read', 'icp:write'], true);
  const valid = add(orgA, ['icp:read', 'icp:write']);
  const readOnly = add(orgA, ['icp:read']);
  const otherOrg = add(orgB, ['icp:read', 'icp:write']);

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };
  const error = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void =>
    send(res, status, { error: code, message, request_id: `req_${randomUUID()}` }, headers);

  /** Counts the request against the key's budgets; returns its headers and, when over, the wait in seconds. */
  const meter = (key: ApiKey, now: number): { headers: Record<string, string>; retryAfter?: number } => {
    const plan = PLANS[key.org.plan];
    if (!key.minute || now >= key.minute.start + MINUTE_MS) key.minute = { start: now, count: 0 };
    if (!key.day || now >= key.day.start + DAY_MS) key.day = { start: now, count: 0 };
    const minuteEnd = key.minute.start + MINUTE_MS;
    const headers = (remaining: number): Record<string, string> => ({
      'x-ratelimit-limit': String(fault('limit-not-plan') ? 100 : plan.perMinute),
      'x-ratelimit-remaining': String(fault('remaining-frozen') && remaining > 0 ? plan.perMinute : remaining),
      'x-ratelimit-reset': String(fault('reset-delta-seconds') ? Math.ceil((minuteEnd - now) / 1000) : Math.ceil(minuteEnd / 1000)),
    });
    if (key.minute.count >= plan.perMinute) {
      return { headers: headers(0), retryAfter: Math.max(1, Math.ceil((minuteEnd - now) / 1000)) };
    }
    if (key.day.count >= plan.perDay) {
      return { headers: headers(0), retryAfter: Math.max(1, Math.ceil((key.day.start + DAY_MS - now) / 1000)) };
    }
    key.minute.count += 1;
    key.day.count += 1;
    return { headers: headers(plan.perMinute - key.minute.count) };
  };

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 1_000_000) chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '');
    const isIcpList = path === '/v1/icp';
    const one = /^\/v1\/icp\/([^/]+)$/.exec(path);
    if (!isIcpList && !one) return error(res, 404, 'not_found', 'No such endpoint.');

    // Authentication: only x-api-key.
    const raw = req.headers['x-api-key'];
    let presented = Array.isArray(raw) ? undefined : raw;
    if ((presented === undefined || presented === '') && fault('bearer-accepted')) {
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (m) presented = m[1];
    }
    if (presented === undefined || presented === '') return error(res, 401, 'unauthorized', 'Missing API key: send it in the x-api-key header.');
    if (fault('malformed-key-500') && !/^lk-[A-Za-z0-9_-]{24}$/.test(presented)) {
      // The "decoder" assumes the issued shape and throws; the catch-all below answers 500.
      throw new Error('malformed key');
    }
    const key = keys.get(presented);
    if (!key || (key.deleted && !fault('deleted-key-works'))) return error(res, 401, 'unauthorized', 'Invalid API key.');

    const now = Date.now();
    const metered = meter(key, now);
    if (metered.retryAfter !== undefined) {
      const s = metered.retryAfter;
      return send(
        res,
        429,
        fault('no-retry-after-body')
          ? { error: 'rate_limit_exceeded', message: `Rate limit exceeded. Please retry after ${s} seconds.`, request_id: `req_${randomUUID()}` }
          : { error: 'rate_limit_exceeded', message: `Rate limit exceeded. Please retry after ${s} seconds.`, retry_after: s, request_id: `req_${randomUUID()}` },
        { ...metered.headers, 'retry-after': String(s) },
      );
    }
    const h = metered.headers;
    const org = key.org;

    if (isIcpList && req.method === 'GET') {
      if (!key.permissions.has('icp:read')) return error(res, 403, 'forbidden', 'This API key may not read ICPs.', h);
      const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
      const pageSize = Math.min(100, Math.max(1, Number.parseInt(url.searchParams.get('page_size') ?? '25', 10) || 25));
      const slice = org.icps.slice((page - 1) * pageSize, page * pageSize);
      return send(res, 200, { icps: slice, page, page_size: pageSize, total: org.icps.length }, h);
    }
    if (isIcpList && req.method === 'POST') {
      if (!key.permissions.has('icp:write')) return error(res, 403, 'forbidden', 'This API key lacks the permission to create ICPs.', h);
      let input: { name?: unknown; description?: unknown; entity_targets?: unknown };
      try {
        input = JSON.parse(body) as typeof input;
      } catch {
        return error(res, 400, 'bad_request', 'Body is not JSON.', h);
      }
      if (typeof input.name !== 'string' || typeof input.description !== 'string' || !Array.isArray(input.entity_targets)) {
        return error(res, 422, 'validation_error', 'name, description and entity_targets are required.', h);
      }
      const at = new Date().toISOString();
      const created: Icp = {
        id: `icp_${randomBytes(8).toString('hex')}`,
        name: input.name,
        description: input.description,
        entity_targets: (input.entity_targets as { entity_type?: string; description?: string }[]).map((t, i) => ({
          entity_type: String(t.entity_type ?? ''),
          description: String(t.description ?? ''),
          root: i === 0,
          desired_count: null,
        })),
        created_at: at,
        updated_at: at,
        schema_version: 2,
      };
      org.icps.push(created);
      return send(res, 201, created, h);
    }
    if (one && req.method === 'GET') {
      if (!key.permissions.has('icp:read')) return error(res, 403, 'forbidden', 'This API key may not read ICPs.', h);
      const id = decodeURIComponent(one[1]!);
      const found = fault('cross-org-icp')
        ? [orgA, orgB].flatMap((o) => o.icps).find((i) => i.id === id)
        : org.icps.find((i) => i.id === id);
      if (found) return send(res, 200, found, h);
      const elsewhere = [orgA, orgB].some((o) => o !== org && o.icps.some((i) => i.id === id));
      if (elsewhere) return error(res, 403, 'forbidden', 'API keys do not provide cross-organization access.', h);
      return error(res, 404, 'not_found', 'No such ICP.', h);
    }
    return error(res, 405, 'method_not_allowed', 'Method not allowed.', { ...h, allow: isIcpList ? 'GET, POST' : 'GET' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) error(res, 500, 'internal_error', 'Internal error.');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
    keys: { valid, deleted, readOnly, otherOrg },
    icpId: orgA.icps[0]!.id,
    otherOrgIcpId: orgB.icps[0]!.id,
  };
}
