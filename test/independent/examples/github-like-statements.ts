/**
 * One check per requirement of examples/github-like/github-like.yaml, written from the doc text's
 * sentences (not from authconform's probes): the faithful server passes every check, and each
 * broken twin breaks exactly the checks rows.ts names. A check returns what it saw when the
 * statement is broken, or a skip when a precondition it does not own fails.
 */
import type { ManualClock } from './clock.ts';
import { basicAuth, call, header, until, type Outcome, type Reply } from './http.ts';
import type { GithubLikeServer } from './github-like-server.ts';

export interface GithubTarget {
  server: GithubLikeServer;
  clock: ManualClock;
}

const UA = { 'user-agent': 'authconform-example-checks' };
const bearer = (token: string) => ({ ...UA, authorization: `Bearer ${token}` });
const get = (t: GithubTarget, path: string, headers: Record<string, string> = UA) => call(t.server.url, path, { headers });
const repos = (t: GithubTarget, token = t.server.credentials.valid) => get(t, '/user/repos?per_page=5', bearer(token));
const octocat = (t: GithubTarget) => get(t, '/octocat');
const privateRepo = (t: GithubTarget) => `/repos/${t.server.credentials.owner}/${t.server.credentials.private_repo}`;
const seen = (r: Reply) => `${r.status} ${r.text.slice(0, 160)}`;
const int = (r: Reply, name: string): number | undefined => {
  const v = header(r, name);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
};
const ok = (r: Reply) => r.status === 200;
const isLimit = (r: Reply) => r.status === 403 || r.status === 429;

/** The valid token in Bearer must work before a check that builds on it. */
async function bearerWorks(t: GithubTarget): Promise<{ skip: string } | undefined> {
  const r = await repos(t);
  return ok(r) ? undefined : { skip: `the valid token in Bearer was refused (${r.status}) — see GHLIKE-AUTH-01` };
}
/** Public data must be served without a token before an anonymous-limit check. */
async function anonymousWorks(t: GithubTarget): Promise<{ skip: string } | undefined> {
  const r = await octocat(t);
  return ok(r) ? undefined : { skip: `GET /octocat without a token: ${r.status} — see GHLIKE-PUB-01` };
}
/** The anonymous limit header must say 60 before the 61st request is expected to be refused. */
async function anonymousIs60(t: GithubTarget): Promise<{ skip: string } | undefined> {
  const r = await octocat(t);
  if (!ok(r)) return { skip: `GET /octocat without a token: ${r.status} — see GHLIKE-PUB-01` };
  return int(r, 'x-ratelimit-limit') === 60 ? undefined : { skip: `the anonymous limit header is ${header(r, 'x-ratelimit-limit')} — see GHLIKE-RATE-03` };
}
/** Requests without a token until the first refusal (at most 61 more after the one spent). */
const exhaustAnonymous = (t: GithubTarget) => until(61, () => octocat(t), (r) => !ok(r));
/**
 * POSTs (5 points each) to one endpoint until a refusal: at most 181. Spent once per server: RATE-09
 * and RATE-11 read two statements off the same refusal (the exhaustion is the costliest step).
 */
const secondaryRuns = new WeakMap<GithubLikeServer, Promise<Reply[]>>();
function exhaustSecondary(t: GithubTarget): Promise<Reply[]> {
  let run = secondaryRuns.get(t.server);
  if (run === undefined) {
    const post = () => call(t.server.url, '/user/repos', { method: 'POST', headers: { ...bearer(t.server.credentials.valid), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'p', private: true }) });
    run = until(181, post, (r) => r.status !== 201);
    secondaryRuns.set(t.server, run);
  }
  return run;
}

/** Invalid tokens until the lockout: the statuses seen, then the valid token's reply. */
async function tripLockout(t: GithubTarget): Promise<{ statuses: number[]; locked: Reply }> {
  const statuses: number[] = [];
  for (let i = 0; i < t.server.world.lockout.after; i++) statuses.push((await repos(t, `ghp_${'x'.repeat(35)}${i % 10}`)).status);
  return { statuses, locked: await repos(t) };
}

export const GITHUB_CHECKS: Record<string, (t: GithubTarget) => Promise<Outcome>> = {
  // "After creating a token, you can authenticate your request by sending the token in the Authorization header of your request."
  'GHLIKE-AUTH-01': async (t) => {
    const r = await repos(t);
    const shaped = Array.isArray(r.json) && r.json.every((x: any) => Number.isInteger(x.id) && typeof x.name === 'string' && typeof x.private === 'boolean' && typeof x.owner?.login === 'string');
    return ok(r) && shaped ? undefined : `Bearer token: ${seen(r)}`;
  },
  // "In most cases, you can use Authorization: Bearer or Authorization: token to pass a token."
  'GHLIKE-AUTH-02': async (t) => {
    const r = await get(t, '/user/repos?per_page=5', { ...UA, authorization: `token ${t.server.credentials.valid}` });
    return ok(r) ? undefined : `token word: ${seen(r)}`;
  },
  // "If you try to use a REST API endpoint without a token …, you will receive a 404 Not Found or 403 Forbidden response."
  'GHLIKE-AUTH-03': async (t) => {
    const r = await get(t, '/user/repos?per_page=5');
    return r.status === 404 || r.status === 403 ? undefined : `no token: ${seen(r)}`;
  },
  // "Authenticating with invalid credentials will initially return a 401 Unauthorized response."
  'GHLIKE-AUTH-04': async (t) => {
    const valid = t.server.credentials.valid;
    const variants = [
      ...['ghp_', 'github_pat_', 'gho_', 'ghu_', 'ghs_'].map((p) => `${p}${'Z'.repeat(36)}`),
      valid.slice(0, -4),
      valid.slice(0, -1) + (valid.endsWith('0') ? '1' : '0'),
    ];
    for (const token of variants) {
      const r = await repos(t, token);
      if (r.status !== 401) return `invalid token ${token.slice(0, 6)}…: ${seen(r)}`;
    }
    return undefined;
  },
  // "If you try to authenticate with user name and password, you will receive a 4xx error."
  'GHLIKE-AUTH-05': async (t) => {
    const r = await get(t, '/user/repos?per_page=5', { ...UA, authorization: basicAuth(t.server.credentials.owner, t.server.credentials.valid) });
    return r.status >= 400 && r.status < 500 ? undefined : `Basic user:password: ${seen(r)}`;
  },
  // "If you are passing credentials via query or path parameters, GitHub will respond with client errors."
  'GHLIKE-AUTH-06': async (t) => {
    const r = await get(t, `/user/repos?per_page=5&access_token=${t.server.credentials.valid}`);
    return r.status >= 400 && r.status < 500 ? undefined : `access_token in the query: ${seen(r)}`;
  },
  // "Requests without a valid User-Agent header will be rejected."
  'GHLIKE-AUTH-07': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const r = await call(t.server.url, '/user/repos?per_page=5', { headers: { authorization: `Bearer ${t.server.credentials.valid}` } });
    return r.status >= 400 && r.status < 500 ? undefined : `no User-Agent: ${seen(r)}`;
  },
  // "After detecting several requests with invalid credentials within a short period, the API will temporarily
  // reject all authentication attempts for that user (including ones with valid credentials) with a 403 Forbidden response."
  'GHLIKE-LOCK-01': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const { statuses, locked } = await tripLockout(t);
    if (statuses.some((s) => s !== 401)) return { skip: `invalid tokens got ${statuses.join(',')} — see GHLIKE-AUTH-04` };
    if (locked.status !== 403) return `the valid token after ${statuses.length} invalid ones: ${seen(locked)}`;
    t.clock.advance(t.server.world.lockout.lastsMs + 1000);
    const after = await repos(t);
    return ok(after) ? undefined : `the valid token after the lockout: ${seen(after)}`;
  },
  // third-party (Octokit.rb): "Raised when GitHub returns a 403 HTTP status code and body matches 'login attempts exceeded'"
  'GHLIKE-LOCK-02': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const { locked } = await tripLockout(t);
    if (locked.status !== 403) return { skip: `no lockout (${locked.status}) — see GHLIKE-LOCK-01` };
    return /login attempts exceeded/i.test(locked.text) ? undefined : `lockout body: ${locked.text}`;
  },
  // "You can make unauthenticated requests if you are only fetching public data."
  'GHLIKE-PUB-01': async (t) => {
    const r = await octocat(t);
    return ok(r) ? undefined : `GET /octocat without a token: ${seen(r)}`;
  },
  // "If you make a request to access a private resource and your request isn't properly authenticated, you will receive a 404 Not Found response."
  'GHLIKE-PRIV-01': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const r = await get(t, privateRepo(t));
    return r.status === 404 && !r.text.includes(t.server.credentials.private_repo) ? undefined : `private repository without a token: ${seen(r)}`;
  },
  // "GitHub uses a 404 Not Found response instead of a 403 Forbidden response to avoid confirming the existence of private repositories."
  'GHLIKE-PRIV-02': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const own = await get(t, privateRepo(t), bearer(t.server.credentials.valid));
    if (!ok(own)) return { skip: `the owner cannot read the private repository (${own.status})` };
    const r = await get(t, privateRepo(t), bearer(t.server.credentials.other_tenant));
    if (r.status !== 404 || r.text.includes(String(own.json.id))) return `another user's token: ${seen(r)}`;
    const theirs = await repos(t, t.server.credentials.other_tenant);
    return ok(theirs) && !theirs.text.includes(t.server.credentials.private_repo) ? undefined : `another user's list: ${seen(theirs)}`;
  },
  // "… or with a token that has insufficient permissions, you will receive a 404 Not Found or 403 Forbidden response."
  'GHLIKE-SCOPE-01': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const { scoped } = t.server.credentials;
    const denied = await call(t.server.url, '/user/repos', { method: 'POST', headers: { ...bearer(scoped), 'content-type': 'application/json' }, body: '{"name":"probe","private":true}' });
    if (denied.status !== 403 && denied.status !== 404) return `token without repo creating a repository: ${seen(denied)}`;
    const allowed = await repos(t, scoped);
    return ok(allowed) ? undefined : `token without repo listing: ${seen(allowed)}`;
  },
  // "You can use the headers that are sent with each response to determine the current status of your primary rate limit."
  'GHLIKE-RATE-01': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    for (const r of [await repos(t), await octocat(t)]) {
      const limit = int(r, 'x-ratelimit-limit');
      const remaining = int(r, 'x-ratelimit-remaining');
      if (limit === undefined || remaining === undefined || int(r, 'x-ratelimit-reset') === undefined || remaining > limit)
        return `a ${r.status} with limit ${header(r, 'x-ratelimit-limit')}, remaining ${header(r, 'x-ratelimit-remaining')}, reset ${header(r, 'x-ratelimit-reset')}`;
    }
    return undefined;
  },
  // "All of these requests count towards your personal rate limit of 5,000 requests per hour."
  'GHLIKE-RATE-02': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const r = await repos(t);
    return int(r, 'x-ratelimit-limit') === 5000 ? undefined : `x-ratelimit-limit ${header(r, 'x-ratelimit-limit')}`;
  },
  // "The primary rate limit for unauthenticated requests is 60 requests per hour."
  'GHLIKE-RATE-03': async (t) => {
    const pre = await anonymousWorks(t);
    if (pre) return pre;
    const r = await octocat(t);
    return int(r, 'x-ratelimit-limit') === 60 ? undefined : `x-ratelimit-limit without a token: ${header(r, 'x-ratelimit-limit')}`;
  },
  // "| x-ratelimit-remaining | The number of requests remaining in the current rate limit window |"
  'GHLIKE-RATE-04': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const [a, b] = [int(await repos(t), 'x-ratelimit-remaining'), int(await repos(t), 'x-ratelimit-remaining')];
    if (a === undefined || b === undefined) return { skip: 'no x-ratelimit-remaining — see GHLIKE-RATE-01' };
    return b === a - 1 ? undefined : `remaining ${a} then ${b}`;
  },
  // "| x-ratelimit-used | The number of requests you have made in the current rate limit window |"
  'GHLIKE-RATE-05': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const [a, b] = [await repos(t), await repos(t)];
    const [usedA, usedB] = [int(a, 'x-ratelimit-used'), int(b, 'x-ratelimit-used')];
    if (usedA === undefined || usedB === undefined) return `x-ratelimit-used: ${header(a, 'x-ratelimit-used')}`;
    if (usedA + int(a, 'x-ratelimit-remaining')! !== int(a, 'x-ratelimit-limit')) return `used ${usedA} + remaining ${header(a, 'x-ratelimit-remaining')} ≠ limit ${header(a, 'x-ratelimit-limit')}`;
    return usedB === usedA + 1 ? undefined : `used ${usedA} then ${usedB}`;
  },
  // "| x-ratelimit-resource | The rate limit resource that the request counted against. |"
  'GHLIKE-RATE-06': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const [a, b] = [header(await repos(t), 'x-ratelimit-resource'), header(await repos(t), 'x-ratelimit-resource')];
    return a !== undefined && a !== '' && a === b ? undefined : `x-ratelimit-resource ${a} then ${b}`;
  },
  // "| x-ratelimit-reset | The time at which the current rate limit window resets, in UTC epoch seconds |"
  'GHLIKE-RATE-07': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const r = await repos(t);
    const reset = int(r, 'x-ratelimit-reset');
    if (reset === undefined) return { skip: 'no x-ratelimit-reset — see GHLIKE-RATE-01' };
    const date = Date.parse(header(r, 'date') ?? '') / 1000;
    return reset > date && reset <= date + 3600 ? undefined : `reset ${reset} against Date ${date}`;
  },
  // "If you exceed your primary rate limit, you will receive a 403 or 429 response, and the x-ratelimit-remaining header will be 0."
  'GHLIKE-RATE-08': async (t) => {
    const pre = await anonymousIs60(t);
    if (pre) return pre;
    const replies = await exhaustAnonymous(t);
    const last = replies.at(-1)!;
    if (replies.length !== 60) return `the refusal came at request ${replies.length + 1} of the hour (${seen(last)})`;
    return isLimit(last) && header(last, 'x-ratelimit-remaining') === '0' ? undefined : `over the limit: ${seen(last)} remaining ${header(last, 'x-ratelimit-remaining')}`;
  },
  // "If the retry-after response header is present, you should not retry your request until after that many seconds has elapsed."
  'GHLIKE-RATE-09': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const last = (await exhaustSecondary(t)).at(-1)!;
    if (!isLimit(last)) return { skip: `no secondary limit within 900 points (${last.status}) — see GHLIKE-RATE-11` };
    const retryAfter = header(last, 'retry-after');
    if (retryAfter !== undefined) return /^\d+$/.test(retryAfter) ? undefined : `retry-after ${JSON.stringify(retryAfter)}`;
    const reset = int(last, 'x-ratelimit-reset');
    return header(last, 'x-ratelimit-remaining') === '0' && reset !== undefined && reset * 1000 > t.clock.now() ? undefined : 'neither retry-after nor remaining 0 with a future reset';
  },
  // "Calling this endpoint does not count against your primary rate limit, but it can count against your secondary rate limit."
  'GHLIKE-RATE-10': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    // the step of one counted request, then the step across GET /rate_limit: the same
    const [a, b] = [int(await repos(t), 'x-ratelimit-remaining'), int(await repos(t), 'x-ratelimit-remaining')];
    await get(t, '/rate_limit', bearer(t.server.credentials.valid));
    const c = int(await repos(t), 'x-ratelimit-remaining');
    if (a === undefined || b === undefined || c === undefined) return { skip: 'no x-ratelimit-remaining — see GHLIKE-RATE-01' };
    return b - c === a - b ? undefined : `remaining ${a}, ${b}, GET /rate_limit, then ${c}`;
  },
  // "No more than 900 points per minute are allowed for REST API endpoints" + "an error message that indicates that you exceeded a secondary rate limit"
  'GHLIKE-RATE-11': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const replies = await exhaustSecondary(t);
    const last = replies.at(-1)!;
    if (replies.length !== 181 || !isLimit(last)) return `after ${replies.length} POSTs of 5 points: ${seen(last)}`;
    return /secondary rate limit/i.test(String(last.json?.message)) ? undefined : `message: ${last.text}`;
  },
  // "You should not retry your request until after the time specified by the x-ratelimit-reset header."
  'GHLIKE-RATE-12': async (t) => {
    const pre = await anonymousIs60(t);
    if (pre) return pre;
    const last = (await exhaustAnonymous(t)).at(-1)!;
    const reset = int(last, 'x-ratelimit-reset');
    if (!isLimit(last) || reset === undefined) return { skip: `no refusal with a reset (${last.status}) — see GHLIKE-RATE-08` };
    if (reset * 1000 <= t.clock.now()) return { skip: `x-ratelimit-reset ${reset} is no future epoch time — see GHLIKE-RATE-07` };
    t.clock.advance(reset * 1000 - t.clock.now() + 1000);
    const again = await octocat(t);
    return ok(again) ? undefined : `after x-ratelimit-reset: ${seen(again)}`;
  },
  // "X-OAuth-Scopes lists the scopes your token has authorized."
  'GHLIKE-HDR-01': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const v = header(await repos(t), 'x-oauth-scopes');
    return v !== undefined && /^[A-Za-z0-9_:, ]*$/.test(v) && v.split(/,\s*/).sort().join(',') === 'repo,user' ? undefined : `X-OAuth-Scopes ${v}`;
  },
  // "X-Accepted-OAuth-Scopes lists the scopes that the action checks for."
  'GHLIKE-HDR-02': async (t) => {
    const pre = await bearerWorks(t);
    if (pre) return pre;
    const v = header(await repos(t), 'x-accepted-oauth-scopes');
    return v !== undefined && /^[A-Za-z0-9_:, ]*$/.test(v) ? undefined : `X-Accepted-OAuth-Scopes ${v}`;
  },
};
