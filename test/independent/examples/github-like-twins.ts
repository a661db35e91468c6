/**
 * Broken twins of the faithful GitHub-like server: each wraps ONE stage of the faithful pipeline
 * (github-like-server.ts) and breaks one documented statement; rows.ts names the requirement ids
 * that must catch it. `variant:` entries are conformant variants (choices the docs leave free).
 */
import { message, notFound, type GithubTwin, type Presented } from './github-like-server.ts';

const HOUR = 3_600_000;

/** `headers` without `name`. */
const without = (headers: Record<string, string>, name: string): Record<string, string> => {
  const { [name]: _dropped, ...rest } = headers;
  return rest;
};

export const GITHUB_TWINS = {
  /** `Authorization: Bearer` refused, `token` still works (breaks "sending the token in the Authorization header") */
  'bearer-refused': (s) => ({ ...s, presented: (call): Presented => (/^bearer\s/i.test(call.authorization ?? '') ? { kind: 'invalid', why: 'Bearer' } : s.presented(call)) }),
  /** `Authorization: token` refused (breaks "you can use Authorization: Bearer or Authorization: token") */
  'token-word-refused': (s) => ({ ...s, presented: (call): Presented => (/^token\s/i.test(call.authorization ?? '') ? { kind: 'invalid', why: 'token' } : s.presented(call)) }),
  /** no token on an endpoint that needs one: 401 (breaks "404 Not Found or 403 Forbidden") */
  'missing-as-401': (s) => ({
    ...s,
    serve: (caller, call, w) => (caller.kind === 'anonymous' && (call.route === 'listMyRepos' || call.route === 'createRepo') ? message(401, 'Requires authentication') : s.serve(caller, call, w)),
  }),
  /** invalid credentials: 403 from the first one (breaks "will initially return a 401 Unauthorized response") */
  'invalid-as-403': (s) => ({
    ...s,
    authenticate: (call, presented) => {
      const out = s.authenticate(call, presented);
      return 'status' in out && out.status === 401 ? { ...out, status: 403 } : out;
    },
  }),
  /** Basic owner:token is accepted (breaks "Authentication with username and password is not supported.") */
  'basic-accepted': (s) => ({
    ...s,
    presented: (call): Presented => {
      const m = /^basic\s+(\S+)$/i.exec(call.authorization ?? '');
      if (m === null) return s.presented(call);
      const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
      return { kind: 'token', value: decoded.slice(decoded.indexOf(':') + 1) };
    },
  }),
  /** `?access_token=` is honoured (breaks "If you are passing credentials via query …, GitHub will respond with client errors.") */
  'query-token': (s) => ({
    ...s,
    refusedPlacement: () => undefined,
    presented: (call) => {
      const token = call.url.searchParams.get('access_token');
      return token === null ? s.presented(call) : { kind: 'token', value: token };
    },
  }),
  /** no User-Agent is fine (breaks "Requests without a valid User-Agent header will be rejected.") */
  'ua-optional': (s) => ({ ...s, requireAgent: () => undefined }),
  /** never locks out (breaks the failed login limit) */
  'no-lockout': (s) => ({ ...s, lockout: () => undefined }),
  /** locks out invalid credentials only (breaks "(including ones with valid credentials)") */
  'lockout-spares-valid': (s, w) => ({ ...s, lockout: (call, presented) => (presented.kind === 'token' && w.tokens.has(presented.value) ? undefined : s.lockout(call, presented)) }),
  /** the lockout's 403 says only "Forbidden" (breaks the Octokit-quoted 'login attempts exceeded') */
  'lockout-message-generic': (s) => ({ ...s, lockout: (call, presented) => (s.lockout(call, presented) ? message(403, 'Forbidden') : undefined) }),
  /** public data needs a token (breaks "You can make unauthenticated requests if you are only fetching public data.") */
  'octocat-needs-token': (s) => ({ ...s, serve: (caller, call, w) => (caller.kind === 'anonymous' && call.route === 'getOctocat' ? notFound() : s.serve(caller, call, w)) }),
  /** a private repository without a token: 403 (breaks "you will receive a 404 Not Found response") */
  '403-anonymous': (s) => ({
    ...s,
    serve: (caller, call, w) => {
      const out = s.serve(caller, call, w);
      return caller.kind === 'anonymous' && call.route === 'getRepo' && out.status === 404 ? message(403, 'Must have admin rights to Repository.') : out;
    },
  }),
  /** another user's private repository: 403 (breaks "404 … instead of a 403 Forbidden … to avoid confirming the existence") */
  '403-other-user': (s, w) => ({
    ...s,
    serve: (caller, call, win) => {
      const out = s.serve(caller, call, win);
      const exists = w.repos.some((r) => r.owner.login === call.params?.owner && r.name === call.params.repo);
      return caller.kind === 'token' && call.route === 'getRepo' && out.status === 404 && exists ? message(403, 'Must have admin rights to Repository.') : out;
    },
  }),
  /** a token without `repo` creates repositories (breaks "with a token that has insufficient permissions … 404 … or 403") */
  'scope-not-enforced': (s) => ({
    ...s,
    serve: (caller, call, w) => (caller.kind === 'token' && call.route === 'createRepo' ? s.serve({ kind: 'token', token: { ...caller.token, scopes: [...caller.token.scopes, 'repo'] } }, call, w) : s.serve(caller, call, w)),
  }),
  /** no x-ratelimit-reset (breaks "the headers that are sent with each response") */
  'no-reset-header': (s) => ({
    ...s,
    rateHeaders: (win, call) => without(s.rateHeaders(win, call), 'x-ratelimit-reset'),
  }),
  /** tokens get 1,000 an hour (breaks "your personal rate limit of 5,000 requests per hour") */
  'limit-1000': (s) => ({ ...s, plan: (caller, call) => (caller.kind === 'token' ? { ...s.plan(caller, call), limit: 1000 } : s.plan(caller, call)) }),
  /** anonymous requests get 5,000 an hour (breaks "The primary rate limit for unauthenticated requests is 60 requests per hour.") */
  'anonymous-5000': (s) => ({ ...s, plan: (caller, call) => (caller.kind === 'anonymous' ? { ...s.plan(caller, call), limit: 5000 } : s.plan(caller, call)) }),
  /** the headers count every request twice, enforcement is right (breaks remaining AND used: both count the same requests) */
  'headers-count-double': (s) => ({ ...s, rateHeaders: (win, call) => s.rateHeaders({ ...win, used: Math.min(win.limit, win.used * 2) }, call) }),
  /** no x-ratelimit-used (breaks "| x-ratelimit-used | …") */
  'no-used': (s) => ({
    ...s,
    rateHeaders: (win, call) => without(s.rateHeaders(win, call), 'x-ratelimit-used'),
  }),
  /** used one more than the requests made */
  'used-off-by-one': (s) => ({ ...s, rateHeaders: (win, call) => ({ ...s.rateHeaders(win, call), 'x-ratelimit-used': String(win.used + 1) }) }),
  /** no x-ratelimit-resource (breaks "| x-ratelimit-resource | …") */
  'no-resource': (s) => ({
    ...s,
    rateHeaders: (win, call) => without(s.rateHeaders(win, call), 'x-ratelimit-resource'),
  }),
  /** x-ratelimit-reset in seconds from now (breaks "in UTC epoch seconds") */
  'reset-delta': (s) => ({ ...s, rateHeaders: (win, call) => ({ ...s.rateHeaders(win, call), 'x-ratelimit-reset': String(Math.ceil((win.resetAt - call.now) / 1000)) }) }),
  /** over the primary limit: 403 with remaining 1 (breaks "the x-ratelimit-remaining header will be 0") */
  'exhausted-no-zero': (s) => ({
    ...s,
    exhausted: (win, call) => ({ ...s.exhausted(win, call), headers: { 'x-ratelimit-remaining': '1' } }),
  }),
  /** a secondary refusal with a retry-after that is no delay-seconds (breaks "… until after that many seconds has elapsed") */
  'retry-after-invalid': (s) => ({
    ...s,
    secondary: (caller, call) => {
      const out = s.secondary(caller, call);
      return out === undefined ? out : { ...out, headers: { ...out.headers, 'retry-after': 'soon' } };
    },
  }),
  /** GET /rate_limit counts (breaks "Calling this endpoint does not count against your primary rate limit") */
  'rate-limit-counted': (s) => ({ ...s, count: (plan, call) => s.count(plan, call.route === 'getRateLimit' ? { ...call, route: 'listMyRepos' } : call) }),
  /** no secondary limit (breaks "No more than 900 points per minute are allowed for REST API endpoints") */
  'no-secondary': (s) => ({ ...s, secondary: () => undefined }),
  /** a spent anonymous window reopens an hour after its x-ratelimit-reset (breaks "You should not retry your request until after the time specified by the x-ratelimit-reset header") */
  'reopens-late': (s, w) => ({
    ...s,
    count: (plan, call) => {
      const win = w.windows.get(plan.subject);
      if (plan.subject.startsWith('ip:') && win !== undefined && win.used >= plan.limit && call.now >= win.start + HOUR && call.now < win.start + 2 * HOUR)
        return { window: { limit: plan.limit, used: win.used, resetAt: win.start + HOUR }, exhausted: true };
      return s.count(plan, call);
    },
  }),
  /** no X-OAuth-Scopes (breaks "X-OAuth-Scopes lists the scopes your token has authorized.") */
  'no-scope-headers': (s) => ({
    ...s,
    finish: (answer, call, caller) => {
      const out = s.finish(answer, call, caller);
      return { ...out, headers: without(out.headers, 'x-oauth-scopes') };
    },
  }),
  /** no X-Accepted-OAuth-Scopes (breaks "X-Accepted-OAuth-Scopes lists the scopes that the action checks for.") */
  'no-accepted-scopes': (s) => ({
    ...s,
    finish: (answer, call, caller) => {
      const out = s.finish(answer, call, caller);
      return { ...out, headers: without(out.headers, 'x-accepted-oauth-scopes') };
    },
  }),

  // Conformant variants: the suite must pass them.
  /** `Token` (capital) refused while `token` works: scheme words are case-insensitive, so this is a client-visible choice the docs' lower-case form does not pin */
  'variant:token-case': (s) => ({ ...s, presented: (call): Presented => (/^Token\s/.test(call.authorization ?? '') ? { kind: 'invalid', why: 'Token' } : s.presented(call)) }),
  /** over the primary limit: 429 instead of 403 ("a 403 or 429 response") */
  'variant:exhausted-429': (s) => ({ ...s, exhausted: (win, call) => ({ ...s.exhausted(win, call), status: 429 }) }),
  /** windows on the clock hour: the reset is the next full hour, less than an hour ahead */
  'variant:clock-hour': (s, w) => ({
    ...s,
    count: (plan, call) => {
      const hourStart = Math.floor(call.now / HOUR) * HOUR;
      if (w.windows.get(plan.subject)?.start !== hourStart) w.windows.set(plan.subject, { start: hourStart, used: 0 });
      return s.count(plan, call);
    },
  }),
} satisfies Record<string, GithubTwin>;

export type GithubTwinName = keyof typeof GITHUB_TWINS;
