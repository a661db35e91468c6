/**
 * Linkit, second reading. Written from linkit-authentication.txt and REFERENCE.md alone.
 *
 * Free choices taken (the page leaves them open):
 * - API keys belong to a user and act in that user's organizations, like the user's tokens; without
 *   `X-Organization-ID` a request acts in the user's default organization (`user.organization_id`)
 * - tokens live 30 minutes; `details` texts of its own ("Token expired", "API key revoked", …) and
 *   an extra `request_id` in every error body; `code` numeric as on the page
 * - the login response carries an extra `token_type`
 * - the plain-HTTP twin resets every connection before reading a byte (no HTTP answer at all)
 */
import { createHmac, randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { listen, parseJson, secret, send, target } from './server-kit.ts';

export type Fault =
  /** an expired login token is still served */
  | 'expired-token-accepted'
  /** `X-Organization-ID` of an organization the caller is not in is ignored */
  | 'foreign-org-served'
  /** the plain-HTTP listener serves the API */
  | 'plain-http-served'
  /** a revoked API key is still served */
  | 'revoked-key-accepted'
  /** a wrong password gets a token */
  | 'any-password';

const TOKEN_TTL = 30 * 60_000;

interface User {
  id: string;
  email: string;
  password: string;
  orgs: readonly string[];
}

export async function startServer(faults: readonly Fault[] = []) {
  const has = (f: Fault) => faults.includes(f);
  const now = () => Date.now();
  const signingKey = randomBytes(32);
  const user: User = { id: 'usr_7f3k2', email: 'ops@quarry.example', password: secret('pw-', 8), orgs: ['org_quarry', 'org_millrace'] };
  const apiKeys = new Map<string, { user: User; revoked: boolean }>();
  const tokens = new Map<string, { user: User; expiresAt: number }>();
  const mint = (expiresAt: number) => {
    const payload = Buffer.from(JSON.stringify({ sub: user.id, exp: Math.floor(expiresAt / 1000) })).toString('base64url');
    const token = `eyJhbGciOiJIUzI1NiJ9.${payload}.${createHmac('sha256', signingKey).update(payload).digest('base64url')}`;
    tokens.set(token, { user, expiresAt });
    return token;
  };
  const credentials = {
    valid: secret('lkt_'),
    revoked_expired: secret('lkt_'),
    email: user.email,
    password: user.password,
    expired_token: mint(now() - 60_000),
    member: user.orgs,
    foreign: 'org_tollgate',
    plainUrl: '',
  };
  apiKeys.set(credentials.valid, { user, revoked: false });
  apiKeys.set(credentials.revoked_expired, { user, revoked: true });
  let seq = 0;
  const problem = (code: 401 | 403 | 400 | 404, details: string) => ({
    code,
    error: { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[code],
    details,
    request_id: `rq-${++seq}`,
  });

  const api = await listen((req, res, raw) => {
    const path = target(req).pathname;
    if (req.method === 'POST' && path === '/api/v1/auth/login') {
      const input = parseJson(raw) as { email?: unknown; password?: unknown } | undefined;
      if (input?.email !== user.email || (input.password !== user.password && !has('any-password')))
        return send(res, 401, problem(401, 'Invalid email or password'));
      const expiresAt = now() + TOKEN_TTL;
      return send(res, 200, {
        token: mint(expiresAt),
        token_type: 'Bearer',
        expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        user: { id: user.id, email: user.email, organization_id: user.orgs[0] },
      });
    }
    const auth = req.headers.authorization?.trim();
    if (!auth) return send(res, 401, problem(401, 'Authentication required'));
    let caller: User | undefined;
    const bearer = /^Bearer\s+(\S+)$/.exec(auth);
    if (bearer) {
      const t = tokens.get(bearer[1]!);
      if (!t) return send(res, 401, problem(401, 'Invalid token'));
      if (t.expiresAt <= now() && !has('expired-token-accepted')) return send(res, 401, problem(401, 'Token expired'));
      caller = t.user;
    } else if (!/\s/.test(auth)) {
      const k = apiKeys.get(auth);
      if (!k) return send(res, 401, problem(401, 'Invalid API key'));
      if (k.revoked && !has('revoked-key-accepted')) return send(res, 401, problem(401, 'API key revoked'));
      caller = k.user;
    } else return send(res, 401, problem(401, 'Unsupported Authorization format'));

    const header = req.headers['x-organization-id'];
    const org = typeof header === 'string' && header !== '' ? header : caller.orgs[0]!;
    if (!caller.orgs.includes(org) && !has('foreign-org-served')) return send(res, 403, problem(403, `Not a member of organization ${org}`));
    if (req.method === 'GET' && path === '/api/v1/products')
      return send(res, 200, { data: [{ id: 'prd_basalt', name: 'Basalt tiles', organization_id: org, price: { amount: 1899, currency: 'USD' } }], meta: { total: 1, page: 1 } });
    if (req.method === 'GET' && path === '/api/v1/organizations')
      return send(res, 200, { data: caller.orgs.map((id) => ({ id, name: id.slice(4) })) });
    return send(res, 404, problem(404, 'No such endpoint'));
  });

  const sockets = new Set<Socket>();
  const plain = createServer((socket) => {
    if (has('plain-http-served')) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      const upstream = new URL(api.url);
      const pipe = connect(Number(upstream.port), upstream.hostname);
      socket.pipe(pipe).pipe(socket);
      pipe.on('error', () => socket.destroy());
      socket.on('error', () => pipe.destroy());
      return;
    }
    socket.resetAndDestroy();
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  credentials.plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;

  return {
    url: api.url,
    credentials,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => plain.close(() => r()));
      await api.close();
    },
  };
}
