/**
 * A faithful GitHub-like REST server, written from examples/github-like/github-like-authentication.txt
 * (GitHub's public pages, quoted there with their URLs) and the pages it cites, NOT from src/mock.
 * Every behaviour carries the sentence it comes from ("quote" comments); choices the docs leave
 * open are marked FREE. The pipeline is a set of stages (`GithubLikeStages`); a broken twin
 * (github-like-twins.ts) wraps one stage and leaves the others alone.
 */
import type { IncomingMessage } from 'node:http';
import { listen, parseJson, secret, send, target } from '../second/server-kit.ts';
import { httpDate, wallClock, type Clock } from './clock.ts';

export type RouteId = 'getOctocat' | 'getRateLimit' | 'listMyRepos' | 'createRepo' | 'getRepo';

export interface User {
  login: string;
}
export interface Token {
  value: string;
  user: User;
  scopes: readonly string[];
}
export interface Repo {
  id: number;
  name: string;
  full_name: string;
  private: boolean;
  owner: { login: string };
}

export interface GhCall {
  method: string;
  url: URL;
  authorization: string | undefined;
  userAgent: string | undefined;
  /** the client address (the partition of anonymous requests and of the lockout) */
  ip: string;
  now: number;
  body: string;
  route?: RouteId;
  params?: { owner: string; repo: string };
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Who a primary limit counts, and its number per hour. */
export interface Plan {
  subject: string;
  limit: number;
}

/** What the Authorization header presents. */
export type Presented = { kind: 'none' } | { kind: 'token'; value: string } | { kind: 'invalid'; why: string };
/** Who is calling, once authenticated. */
export type Caller = { kind: 'anonymous' } | { kind: 'token'; token: Token };

/** A primary-limit window as the headers report it. */
export interface Window {
  limit: number;
  used: number;
  /** epoch ms */
  resetAt: number;
}

export interface GithubLikeStages {
  /** the 403 for a request without a User-Agent */
  requireAgent(call: GhCall): Answer | undefined;
  /** the client error for a credential in the query */
  refusedPlacement(call: GhCall): Answer | undefined;
  /** the credential of the Authorization header (query parameters are never read) */
  presented(call: GhCall): Presented;
  /** the 403 of a client locked out after repeated invalid credentials */
  lockout(call: GhCall, presented: Presented): Answer | undefined;
  /** the caller, or the refusal of invalid credentials (which counts towards the lockout) */
  authenticate(call: GhCall, presented: Presented): Caller | Answer;
  /** the primary limit's plan of this caller: who is counted, and how many an hour */
  plan(caller: Caller, call: GhCall): Plan;
  /** the secondary (per endpoint per minute) limit of the plan's subject: the refusal when spent */
  secondary(plan: Plan, call: GhCall): Answer | undefined;
  /** counts the request against the primary limit (or not: exempt routes); the window after it */
  count(plan: Plan, call: GhCall): { window: Window; exhausted: boolean };
  /** the refusal of a request over the primary limit */
  exhausted(window: Window, call: GhCall): Answer;
  /** x-ratelimit-* headers of a window */
  rateHeaders(window: Window, call: GhCall): Record<string, string>;
  serve(caller: Caller, call: GhCall, window: Window): Answer;
  /** headers of every response: scopes, Date */
  finish(answer: Answer, call: GhCall, caller: Caller | undefined): Answer;
}

export interface LockoutNumbers {
  after: number;
  withinMs: number;
  lastsMs: number;
}

export interface GithubWorld {
  clock: Clock;
  tokens: Map<string, Token>;
  repos: Repo[];
  /** primary windows by subject */
  windows: Map<string, { start: number; used: number }>;
  /** secondary points by subject + route */
  points: Map<string, { start: number; used: number }>;
  /** invalid-credential times and lock end by client address */
  failures: Map<string, { times: number[]; lockedUntil: number }>;
  lockout: LockoutNumbers;
}

export type GithubTwin = (faithful: GithubLikeStages, world: GithubWorld) => GithubLikeStages;

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DOCS = 'https://docs.github.com/rest';
export const message = (status: number, text: string, headers: Record<string, string> = {}): Answer => ({ status, body: { message: text, documentation_url: DOCS }, headers });
export const notFound = (): Answer => message(404, 'Not Found');

/**
 * quote (About authentication): "In most cases, you can use Authorization: Bearer or Authorization: token
 * to pass a token." FREE: scheme words case-insensitive (RFC 9110 §11.1); an empty header is no header.
 * quote (Authenticating with username and password): "Authentication with username and password is not
 * supported. If you try to authenticate with user name and password, you will receive a 4xx error."
 * — Basic (and any other word) is an invalid credential.
 */
export function presentedOf(authorization: string | undefined): Presented {
  const value = (authorization ?? '').trim();
  if (value === '') return { kind: 'none' };
  const m = /^(\S+)[ \t]+(\S+)$/.exec(value);
  if (m === null) return { kind: 'invalid', why: 'malformed Authorization' };
  const word = m[1]!.toLowerCase();
  if (word === 'bearer' || word === 'token') return { kind: 'token', value: m[2]! };
  return { kind: 'invalid', why: `scheme ${m[1]}` };
}

export function routeOf(method: string, path: string): { route?: RouteId; params?: { owner: string; repo: string } } {
  if (path === '/octocat' && method === 'GET') return { route: 'getOctocat' };
  if (path === '/rate_limit' && method === 'GET') return { route: 'getRateLimit' };
  if (path === '/user/repos') return method === 'GET' ? { route: 'listMyRepos' } : method === 'POST' ? { route: 'createRepo' } : {};
  const m = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path);
  if (m !== null && method === 'GET') return { route: 'getRepo', params: { owner: decodeURIComponent(m[1]!), repo: decodeURIComponent(m[2]!) } };
  return {};
}

/** X-Accepted-OAuth-Scopes of each route. FREE: the values (the docs name no endpoint's scopes). */
const ACCEPTED: Record<RouteId, string> = { getOctocat: '', getRateLimit: '', listMyRepos: 'repo', createRepo: 'repo', getRepo: 'repo' };

export function faithfulStages(world: GithubWorld): GithubLikeStages {
  const hasRepo = (t: Token) => t.scopes.includes('repo');
  const canSee = (caller: Caller, r: Repo) => !r.private || (caller.kind === 'token' && caller.token.user.login === r.owner.login && hasRepo(caller.token));
  const stages: GithubLikeStages = {
    // quote (User agent required): "Requests without a valid User-Agent header will be rejected."
    // FREE: 403 and the message; "valid" = non-empty.
    requireAgent: (call) => ((call.userAgent ?? '').trim() === '' ? message(403, 'Request forbidden: send a User-Agent header.') : undefined),

    // quote (changelog, query parameters): "If you are passing credentials via query or path parameters, GitHub
    // will respond with client errors." FREE: 400 when access_token is in the query.
    refusedPlacement: (call) => (call.url.searchParams.has('access_token') ? message(400, 'Must specify access token via Authorization header.') : undefined),

    presented: (call) => presentedOf(call.authorization),

    lockout(call, presented) {
      // quote (Failed login limit): "After detecting several requests with invalid credentials within a short
      // period, the API will temporarily reject all authentication attempts for that user (including ones with
      // valid credentials) with a 403 Forbidden response." FREE: counted per client address (an invalid token
      // names no user); requests without credentials are no authentication attempts and pass.
      // Body: "Maximum number of login attempts exceeded" (developer.github.com v3 docs, commit 61b5c9f).
      if (presented.kind === 'none') return undefined;
      const f = world.failures.get(call.ip);
      return f !== undefined && f.lockedUntil > call.now ? message(403, 'Maximum number of login attempts exceeded. Please try again later.') : undefined;
    },

    authenticate(call, presented) {
      if (presented.kind === 'none') return { kind: 'anonymous' };
      const token = presented.kind === 'token' ? world.tokens.get(presented.value) : undefined;
      if (token !== undefined) return { kind: 'token', token };
      // quote (Failed login limit): "Authenticating with invalid credentials will initially return a 401
      // Unauthorized response." Body "Bad credentials" (developer.github.com v3 docs, commit 61b5c9f).
      const f = world.failures.get(call.ip) ?? { times: [], lockedUntil: 0 };
      f.times = [...f.times.filter((t) => t > call.now - world.lockout.withinMs), call.now];
      if (f.times.length >= world.lockout.after) f.lockedUntil = call.now + world.lockout.lastsMs;
      world.failures.set(call.ip, f);
      return message(401, 'Bad credentials');
    },

    secondary(plan, call) {
      // quote (About secondary rate limits): "Make too many requests to a single endpoint per minute. No more
      // than 900 points per minute are allowed for REST API endpoints" with "| Most REST API GET, HEAD, and
      // OPTIONS requests | 1 |" and "| Most REST API POST, PATCH, PUT, or DELETE requests | 5 |".
      // FREE: a fixed minute opened by the first request; a refused request costs nothing.
      const cost = ['GET', 'HEAD', 'OPTIONS'].includes(call.method) ? 1 : 5;
      const key = `${plan.subject}:${call.method} ${call.route ?? call.url.pathname}`;
      const prior = world.points.get(key);
      const w = prior !== undefined && call.now < prior.start + MINUTE ? prior : { start: call.now, used: 0 };
      if (w.used + cost > 900) {
        // quote (Exceeding the rate limit): "If you exceed a secondary rate limit, you will receive a 403 or 429
        // response and an error message that indicates that you exceeded a secondary rate limit. If the
        // retry-after response header is present, you should not retry your request until after that many
        // seconds has elapsed." FREE: 429, retry-after = seconds left in the minute.
        const seconds = Math.max(1, Math.ceil((w.start + MINUTE - call.now) / 1000));
        return message(429, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'retry-after': String(seconds) });
      }
      world.points.set(key, { start: w.start, used: w.used + cost });
      return undefined;
    },

    // quote (Primary rate limit for unauthenticated users): "Unauthenticated requests are associated with the
    // originating IP address, not with the user or application that made the request. The primary rate limit
    // for unauthenticated requests is 60 requests per hour."
    // quote (Primary rate limit for authenticated users): "All of these requests count towards your personal
    // rate limit of 5,000 requests per hour."
    plan: (caller, call) => (caller.kind === 'token' ? { subject: `user:${caller.token.user.login}`, limit: 5000 } : { subject: `ip:${call.ip}`, limit: 60 }),

    count({ subject, limit }, call) {
      const prior = world.windows.get(subject);
      // FREE: an hour-long window opened by the subject's first counted request.
      const w = prior !== undefined && call.now < prior.start + HOUR ? prior : { start: call.now, used: 0 };
      // quote (Checking the status of your rate limit): "Calling this endpoint does not count against your
      // primary rate limit, but it can count against your secondary rate limit."
      const counted = call.route !== 'getRateLimit';
      const exhausted = counted && w.used >= limit;
      const used = counted && !exhausted ? w.used + 1 : w.used;
      if (counted) world.windows.set(subject, { start: w.start, used });
      return { window: { limit, used, resetAt: w.start + HOUR }, exhausted };
    },

    // quote (Exceeding the rate limit): "If you exceed your primary rate limit, you will receive a 403 or 429
    // response, and the x-ratelimit-remaining header will be 0." FREE: 403, no retry-after.
    exhausted: () => message(403, 'API rate limit exceeded. Check out the documentation for more details.'),

    // quote: "You can use the headers that are sent with each response to determine the current status of your
    // primary rate limit." | x-ratelimit-limit | x-ratelimit-remaining | x-ratelimit-used | x-ratelimit-reset
    // ("in UTC epoch seconds") | x-ratelimit-resource ("The rate limit resource that the request counted against.")
    rateHeaders: (w) => ({
      'x-ratelimit-limit': String(w.limit),
      'x-ratelimit-remaining': String(w.limit - w.used),
      'x-ratelimit-used': String(w.used),
      'x-ratelimit-reset': String(Math.ceil(w.resetAt / 1000)),
      'x-ratelimit-resource': 'core',
    }),

    serve(caller, call, window) {
      const json = (status: number, body: unknown): Answer => ({ status, body, headers: {} });
      switch (call.route) {
        // quote (Primary rate limit for unauthenticated users): "You can make unauthenticated requests if you
        // are only fetching public data."
        case 'getOctocat':
          return { status: 200, body: '  MMM.           .MMM\n  octocat says hi\n', headers: { 'content-type': 'text/plain; charset=utf-8' } };
        case 'getRateLimit': {
          const core = { limit: window.limit, remaining: window.limit - window.used, used: window.used, reset: Math.ceil(window.resetAt / 1000) };
          return json(200, { resources: { core }, rate: core });
        }
        case 'listMyRepos':
          // quote (Failed login limit): "If you try to use a REST API endpoint without a token or with a token
          // that has insufficient permissions, you will receive a 404 Not Found or 403 Forbidden response."
          // FREE: 404.
          if (caller.kind !== 'token') return notFound();
          // quote (List repositories for the authenticated user): "Lists repositories that the authenticated user
          // has explicit permission (:read, :write, or :admin) to access." FREE: private ones need `repo`.
          return json(200, world.repos.filter((r) => r.owner.login === caller.token.user.login && canSee(caller, r)));
        case 'createRepo': {
          if (caller.kind !== 'token') return notFound();
          // FREE: 403 (of "404 Not Found or 403 Forbidden") for a token without `repo`.
          if (!hasRepo(caller.token)) return message(403, 'Resource not accessible by personal access token');
          const input = parseJson(call.body) as { name?: unknown; private?: unknown } | undefined;
          if (typeof input?.name !== 'string' || input.name === '') return message(422, 'Validation Failed');
          const login = caller.token.user.login;
          const repo: Repo = { id: 3000 + world.repos.length, name: input.name, full_name: `${login}/${input.name}`, private: input.private === true, owner: { login } };
          world.repos.push(repo);
          return json(201, repo);
        }
        case 'getRepo': {
          const repo = world.repos.find((r) => r.owner.login === call.params?.owner && r.name === call.params.repo);
          // quote (404 Not Found for an existing resource): "If you make a request to access a private resource
          // and your request isn't properly authenticated, you will receive a 404 Not Found response. GitHub uses
          // a 404 Not Found response instead of a 403 Forbidden response to avoid confirming the existence of
          // private repositories."
          return repo !== undefined && canSee(caller, repo) ? json(200, repo) : notFound();
        }
        default:
          return notFound();
      }
    },

    finish(answer, call, caller) {
      const headers: Record<string, string> = { ...answer.headers, date: httpDate(call.now) };
      // quote (scope headers): "X-OAuth-Scopes lists the scopes your token has authorized. X-Accepted-OAuth-Scopes
      // lists the scopes that the action checks for." FREE: on every response to a known token.
      if (caller?.kind === 'token') {
        headers['x-oauth-scopes'] = caller.token.scopes.join(', ');
        headers['x-accepted-oauth-scopes'] = call.route ? ACCEPTED[call.route] : '';
      }
      return { ...answer, headers };
    },
  };
  return stages;
}

/** Runs one request through the stages. */
export function handle(s: GithubLikeStages, world: GithubWorld, call: GhCall): Answer {
  // Refusals before the caller is known carry the address's anonymous window, uncounted.
  const early = (a: Answer) => s.finish({ ...a, headers: { ...peek(s, world, s.plan({ kind: 'anonymous' }, call), call), ...a.headers } }, call, undefined);
  const agent = s.requireAgent(call);
  if (agent) return early(agent);
  const placement = s.refusedPlacement(call);
  if (placement) return early(placement);
  const presented = s.presented(call);
  const locked = s.lockout(call, presented);
  if (locked) return early(locked);
  const caller = s.authenticate(call, presented);
  if ('status' in caller) return early(caller);
  const plan = s.plan(caller, call);
  const second = s.secondary(plan, call);
  if (second) return s.finish({ ...second, headers: { ...peek(s, world, plan, call), ...second.headers } }, call, caller);
  const { window, exhausted } = s.count(plan, call);
  const headers = s.rateHeaders(window, call);
  const answer = exhausted ? s.exhausted(window, call) : s.serve(caller, call, window);
  return s.finish({ ...answer, headers: { ...headers, ...answer.headers } }, call, caller);
}

/** The plan's primary window, uncounted (for refusals before the primary count). */
function peek(s: GithubLikeStages, world: GithubWorld, { subject, limit }: Plan, call: GhCall): Record<string, string> {
  const prior = world.windows.get(subject);
  const live = prior !== undefined && call.now < prior.start + HOUR ? prior : { start: call.now, used: 0 };
  return s.rateHeaders({ limit, used: live.used, resetAt: live.start + HOUR }, call);
}

export interface GithubLikeServer {
  url: string;
  world: GithubWorld;
  /** values for examples/github-like/github-like.independent.fixtures.yaml */
  credentials: { valid: string; fine_grained: string; scoped: string; other_tenant: string; owner: string; private_repo: string; public_repo: string; other_private_repo: string };
  close(): Promise<void>;
}

export const DEFAULT_LOCKOUT: LockoutNumbers = { after: 10, withinMs: MINUTE, lastsMs: 5 * MINUTE };

/** Seeds users alpha and bravo and starts on 127.0.0.1, port 0. */
export async function startGithubLike(o: { clock?: Clock; twin?: GithubTwin; lockout?: LockoutNumbers } = {}): Promise<GithubLikeServer> {
  const clock = o.clock ?? wallClock;
  const world: GithubWorld = { clock, tokens: new Map(), repos: [], windows: new Map(), points: new Map(), failures: new Map(), lockout: o.lockout ?? DEFAULT_LOCKOUT };
  const alpha: User = { login: 'alpha' };
  const bravo: User = { login: 'bravo' };
  // quote (GitHub's token formats): "| Personal access token (classic) | ghp_ |"; (changelog) "The character set
  // changed from [a-f0-9] to [A-Za-z0-9_]". FREE: 36 characters after the prefix.
  // quote: "| Fine-grained personal access token | github_pat_ |". FREE: 11 + 29 random bytes in hex.
  const token = (user: User, scopes: string[], fineGrained = false): string => {
    const value = fineGrained ? `github_pat_${secret('', 11)}_${secret('', 29)}` : `ghp_${secret('', 18)}`;
    world.tokens.set(value, { value, user, scopes });
    return value;
  };
  const repo = (id: number, owner: User, name: string, isPrivate: boolean) =>
    world.repos.push({ id, name, full_name: `${owner.login}/${name}`, private: isPrivate, owner: { login: owner.login } });
  repo(1001, alpha, 'secret-plans', true);
  repo(1002, alpha, 'hello-world', false);
  repo(2001, bravo, 'bravo-private', true);
  const credentials = {
    valid: token(alpha, ['repo', 'user']),
    fine_grained: token(alpha, ['repo', 'user'], true),
    scoped: token(alpha, ['user']),
    other_tenant: token(bravo, ['repo', 'user']),
    owner: 'alpha',
    private_repo: 'secret-plans',
    public_repo: 'hello-world',
    other_private_repo: 'bravo-private',
  };
  const stages = o.twin ? o.twin(faithfulStages(world), world) : faithfulStages(world);
  const api = await listen((req: IncomingMessage, res, body) => {
    const url = target(req);
    const method = req.method ?? 'GET';
    const call: GhCall = {
      method,
      url,
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent'],
      ip: req.socket.remoteAddress ?? 'unknown',
      now: clock.now(),
      body,
      ...routeOf(method, url.pathname),
    };
    const answer = handle(stages, world, call);
    if (typeof answer.body === 'string') {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } else send(res, answer.status, answer.body, answer.headers);
  });
  return { url: api.url, world, credentials, close: api.close };
}
