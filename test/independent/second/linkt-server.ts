/**
 * Linkt, second reading. Written from linkt-authentication.txt and REFERENCE.md alone.
 *
 * Free choices taken (the page leaves them open):
 * - error bodies `{ error: <documented code>, detail, status }` (the page shows only the 429 body,
 *   which is served as documented: `error`, `message`, `retry_after`)
 * - a resource of another organization is answered 404 not_found (it does not exist for this key)
 * - the scoped key is a "catalogue" key: it may list and create ICPs but not open one
 *   (`GET /v1/icp/{id}` → 403 forbidden), nor touch sheets, tasks or runs
 * - limits per key, each window fixed and opened by the key's first request; rate-limit headers in
 *   lower case; `X-RateLimit-Reset` in epoch seconds as in the page's example; `Retry-After` in seconds
 * - a deleted key (the page's rotation ends with "Delete the old API key") is simply unknown: 401
 */
import { randomUUID } from 'node:crypto';
import { FixedWindows, listen, parseJson, secret, send, target } from './server-kit.ts';

export type Fault =
  /** the key is read from `Authorization: Bearer` only; `x-api-key` is refused */
  | 'bearer-only'
  /** another organization's key reads this organization's ICP */
  | 'cross-org-read'
  /** the scoped key is served everywhere */
  | 'scope-not-enforced'
  /** `X-RateLimit-Reset` in epoch milliseconds */
  | 'reset-in-ms'
  /** the 429 body has no `retry_after` */
  | 'no-retry-after-field'
  /** a request without the x-api-key header is answered 403 forbidden */
  | 'missing-as-403';

const PLANS = { free: { perMinute: 60, perDay: 1000 }, pro: { perMinute: 300, perDay: 10_000 } } as const;
type Collection = 'icp' | 'sheet' | 'task' | 'run';
type Permission = `${Collection}:${'list' | 'read' | 'write'}`;

interface Key {
  org: string;
  plan: keyof typeof PLANS;
  /** absent = every permission */
  permissions?: readonly Permission[];
}

export interface ServerOptions {
  /** the server's clock, ms since epoch (a test's virtual clock); its responses then carry a Date from it */
  now?: () => number;
}

export async function startServer(faults: readonly Fault[] = [], options: ServerOptions = {}) {
  const has = (f: Fault) => faults.includes(f);
  const now = options.now ?? (() => Date.now());
  const credentials = {
    valid: secret('lk_'),
    deleted: secret('lk_'),
    scoped: secret('lk_'),
    other_tenant: secret('lk_'),
    icp_id: randomUUID(),
  };
  const keys = new Map<string, Key>([
    [credentials.valid, { org: 'org_tidewater', plan: 'free' }],
    [credentials.scoped, { org: 'org_tidewater', plan: 'free', permissions: ['icp:list', 'icp:write'] }],
    [credentials.other_tenant, { org: 'org_saltmarsh', plan: 'pro' }],
  ]);
  const stamp = new Date(now() - 86_400_000).toISOString();
  const icp = (id: string, org: string, name: string) => ({
    id,
    org,
    name,
    description: `${name} accounts`,
    entity_targets: [{ entity_type: 'company', description: name, root: true, desired_count: 25 }],
    created_at: stamp,
    updated_at: stamp,
    schema_version: 2,
  });
  const store: Record<Collection, Array<Record<string, unknown> & { id: string; org: string }>> = {
    icp: [icp(credentials.icp_id, 'org_tidewater', 'Regional logistics'), icp(randomUUID(), 'org_saltmarsh', 'Fintech')],
    sheet: [{ id: randomUUID(), org: 'org_tidewater', name: 'Q3 prospects', created_at: stamp }],
    task: [{ id: randomUUID(), org: 'org_tidewater', name: 'Enrich Q3', created_at: stamp }],
    run: [{ id: randomUUID(), org: 'org_tidewater', status: 'completed', created_at: stamp }],
  };
  const minute = { free: new FixedWindows(60, 60_000, now), pro: new FixedWindows(300, 60_000, now) };
  const day = { free: new FixedWindows(1000, 86_400_000, now), pro: new FixedWindows(10_000, 86_400_000, now) };
  const visible = ({ org, ...rest }: { org: string }) => rest;

  const server = await listen((req, res, raw) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const presented = has('bearer-only') ? bearer : req.headers['x-api-key'];
    if (typeof presented !== 'string' || presented === '') {
      if (has('missing-as-403') && presented === undefined) return send(res, 403, { error: 'forbidden', detail: 'No API key.', status: 403 });
      return send(res, 401, { error: 'unauthorized', detail: 'Missing API key: send it in x-api-key.', status: 401 });
    }
    const key = keys.get(presented);
    if (!key) return send(res, 401, { error: 'unauthorized', detail: 'Invalid API key.', status: 401 });

    const plan = PLANS[key.plan];
    const m = minute[key.plan].hit(presented);
    const d = m.allowed ? day[key.plan].hit(presented) : { allowed: true, remaining: 0, resetAt: 0 };
    const limited = !m.allowed ? m : !d.allowed ? d : undefined;
    const resetAt = limited?.resetAt ?? m.resetAt;
    const headers = {
      'x-ratelimit-limit': String(plan.perMinute),
      'x-ratelimit-remaining': String(m.remaining),
      'x-ratelimit-reset': String(has('reset-in-ms') ? resetAt : Math.ceil(resetAt / 1000)),
      ...(options.now === undefined ? {} : { date: new Date(now()).toUTCString() }),
    };
    if (limited) {
      const seconds = Math.max(1, Math.ceil((resetAt - now()) / 1000));
      const body: Record<string, unknown> = {
        error: 'rate_limit_exceeded',
        message: `Rate limit exceeded. Please retry after ${seconds} seconds.`,
      };
      if (!has('no-retry-after-field')) body.retry_after = seconds;
      return send(res, 429, body, { ...headers, 'retry-after': String(seconds) });
    }

    const path = target(req).pathname.split('/').filter(Boolean);
    const collection = path[1] as Collection;
    if (path[0] !== 'v1' || !(collection in store)) return send(res, 404, { error: 'not_found', detail: 'No such route.', status: 404 }, headers);
    const id = path[2];
    const action = req.method !== 'GET' ? 'write' : id === undefined ? 'list' : 'read';
    const needed: Permission = `${collection}:${action}`;
    if (key.permissions && !key.permissions.includes(needed) && !has('scope-not-enforced'))
      return send(res, 403, { error: 'forbidden', detail: `This API key lacks ${needed}.`, status: 403 }, headers);
    const items = store[collection];
    const own = items.filter((x) => x.org === key.org);
    if (id === undefined) {
      if (req.method === 'GET') {
        const list = own.map(visible);
        return send(res, 200, { [collection === 'icp' ? 'icps' : `${collection}s`]: list, page: 1, page_size: 20, total: list.length }, headers);
      }
      if (req.method === 'POST') {
        const input = parseJson(raw);
        if (typeof input !== 'object' || input === null) return send(res, 422, { error: 'validation_error', detail: 'JSON body required.', status: 422 }, headers);
        const created = { ...(input as Record<string, unknown>), id: randomUUID(), org: key.org, created_at: new Date(now()).toISOString(), updated_at: new Date(now()).toISOString() };
        items.push(created);
        return send(res, 201, visible(created), headers);
      }
      return send(res, 405, { error: 'method_not_allowed', detail: 'Method not allowed.', status: 405 }, headers);
    }
    const item = (has('cross-org-read') ? items : own).find((x) => x.id === id);
    if (!item) return send(res, 404, { error: 'not_found', detail: `No ${collection} ${id}.`, status: 404 }, headers);
    if (path[3] === 'active_runs') return send(res, 200, { runs: [] }, headers);
    if (req.method === 'GET') return send(res, 200, visible(item), headers);
    if (req.method === 'DELETE') {
      items.splice(items.indexOf(item), 1);
      return send(res, 204, undefined, headers);
    }
    if (req.method === 'PUT') {
      Object.assign(item, parseJson(raw) ?? {}, { id: item.id, org: item.org, updated_at: new Date(now()).toISOString() });
      return send(res, 200, visible(item), headers);
    }
    return send(res, 405, { error: 'method_not_allowed', detail: 'Method not allowed.', status: 405 }, headers);
  });
  return { url: server.url, credentials, close: server.close };
}
