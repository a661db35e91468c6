/**
 * The faithful Stripe-like server does what each quoted doc sentence says
 * (examples/stripe-like/stripe-like-authentication.txt). One server for the file, a manual clock.
 */
import { describe, expect, test } from 'vitest';
import { ManualClock, httpDate } from './clock.ts';
import { basicAuth, call, header, verdicts } from './http.ts';
import { STRIPE_CHECKS, type StripeTarget } from './stripe-like-statements.ts';
import { faithfulStages, startStripeLike, type OperationId } from './stripe-like-server.ts';

const it = test.extend('target', { scope: 'file' }, async ({}, { onCleanup }): Promise<StripeTarget> => {
  const clock = new ManualClock();
  const server = await startStripeLike({ clock });
  onCleanup(() => server.close());
  return { server, clock };
});

/** a fresh second for every test: the per-second counters start at zero */
const nextSecond = (t: StripeTarget) => t.clock.advance(3_600_000);
const list = (t: StripeTarget, authorization?: string) => call(t.server.url, '/v1/customers?limit=3', { headers: authorization ? { authorization } : {} });
const NO_KEY = { error: { type: 'invalid_request_error', message: 'No valid API key provided.' } };
const TOO_MANY = { error: { type: 'invalid_request_error', message: 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.' } };

describe('faithful Stripe-like server', { timeout: 60_000 }, () => {
  it('Basic with the key as username and no password, or Bearer: the live customers, dated by its clock', async ({ target }) => {
    const { valid, customer_id } = target.server.credentials;
    const now = nextSecond(target);
    for (const authorization of [basicAuth(valid), `Bearer ${valid}`, `bearer ${valid}`, basicAuth(valid, 'ignored')]) {
      const r = await list(target, authorization);
      expect([r.status, r.json.object, r.json.data.length, r.json.data[0].id, r.json.data[0].livemode]).toEqual([200, 'list', 2, customer_id, true]);
      expect(header(r, 'date')).toBe(httpDate(now));
      expect(header(r, 'request-id')).toMatch(/^req_[0-9a-f]{14}$/);
    }
  });

  it('no key, an empty Basic username, another scheme or an unknown key: 401 invalid_request_error', async ({ target }) => {
    nextSecond(target);
    for (const authorization of [undefined, basicAuth(''), `Digest ${target.server.credentials.valid}`, basicAuth('sk_live_000000000000000000000000')]) {
      const r = await list(target, authorization);
      expect([r.status, r.json]).toEqual([401, NO_KEY]);
    }
  });

  it('deleted key: 401 authentication_error; publishable keys: 401 with the publishable message', async ({ target }) => {
    const c = target.server.credentials;
    nextSecond(target);
    expect((await list(target, basicAuth(c.revoked_expired))).json).toEqual({ error: { type: 'authentication_error', message: 'This API key has been deleted.' } });
    for (const key of [c.publishable, c.publishable_test]) {
      const r = await list(target, basicAuth(key));
      expect([r.status, r.json]).toEqual([401, { error: { type: 'invalid_request_error', message: 'This API call cannot be made with a publishable API key.' } }]);
    }
  });

  it('test and live data are apart: each key sees its own mode, the other mode is 404', async ({ target }) => {
    const c = target.server.credentials;
    nextSecond(target);
    const test = await list(target, basicAuth(c.test_mode));
    expect(test.json.data.map((x: { id: string; livemode: boolean }) => [x.id, x.livemode])).toEqual([[c.test_customer_id, false]]);
    const cross = await call(target.server.url, `/v1/customers/${c.test_customer_id}`, { headers: { authorization: basicAuth(c.valid) } });
    expect([cross.status, cross.json]).toEqual([404, { error: { type: 'invalid_request_error', message: `No such customer: '${c.test_customer_id}'` } }]);
  });

  it('a restricted key reads but may not write: 403', async ({ target }) => {
    nextSecond(target);
    const r = await call(target.server.url, '/v1/customers', { method: 'POST', headers: { authorization: basicAuth(target.server.credentials.scoped), 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40example.com' });
    expect([r.status, r.json.error.type]).toEqual([403, 'invalid_request_error']);
  });

  it('100 live reads a second, then 429 with the summary message; the next second serves again', async ({ target }) => {
    const { valid } = target.server.credentials;
    nextSecond(target);
    const statuses = [];
    for (let i = 0; i < 101; i++) statuses.push((await list(target, basicAuth(valid))).status);
    expect(statuses).toEqual([...Array(100).fill(200), 429]);
    const limited = await list(target, basicAuth(valid));
    expect([limited.status, limited.json, Boolean(header(limited, 'request-id'))]).toEqual([429, TOO_MANY, true]);
    target.clock.advance(1000);
    expect((await list(target, basicAuth(valid))).status).toBe(200);
  });

  it('Search counts against the basic limit too: 20 searches + 80 lists fill the 100 live reads', async ({ target }) => {
    const { valid } = target.server.credentials;
    nextSecond(target);
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await call(target.server.url, '/v1/customers/search?query=x', { headers: { authorization: basicAuth(valid) } })).status);
    expect(statuses).toEqual([...Array(20).fill(200), 429]);
    for (let i = 0; i < 80; i++) expect((await list(target, basicAuth(valid))).status).toBe(200);
    expect((await list(target, basicAuth(valid))).status).toBe(429);
  });

  it('live meter events have a limit of their own (1000 a second) and leave the basic ones alone', ({ target }) => {
    const stages = faithfulStages(target.server.world);
    const key = target.server.world.keys.get(target.server.credentials.valid)!;
    const at = (op: OperationId, method: string) => ({ method, url: new URL('http://x/'), authorization: undefined, body: '', now: 0, op });
    expect(stages.limits(key, at('createMeterEvent', 'POST'))).toEqual([{ id: 'meter-live', max: 1000, counter: 'acct_orbit:meter-live' }]);
    expect(stages.limits(key, at('createCustomer', 'POST'))).toEqual([{ id: 'live-write', max: 100, counter: 'acct_orbit:live:write' }]);
    expect(stages.limits(key, at('searchCustomers', 'GET'))).toEqual([
      { id: 'live-read', max: 100, counter: 'acct_orbit:live:read' },
      { id: 'search', max: 20, counter: 'acct_orbit:live:search' },
    ]);
  });

  // last: the checks create customers
  it('passes the check of every requirement of the example spec', async ({ target }) => {
    const v = await verdicts(STRIPE_CHECKS, target, () => nextSecond(target));
    expect(v).toEqual({ failing: [], skipped: [], notes: [] });
  });

  it('plain HTTP: the connection is reset before any answer', async ({ target }) => {
    await expect(call(target.server.credentials.plainUrl, '/v1/customers')).rejects.toThrow();
  });
});
