/**
 * One check per requirement of examples/stripe-like/stripe-like.yaml, written from the doc text's
 * sentences (not from authconform's probes): the faithful server passes every check, and each
 * broken twin breaks exactly the checks rows.ts names. A check returns what it saw when the
 * statement is broken, or a skip when a precondition it does not own fails.
 */
import type { ManualClock } from './clock.ts';
import { basicAuth, call, header, until, type Outcome, type Reply } from './http.ts';
import type { StripeLikeServer } from './stripe-like-server.ts';

export interface StripeTarget {
  server: StripeLikeServer;
  clock: ManualClock;
}

const bearer = (key: string) => `Bearer ${key}`;
const get = (t: StripeTarget, path: string, authorization?: string) => call(t.server.url, path, { headers: authorization ? { authorization } : {} });
const post = (t: StripeTarget, path: string, authorization: string, form: Record<string, string>) =>
  call(t.server.url, path, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
const seen = (r: Reply) => `${r.status} ${r.text}`;
const list = (t: StripeTarget, key: string) => get(t, '/v1/customers?limit=3', basicAuth(key));
const ok = (r: Reply) => r.status === 200;
const is429 = (r: Reply) => r.status === 429;
/** the 429 body the summary documents */
const rateLimited = (r: Reply) => r.status === 429 && r.json?.error?.type === 'invalid_request_error';

/** The valid key in the default (Basic) scheme must work before a check that builds on it. */
async function basicWorks(t: StripeTarget): Promise<{ skip: string } | undefined> {
  const r = await list(t, t.server.credentials.valid);
  return ok(r) ? undefined : { skip: `the valid key in Basic was refused (${r.status}) — see STRIPELIKE-AUTH-01` };
}

/** The test-mode key must work before a check that builds on it. */
async function testKeyWorks(t: StripeTarget): Promise<{ skip: string } | undefined> {
  const basic = await basicWorks(t);
  if (basic) return basic;
  const r = await list(t, t.server.credentials.test_mode);
  return ok(r) ? undefined : { skip: `the test key was refused (${r.status}) — see STRIPELIKE-KEY-01` };
}

/** Requests until the first 429 (at most max + 1); a string when none came by then. */
async function exhaust(max: number, send: () => Promise<Reply>): Promise<string | undefined> {
  const replies = await until(max + 1, send, is429);
  const last = replies.at(-1)!;
  if (!rateLimited(last)) return `no 429 within ${max + 1} requests (last: ${seen(last)})`;
  const early = replies.slice(0, -1).find((r) => !ok(r));
  return early ? `a refusal before the limit: ${seen(early)}` : undefined;
}

export const STRIPE_CHECKS: Record<string, (t: StripeTarget) => Promise<Outcome>> = {
  // "Provide your API key as the basic auth username value. You do not need to provide a password."
  'STRIPELIKE-AUTH-01': async (t) => {
    const r = await list(t, t.server.credentials.valid);
    return ok(r) && Array.isArray(r.json?.data) ? undefined : `Basic key: ${seen(r)}`;
  },
  // "If you need to authenticate via bearer auth (e.g., for a cross-origin request), use -H "Authorization: Bearer …""
  'STRIPELIKE-AUTH-02': async (t) => {
    const r = await get(t, '/v1/customers?limit=3', bearer(t.server.credentials.valid));
    return ok(r) ? undefined : `Bearer key: ${seen(r)}`;
  },
  // "API requests without authentication will also fail." + "| 401 | Unauthorized | No valid API key provided. |"
  'STRIPELIKE-AUTH-03': async (t) => {
    const r = await get(t, '/v1/customers?limit=3');
    return r.status === 401 && r.json?.error?.type === 'invalid_request_error' ? undefined : `no key: ${seen(r)}`;
  },
  // "If a request doesn't include a valid key, Stripe returns an invalid request error."
  'STRIPELIKE-AUTH-04': async (t) => {
    const valid = t.server.credentials.valid;
    const variants = {
      unknown: basicAuth('sk_live_000000000000000000000000'),
      'unknown (Bearer)': bearer('sk_test_000000000000000000000000'),
      truncated: basicAuth(valid.slice(0, -4)),
      altered: basicAuth(valid.slice(0, -1) + (valid.endsWith('0') ? '1' : '0')),
      'Token scheme': `Token ${valid}`,
    };
    for (const [name, authorization] of Object.entries(variants)) {
      const r = await get(t, '/v1/customers?limit=3', authorization);
      if (r.status !== 401 || r.json?.error?.type !== 'invalid_request_error') return `${name}: ${seen(r)}`;
    }
    return undefined;
  },
  // "All API requests must be made over HTTPS. Calls made over plain HTTP will fail."
  // A canary key, never a real one: a refusal that is the API's own answer to the canary means the API
  // itself was reached over plain HTTP (a real key would have been served).
  'STRIPELIKE-AUTH-05': async (t) => {
    const canary = { headers: { authorization: basicAuth('sk_live_canary0000000000000000') } };
    let plain: Reply;
    try {
      plain = await call(t.server.credentials.plainUrl, '/v1/customers', canary);
    } catch {
      return undefined;
    }
    const api = await call(t.server.url, '/v1/customers', canary);
    return plain.status < 300 || (plain.status === api.status && plain.text === api.text) ? `plain HTTP reaches the API: ${seen(plain)}` : undefined;
  },
  // "Test mode secret keys have the prefix sk_test_ …"
  'STRIPELIKE-KEY-01': async (t) => {
    const pre = await basicWorks(t);
    if (pre) return pre;
    const r = await list(t, t.server.credentials.test_mode);
    return ok(r) ? undefined : `test key: ${seen(r)}`;
  },
  // "Objects in one mode aren't accessible to the other."
  'STRIPELIKE-KEY-02': async (t) => {
    const { test_mode, customer_id } = t.server.credentials;
    const pre = await testKeyWorks(t);
    if (pre) return pre;
    const own = await list(t, test_mode);
    if (own.text.includes(customer_id)) return 'the test-mode list shows a live customer';
    const r = await get(t, `/v1/customers/${customer_id}`, basicAuth(test_mode));
    return r.status === 404 && !r.text.includes('"email"') ? undefined : `live customer with the test key: ${seen(r)}`;
  },
  // "Publishable API keys are meant solely to identify your account with Stripe, they aren't secret."
  'STRIPELIKE-KEY-03': async (t) => {
    const pre = await basicWorks(t);
    if (pre) return pre;
    t.clock.advance(1000);
    const r = await list(t, t.server.credentials.publishable);
    return r.status === 401 || r.status === 403 ? undefined : `publishable key: ${seen(r)}`;
  },
  // third-party: "This API call cannot be made with a publishable API key."
  'STRIPELIKE-KEY-04': async (t) => {
    const pre = await basicWorks(t);
    if (pre) return pre;
    const r = await list(t, t.server.credentials.publishable);
    if (r.status !== 401 && r.status !== 403) return { skip: `the publishable key was not refused (${r.status}) — see STRIPELIKE-KEY-03` };
    return /publishable API key/.test(String(r.json?.error?.message)) ? undefined : `message: ${r.text}`;
  },
  // "If a request includes a deleted or expired key, Stripe returns an authentication error."
  'STRIPELIKE-KEY-05': async (t) => {
    const pre = await basicWorks(t);
    if (pre) return pre;
    t.clock.advance(1000);
    const r = await list(t, t.server.credentials.revoked_expired);
    return r.status === 401 ? undefined : `deleted key: ${seen(r)}`;
  },
  // "Alternatively, you can use restricted API keys for granular permissions." + the 403 of the summary
  'STRIPELIKE-SCOPE-01': async (t) => {
    const pre = await basicWorks(t);
    if (pre) return pre;
    t.clock.advance(1000);
    const { scoped } = t.server.credentials;
    const denied = await post(t, '/v1/customers', basicAuth(scoped), { email: 'jenny.rosen@example.com', name: 'Jenny Rosen' });
    if (denied.status !== 403) return `restricted key creating a customer: ${seen(denied)}`;
    const allowed = await list(t, scoped);
    return ok(allowed) ? undefined : `restricted key listing: ${seen(allowed)}`;
  },
  // "Each API request has an associated request identifier. You can find this value in the response headers, under Request-Id."
  'STRIPELIKE-HDR-01': async (t) => {
    const pre = await basicWorks(t);
    if (pre) return pre;
    t.clock.advance(1000);
    for (const r of [await list(t, t.server.credentials.valid), await get(t, '/v1/customers?limit=3')])
      if (!header(r, 'request-id')) return `no Request-Id on a ${r.status}`;
    return undefined;
  },
  // "Live mode: 100 read operations and 100 write operations"
  'STRIPELIKE-RATE-01': async (t) => (await basicWorks(t)) ?? (t.clock.advance(1000), exhaust(100, () => list(t, t.server.credentials.valid))),
  // "Test mode: 25 read operations and 25 write operations"
  'STRIPELIKE-RATE-02': async (t) => {
    const pre = await testKeyWorks(t);
    if (pre) return pre;
    return exhaust(24, () => list(t, t.server.credentials.test_mode));
  },
  // "These stricter limits apply separately to live mode and test mode." (Search API: 20 reads per second)
  'STRIPELIKE-RATE-03': async (t) => {
    const pre = await testKeyWorks(t);
    if (pre) return pre;
    t.clock.advance(1000);
    const { valid, test_mode } = t.server.credentials;
    const search = (key: string) => get(t, `/v1/customers/search?query=${encodeURIComponent("email:'jenny.rosen@example.com'")}`, basicAuth(key));
    const spent = await exhaust(20, () => search(valid));
    if (spent !== undefined) return { skip: `the live Search limit: ${spent}` };
    const r = await search(test_mode);
    return ok(r) ? undefined : `test-mode search while the live Search limit is spent: ${seen(r)}`;
  },
  // "Calls to the Meter events endpoint in live mode are subject to a separate rate limit, and don't count against the basic limits."
  'STRIPELIKE-RATE-04': async (t) => {
    const pre = await basicWorks(t);
    if (pre) return pre;
    t.clock.advance(1000);
    const { valid, customer_id } = t.server.credentials;
    const spent = await exhaust(100, () => post(t, '/v1/customers', basicAuth(valid), { email: 'w@example.com' }));
    if (spent !== undefined) return { skip: `the live write limit: ${spent}` };
    const r = await post(t, '/v1/billing/meter_events', basicAuth(valid), { event_name: 'api_calls', 'payload[value]': '1', 'payload[stripe_customer_id]': customer_id });
    return ok(r) ? undefined : `meter event while live writes are spent: ${seen(r)}`;
  },
  // "The basic rate limiter restricts the number of API requests per second as follows:"
  'STRIPELIKE-RATE-05': async (t) => {
    const pre = await basicWorks(t);
    if (pre) return pre;
    t.clock.advance(1000);
    const spent = await exhaust(100, () => list(t, t.server.credentials.valid));
    if (spent !== undefined) return { skip: `the live read limit: ${spent} — see STRIPELIKE-RATE-01` };
    t.clock.advance(1000);
    const r = await list(t, t.server.credentials.valid);
    return ok(r) ? undefined : `one second later: ${seen(r)}`;
  },
};
