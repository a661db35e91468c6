/**
 * The faithful GitHub-like server does what each quoted doc sentence says
 * (examples/github-like/github-like-authentication.txt). One server for the file, a manual clock.
 */
import { describe, expect, test } from 'vitest';
import { ManualClock, httpDate } from './clock.ts';
import { basicAuth, call, header, verdicts } from './http.ts';
import { GITHUB_CHECKS, type GithubTarget } from './github-like-statements.ts';
import { startGithubLike } from './github-like-server.ts';

const it = test.extend('target', { scope: 'file' }, async ({}, { onCleanup }): Promise<GithubTarget> => {
  const clock = new ManualClock();
  const server = await startGithubLike({ clock });
  onCleanup(() => server.close());
  return { server, clock };
});

const UA = { 'user-agent': 'example-self-test' };
/** a fresh hour for every test: windows and lockouts start over */
const nextHour = (t: GithubTarget) => t.clock.advance(3_600_000);
const get = (t: GithubTarget, path: string, authorization?: string) => call(t.server.url, path, { headers: authorization ? { ...UA, authorization } : UA });
const rate = (r: { headers: Record<string, unknown> }) => ['limit', 'remaining', 'used', 'reset', 'resource'].map((n) => header(r as never, `x-ratelimit-${n}`));

describe('faithful GitHub-like server', { timeout: 60_000 }, () => {
  it('Bearer and token (any case), ghp_ and github_pat_ tokens reach the same repositories; headers: scopes, rate limit, Date', async ({ target }) => {
    const { valid, fine_grained } = target.server.credentials;
    expect([valid, fine_grained].map((t) => /^(ghp_|github_pat_)[A-Za-z0-9_]+$/.test(t))).toEqual([true, true]);
    const now = nextHour(target);
    const reset = String(Math.ceil((now + 3_600_000) / 1000));
    const seen = [];
    for (const authorization of [`Bearer ${valid}`, `token ${valid}`, `Token ${valid}`, `Bearer ${fine_grained}`]) {
      const r = await get(target, '/user/repos', authorization);
      expect(r.json.map((x: { full_name: string; private: boolean }) => [x.full_name, x.private])).toEqual([['alpha/secret-plans', true], ['alpha/hello-world', false]]);
      expect([header(r, 'x-oauth-scopes'), header(r, 'x-accepted-oauth-scopes'), header(r, 'date')]).toEqual(['repo, user', 'repo', httpDate(now)]);
      seen.push(rate(r));
    }
    expect(seen).toEqual([1, 2, 3, 4].map((used) => ['5000', String(5000 - used), String(used), reset, 'core']));
  });

  it('no token: public data at 60 an hour per address; /user/repos and private repositories are 404', async ({ target }) => {
    nextHour(target);
    const pub = await get(target, '/octocat');
    expect([pub.status, header(pub, 'content-type'), rate(pub).slice(0, 3)]).toEqual([200, 'text/plain; charset=utf-8', ['60', '59', '1']]);
    for (const path of ['/user/repos', '/repos/alpha/secret-plans', '/repos/bravo/bravo-private']) {
      const r = await get(target, path);
      expect([r.status, r.json.message, header(r, 'x-oauth-scopes')]).toEqual([404, 'Not Found', undefined]);
    }
    expect((await get(target, '/repos/alpha/hello-world')).status).toBe(200);
  });

  it('invalid credentials, Basic user:password and other schemes: 401 Bad credentials; a query token: 400; no User-Agent: 403', async ({ target }) => {
    const { valid } = target.server.credentials;
    nextHour(target);
    for (const authorization of [`Bearer ghp_${'Z'.repeat(36)}`, basicAuth('alpha', valid), `Digest ${valid}`, 'Bearer']) {
      const r = await get(target, '/user/repos', authorization);
      expect([r.status, r.json.message]).toEqual([401, 'Bad credentials']);
    }
    const query = await get(target, `/user/repos?access_token=${valid}`);
    expect([query.status, query.json.message]).toEqual([400, 'Must specify access token via Authorization header.']);
    const noAgent = await call(target.server.url, '/user/repos', { headers: { authorization: `Bearer ${valid}` } });
    expect([noAgent.status, noAgent.json.message]).toEqual([403, 'Request forbidden: send a User-Agent header.']);
  });

  it('10 invalid attempts within a minute lock out every authenticated request for 5 minutes; anonymous ones pass', async ({ target }) => {
    const { valid, other_tenant } = target.server.credentials;
    nextHour(target);
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await get(target, '/user/repos', `token ghp_bad${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    for (const token of [valid, other_tenant, 'ghp_bad']) {
      const r = await get(target, '/user/repos', `Bearer ${token}`);
      expect([r.status, r.json.message]).toEqual([403, 'Maximum number of login attempts exceeded. Please try again later.']);
    }
    expect((await get(target, '/octocat')).status).toBe(200);
    target.clock.advance(5 * 60_000 - 1);
    expect((await get(target, '/user/repos', `Bearer ${valid}`)).status).toBe(403);
    target.clock.advance(1);
    expect((await get(target, '/user/repos', `Bearer ${valid}`)).status).toBe(200);
  });

  it('9 invalid attempts, a minute apart from the 10th: no lockout', async ({ target }) => {
    nextHour(target);
    for (let i = 0; i < 9; i++) await get(target, '/user/repos', `token ghp_bad${i}`);
    target.clock.advance(60_000);
    expect((await get(target, '/user/repos', 'token ghp_bad9')).status).toBe(401);
    expect((await get(target, '/user/repos', `Bearer ${target.server.credentials.valid}`)).status).toBe(200);
  });

  it('the 61st anonymous request of the hour: 403, remaining 0, no retry-after; GET /rate_limit is not counted', async ({ target }) => {
    nextHour(target);
    const statuses = [];
    for (let i = 0; i < 60; i++) statuses.push((await get(target, i % 2 ? '/octocat' : '/repos/alpha/hello-world')).status);
    expect(statuses).toEqual(Array(60).fill(200));
    const status = await get(target, '/rate_limit');
    expect([status.status, status.json.rate.remaining, status.json.rate.used]).toEqual([200, 0, 60]);
    const over = await get(target, '/octocat');
    expect([over.status, over.json.message, header(over, 'x-ratelimit-remaining'), header(over, 'retry-after')]).toEqual([403, 'API rate limit exceeded. Check out the documentation for more details.', '0', undefined]);
  });

  it('900 points a minute on one endpoint: the 181st POST (5 points) gets 429 with retry-after and the secondary message', async ({ target }) => {
    const { valid } = target.server.credentials;
    nextHour(target);
    const post = () => call(target.server.url, '/user/repos', { method: 'POST', headers: { ...UA, authorization: `Bearer ${valid}`, 'content-type': 'application/json' }, body: '{"name":"x"}' });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 180; i++) {
      const s = (await post()).status;
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    expect([...statuses]).toEqual([[201, 180]]);
    target.clock.advance(15_000);
    const over = await post();
    expect([over.status, over.json.message, header(over, 'retry-after')]).toEqual([429, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', '45']);
    expect((await get(target, '/user/repos', `Bearer ${valid}`)).status).toBe(200);
  });

  it('passes the check of every requirement of the example spec', async ({ target }) => {
    const v = await verdicts(GITHUB_CHECKS, target, () => nextHour(target));
    expect(v).toEqual({ failing: [], skipped: [], notes: [] });
  });
});
