/**
 * A faithful Stripe-like server, written from examples/stripe-like/stripe-like-authentication.txt
 * (Stripe's public pages, quoted there with their URLs) and the pages it cites, NOT from src/mock.
 * Every behaviour carries the sentence it comes from ("quote" comments). Choices the docs leave
 * open are marked FREE.
 *
 * The server is a pipeline of stages (`StripeLikeStages`); a broken twin (stripe-like-twins.ts)
 * wraps one stage of the faithful pipeline and leaves the others alone.
 *
 * TLS: "All API requests must be made over HTTPS. Calls made over plain HTTP will fail." The API
 * listener stands for the TLS-terminated side on loopback; a second, plain-HTTP listener
 * (`plainUrl`) resets every connection before reading a byte, as the docs' "will fail".
 */
import type { IncomingMessage } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { listen, secret, send, target } from '../second/server-kit.ts';
import { httpDate, wallClock, type Clock } from './clock.ts';

export type Mode = 'live' | 'test';
export type KeyKind = 'secret' | 'restricted' | 'publishable';
export type OperationId = 'listCustomers' | 'createCustomer' | 'searchCustomers' | 'getCustomer' | 'createMeterEvent';
type Permission = 'customers:read' | 'customers:write' | 'meter_events:write';

export interface Key {
  value: string;
  account: string;
  mode: Mode;
  kind: KeyKind;
  /** restricted keys only: what they may do */
  permissions?: readonly Permission[];
  deleted: boolean;
}

export interface Customer {
  id: string;
  object: 'customer';
  email: string;
  name: string;
  livemode: boolean;
  account: string;
}

/** One request, as the stages see it. */
export interface Call {
  method: string;
  url: URL;
  authorization: string | undefined;
  body: string;
  now: number;
  op?: OperationId;
  /** the {customer} path parameter */
  customer?: string;
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** A rate limit that applies to a request: its id, its maximum per second, and its counter's key. */
export interface Applied {
  id: string;
  max: number;
  counter: string;
}

export interface StripeLikeStages {
  /** the key the Authorization header presents (Basic username or Bearer token), or undefined */
  presented(call: Call): string | undefined;
  /** the presented key's record, or the refusal */
  authenticate(value: string | undefined, call: Call): Key | Answer;
  /** the rate limits this request counts against */
  limits(key: Key, call: Call): Applied[];
  /** counts the request against `limits`; the 429 when one of them is spent */
  meter(key: Key, call: Call, limits: Applied[]): Answer | undefined;
  /** whether the key may call the operation */
  authorize(key: Key, call: Call): Answer | undefined;
  /** the operation's answer */
  serve(key: Key, call: Call): Answer;
  /** what every response gets (Request-Id) */
  finish(answer: Answer, call: Call): Answer;
  /** a connection to the plain-HTTP listener */
  plain(socket: Socket, apiUrl: string): void;
}

/** The server's state, for the stages and the twins. */
export interface StripeWorld {
  clock: Clock;
  keys: Map<string, Key>;
  customers: Customer[];
  /** per-second counters: counter key → { second, used } */
  counters: Map<string, { second: number; used: number }>;
}

export type StripeTwin = (faithful: StripeLikeStages, world: StripeWorld) => StripeLikeStages;

export const ACCOUNT = 'acct_orbit';

// quote (Errors, Attributes): "type enum — The type of error returned. One of api_error, card_error,
// idempotency_error, or invalid_request_error"; "message — A human-readable message providing more
// details about the error." FREE: no other field.
export const stripeError = (status: number, type: string, message: string): Answer => ({ status, body: { error: { type, message } }, headers: {} });

// quote (HTTP Status Code Summary): "| 401 | Unauthorized | No valid API key provided. |"
// quote (API keys): "If a request doesn't include a valid key, Stripe returns an invalid request error."
export const noValidKey = (): Answer => stripeError(401, 'invalid_request_error', 'No valid API key provided.');

/**
 * quote (Authentication): "Authentication to the API is performed via HTTP Basic Auth. Provide your API
 * key as the basic auth username value. You do not need to provide a password."
 * quote: "If you need to authenticate via bearer auth (e.g., for a cross-origin request), use -H
 * "Authorization: Bearer sk_test_…" instead of -u sk_test_…"
 * FREE: a non-empty Basic password is not documented; it is ignored. Scheme words are
 * case-insensitive (RFC 9110 §11.1). Any other scheme presents no key.
 */
export function presentedKey(authorization: string | undefined): string | undefined {
  const m = /^(\S+)[ \t]+(\S+)$/.exec((authorization ?? '').trim());
  if (m === null) return undefined;
  const word = m[1]!.toLowerCase();
  if (word === 'bearer') return m[2];
  if (word !== 'basic') return undefined;
  const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? '' : decoded.slice(0, colon);
  return username === '' ? undefined : username;
}

/** The operation a method and path name (the spec's operationIds), and its {customer} parameter. */
export function operationOf(method: string, path: string): { op?: OperationId; customer?: string } {
  if (path === '/v1/customers') return method === 'GET' ? { op: 'listCustomers' } : method === 'POST' ? { op: 'createCustomer' } : {};
  if (path === '/v1/customers/search') return method === 'GET' ? { op: 'searchCustomers' } : {};
  if (path === '/v1/billing/meter_events') return method === 'POST' ? { op: 'createMeterEvent' } : {};
  const m = /^\/v1\/customers\/([^/]+)$/.exec(path);
  if (m !== null && method === 'GET') return { op: 'getCustomer', customer: decodeURIComponent(m[1]!) };
  return {};
}

const NEEDS: Record<OperationId, Permission> = {
  listCustomers: 'customers:read',
  searchCustomers: 'customers:read',
  getCustomer: 'customers:read',
  createCustomer: 'customers:write',
  createMeterEvent: 'meter_events:write',
};

/** The faithful pipeline over `world`. */
export function faithfulStages(world: StripeWorld): StripeLikeStages {
  const visible = ({ account: _account, ...customer }: Customer) => customer;
  const ownData = (key: Key) => world.customers.filter((c) => c.account === key.account && c.livemode === (key.mode === 'live'));
  return {
    presented: (call) => presentedKey(call.authorization),

    authenticate(value) {
      // quote (Authentication): "API requests without authentication will also fail."
      if (value === undefined) return noValidKey();
      const key = world.keys.get(value);
      if (key === undefined) return noValidKey();
      // quote (API keys): "If a request includes a deleted or expired key, Stripe returns an authentication error."
      // FREE: the type string (the quoted enum has none for it); the status is the summary's 401.
      if (key.deleted) return stripeError(401, 'authentication_error', 'This API key has been deleted.');
      // quote (API keys, older version): "Publishable API keys are meant solely to identify your account
      // with Stripe, they aren't secret." and "Stripe APIs use your secret key to authenticate requests on
      // your server." The message is the one a third-party page quotes: "This API call cannot be made with
      // a publishable API key." FREE: 401 (the spec allows 401 or 403).
      if (key.kind === 'publishable') return stripeError(401, 'invalid_request_error', 'This API call cannot be made with a publishable API key.');
      return key;
    },

    limits(key, call) {
      // quote (Rate limiter): "The basic rate limiter restricts the number of API requests per second as
      // follows: Live mode: 100 read operations and 100 write operations / Test mode: 25 read operations
      // and 25 write operations"; (current version) "rate limits are measured in API requests per second,
      // per Stripe account."
      const kind = call.method === 'GET' || call.method === 'HEAD' ? 'read' : 'write';
      const out: Applied[] = [];
      // quote: "Calls to the Meter events endpoint in live mode are subject to a separate rate limit, and
      // don't count against the basic limits. The limit is 1000 calls per second per Stripe account."
      if (call.op === 'createMeterEvent' && key.mode === 'live') out.push({ id: 'meter-live', max: 1000, counter: `${key.account}:meter-live` });
      else out.push({ id: `${key.mode}-${kind}`, max: key.mode === 'live' ? 100 : 25, counter: `${key.account}:${key.mode}:${kind}` });
      // quote: "Calls to certain resources have stricter limits, and also count against the basic limits.
      // These stricter limits apply separately to live mode and test mode. … Search API: 20 read operations per second"
      if (call.op === 'searchCustomers') out.push({ id: 'search', max: 20, counter: `${key.account}:${key.mode}:search` });
      return out;
    },

    meter(_key, call, limits) {
      // FREE: windows are whole wall-clock seconds (so a response's Date names its window); a refused
      // request is not counted.
      const second = Math.floor(call.now / 1000);
      const counterOf = (a: Applied) => {
        const c = world.counters.get(a.counter);
        return c !== undefined && c.second === second ? c : { second, used: 0 };
      };
      // quote (Rate limits): "If you exceed the limits, you get 429 Too Many Requests HTTP status responses."
      // quote (summary): "| 429 | Too Many Requests | Too many requests hit the API too quickly. We recommend
      // an exponential backoff of your requests. |"
      if (limits.some((a) => counterOf(a).used >= a.max))
        return stripeError(429, 'invalid_request_error', 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.');
      for (const a of limits) world.counters.set(a.counter, { second, used: counterOf(a).used + 1 });
      return undefined;
    },

    authorize(key, call) {
      // quote (Authentication): "Alternatively, you can use restricted API keys for granular permissions."
      // quote (summary): "| 403 | Forbidden | The API key doesn't have permissions to perform the request. |"
      // quote (API keys): "Your account's secret API key can perform any API request to Stripe without restriction."
      if (call.op === undefined || key.kind !== 'restricted') return undefined;
      const needed = NEEDS[call.op];
      if (key.permissions?.includes(needed)) return undefined;
      return stripeError(403, 'invalid_request_error', `The provided key does not have the required permissions (${needed}) for this endpoint.`);
    },

    serve(key, call) {
      const ok = (body: unknown): Answer => ({ status: 200, body, headers: {} });
      // quote (API Reference): "The API key you use to authenticate the request determines whether the
      // request is live mode or test mode." quote (Test mode versus live mode): "Objects in one mode aren't
      // accessible to the other."
      const own = ownData(key);
      // quote (API Reference): "accepts form-encoded request bodies, returns JSON-encoded responses"
      const form = new URLSearchParams(call.body);
      switch (call.op) {
        case 'listCustomers': {
          const limit = Number(call.url.searchParams.get('limit') ?? '10');
          return ok({ object: 'list', url: '/v1/customers', has_more: own.length > limit, data: own.slice(0, limit).map(visible) });
        }
        case 'searchCustomers': {
          const query = call.url.searchParams.get('query');
          if (query === null) return stripeError(400, 'invalid_request_error', 'Missing required param: query.');
          const email = /email:'([^']*)'/.exec(query)?.[1];
          return ok({ object: 'search_result', url: '/v1/customers/search', has_more: false, data: own.filter((c) => email === undefined || c.email === email).map(visible) });
        }
        case 'getCustomer': {
          const found = own.find((c) => c.id === call.customer);
          // quote (summary): "| 404 | Not Found | The requested resource doesn't exist. |"
          return found ? ok(visible(found)) : stripeError(404, 'invalid_request_error', `No such customer: '${call.customer ?? ''}'`);
        }
        case 'createCustomer': {
          const created: Customer = {
            id: secret('cus_', 7),
            object: 'customer',
            email: form.get('email') ?? '',
            name: form.get('name') ?? '',
            livemode: key.mode === 'live',
            account: key.account,
          };
          world.customers.push(created);
          return ok(visible(created));
        }
        case 'createMeterEvent': {
          const event = form.get('event_name');
          if (event === null || event === '') return stripeError(400, 'invalid_request_error', 'Missing required param: event_name.');
          return ok({ object: 'billing.meter_event', event_name: event, created: Math.floor(call.now / 1000), livemode: key.mode === 'live' });
        }
        default:
          return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${call.method}: ${call.url.pathname}).`);
      }
    },

    // quote (Request IDs): "Each API request has an associated request identifier. You can find this value
    // in the response headers, under Request-Id." FREE: `req_` + 14 random hex digits.
    finish: (answer, call) => ({ ...answer, headers: { ...answer.headers, 'Request-Id': secret('req_', 7), date: httpDate(call.now) } }),

    // quote (Authentication): "All API requests must be made over HTTPS. Calls made over plain HTTP will fail."
    plain: (socket) => socket.resetAndDestroy(),
  };
}

/** Runs one request through the stages. */
export function handle(s: StripeLikeStages, call: Call): Answer {
  const key = s.authenticate(s.presented(call), call);
  if ('status' in key) return s.finish(key, call);
  const limited = s.meter(key, call, s.limits(key, call));
  if (limited !== undefined) return s.finish(limited, call);
  return s.finish(s.authorize(key, call) ?? s.serve(key, call), call);
}

export interface StripeLikeServer {
  url: string;
  world: StripeWorld;
  /** values for the fixtures file (examples/stripe-like/stripe-like.independent.fixtures.yaml) */
  credentials: {
    valid: string;
    test_mode: string;
    scoped: string;
    revoked_expired: string;
    publishable: string;
    publishable_test: string;
    customer_id: string;
    test_customer_id: string;
    plainUrl: string;
  };
  close(): Promise<void>;
}

/** Seeds account acct_orbit and starts the API and plain-HTTP listeners on 127.0.0.1, port 0. */
export async function startStripeLike(o: { clock?: Clock; twin?: StripeTwin } = {}): Promise<StripeLikeServer> {
  const clock = o.clock ?? wallClock;
  const world: StripeWorld = { clock, keys: new Map(), customers: [], counters: new Map() };
  // quote (If you're new to Stripe): "Sandbox keys start with pk_test_ (publishable), rk_test_ (restricted),
  // and sk_test_ (secret)." … "your live mode keys, which start with pk_live_, rk_live_, and sk_live_."
  const add = (prefix: string, mode: Mode, kind: KeyKind, extra: Partial<Key> = {}): string => {
    const value = secret(prefix, 12);
    world.keys.set(value, { value, account: ACCOUNT, mode, kind, deleted: false, ...extra });
    return value;
  };
  const customer = (mode: Mode, email: string, name: string): string => {
    const id = secret('cus_', 7);
    world.customers.push({ id, object: 'customer', email, name, livemode: mode === 'live', account: ACCOUNT });
    return id;
  };
  const customerId = customer('live', 'jenny.rosen@example.com', 'Jenny Rosen');
  customer('live', 'ada@example.com', 'Ada Lovelace');
  const testCustomerId = customer('test', 'test.user@example.com', 'Test User');
  const credentials = {
    valid: add('sk_live_', 'live', 'secret'),
    test_mode: add('sk_test_', 'test', 'secret'),
    scoped: add('rk_live_', 'live', 'restricted', { permissions: ['customers:read'] }),
    revoked_expired: add('sk_live_', 'live', 'secret', { deleted: true }),
    publishable: add('pk_live_', 'live', 'publishable'),
    publishable_test: add('pk_test_', 'test', 'publishable'),
    customer_id: customerId,
    test_customer_id: testCustomerId,
    plainUrl: '',
  };
  const faithful = faithfulStages(world);
  const stages = o.twin ? o.twin(faithful, world) : faithful;

  const api = await listen((req: IncomingMessage, res, body) => {
    const url = target(req);
    const method = req.method ?? 'GET';
    const call: Call = { method, url, authorization: req.headers.authorization, body, now: clock.now(), ...operationOf(method, url.pathname) };
    const answer = handle(stages, call);
    send(res, answer.status, answer.body, answer.headers);
  });
  const sockets = new Set<Socket>();
  const plain: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    stages.plain(socket, api.url);
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  credentials.plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  return {
    url: api.url,
    world,
    credentials,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => plain.close(() => r()));
      await api.close();
    },
  };
}
