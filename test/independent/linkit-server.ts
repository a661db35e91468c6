/**
 * An independent Linkit API auth implementation, written only from the vendor's documentation
 * (docs/vendor/linkit-authentication.txt and the Linkit lines of REFERENCE.md).
 *
 * Pinned by the docs and implemented exactly:
 *  - POST /api/v1/auth/login {email, password} → {token, expires_at, user{id, email, organization_id}}
 *  - one Authorization header for both credentials, told apart by format:
 *    "Bearer <token>" is a login token, any other value is a raw API key
 *  - tokens expire ("configurable period"); API keys don't expire unless revoked
 *  - X-Organization-ID selects the organization of a user who belongs to several
 *  - 401 {code: 401, error: "Unauthorized", details} / 403 {code: 403, error: "Forbidden", details}
 *  - plain HTTP is rejected (a second listener stands in for the plain-HTTP twin)
 *
 * Left free by the docs, chosen here on purpose: opaque dotted session tokens (not JWT-like), a
 * 20-minute token lifetime (configurable), API keys of the form `lnk.svc.<hex>`, error bodies with
 * an extra `request_id` and own `details` wording, and a products body `{organization, items,
 * count, request_id}`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID, timingSafeEqual, createHash } from 'node:crypto';

/**
 * Deliberate faults a real Linkit implementation might plausibly have, each breaking one documented
 * behaviour (used by linkit-broken.test.ts to prove the suite catches them). Default: none.
 */
export const LINKIT_FAULTS = [
  /** the expiry check on login tokens is missing: an expired "Bearer <token>" is still served */
  'expired-token-accepted',
  /** revocation is recorded but never consulted: a revoked API key keeps working */
  'revoked-key-accepted',
  /** X-Organization-ID is taken at face value: a foreign organization's data is served */
  'org-header-unchecked',
  /** the shared 401 body drops `details` (only {code, error} is sent) */
  'unauthorized-without-details',
  /** only "Bearer <token>" is understood: a raw API key in Authorization is refused */
  'raw-api-key-rejected',
  /** the plain-HTTP listener proxies to the API instead of refusing */
  'plain-http-served',
  /** the login response omits expires_at (the token itself still works and still expires) */
  'login-without-expires-at',
] as const;
export type LinkitFault = (typeof LINKIT_FAULTS)[number];

export interface LinkitServerOptions {
  /** token lifetime in ms ("Tokens expire after a configurable period") @default 20 minutes */
  tokenLifetimeMs?: number;
}

export interface LinkitServer {
  /** the "TLS endpoint" base URL (plain HTTP on loopback, standing in for HTTPS) */
  url: string;
  /** the plain-HTTP twin: refuses every request (the API rejects plain HTTP) */
  plainUrl: string;
  apiKey: string;
  revokedApiKey: string;
  email: string;
  password: string;
  expiredToken: string;
  memberOrgs: [string, string];
  foreignOrg: string;
  close(): Promise<void>;
}

interface User {
  id: string;
  email: string;
  passwordHash: Buffer;
  salt: string;
  defaultOrg: string;
  orgs: Set<string>;
}

interface ApiKey {
  org: string;
  revokedAt?: number;
}

interface Session {
  userId: string;
  expiresAt: number;
}

function hashPassword(password: string, salt: string): Buffer {
  return createHash('sha256').update(`${salt}:${password}`).digest();
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function startServer(options: LinkitServerOptions = {}, faults: readonly string[] = []): Promise<LinkitServer> {
  const tokenLifetimeMs = options.tokenLifetimeMs ?? 20 * 60_000;
  for (const f of faults) {
    if (!(LINKIT_FAULTS as readonly string[]).includes(f)) throw new Error(`unknown Linkit fault "${f}" (known: ${LINKIT_FAULTS.join(', ')})`);
  }
  const fault = (f: LinkitFault): boolean => faults.includes(f);

  const orgs = {
    north: 'org_n0rth7',
    south: 'org_s0uth4',
    elsewhere: 'org_e1sewh3re',
  };
  const products: Record<string, Array<{ sku: string; title: string; price_cents: number }>> = {
    [orgs.north]: [
      { sku: 'NR-001', title: 'Brass compass', price_cents: 4200 },
      { sku: 'NR-002', title: 'Sextant', price_cents: 18900 },
    ],
    [orgs.south]: [{ sku: 'SO-100', title: 'Tide table', price_cents: 900 }],
    [orgs.elsewhere]: [{ sku: 'EL-7', title: 'Not yours', price_cents: 1 }],
  };

  const salt = randomBytes(8).toString('hex');
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const user: User = {
    id: `u-${randomUUID()}`,
    email: 'navigator@linkit-independent.test',
    passwordHash: hashPassword(password, salt),
    salt,
    defaultOrg: orgs.north,
    orgs: new Set([orgs.north, orgs.south]),
  };
  const users = new Map<string, User>([[user.email, user]]);
  const usersById = new Map<string, User>([[user.id, user]]);

  const newKey = (): string => `lnk.svc.${randomBytes(20).toString('hex')}`;
  const apiKeys = new Map<string, ApiKey>();
  const apiKey = newKey();
  apiKeys.set(apiKey, { org: orgs.north });
  const revokedApiKey = newKey();
  apiKeys.set(revokedApiKey, { org: orgs.north, revokedAt: Date.now() - 3 * 86_400_000 });

  const sessions = new Map<string, Session>();
  const issueToken = (u: User, expiresAt: number): string => {
    const token = `lks1.${randomBytes(6).toString('hex')}.${randomBytes(24).toString('base64url')}`;
    sessions.set(token, { userId: u.id, expiresAt });
    return token;
  };
  // An already expired token (issued "yesterday", lapsed an hour ago) for the expired_token role.
  const expiredToken = issueToken(user, Date.now() - 3_600_000);

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(text);
  };
  const requestId = (): string => `req-${randomBytes(6).toString('hex')}`;
  const unauthorized = (res: ServerResponse, details: string): void =>
    send(
      res,
      401,
      fault('unauthorized-without-details')
        ? { code: 401, error: 'Unauthorized', request_id: requestId() }
        : { code: 401, error: 'Unauthorized', details, request_id: requestId() },
      { 'www-authenticate': 'Bearer realm="linkit"' },
    );
  const forbidden = (res: ServerResponse, details: string): void =>
    send(res, 403, { code: 403, error: 'Forbidden', details, request_id: requestId() });

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 64 * 1024) {
          reject(new Error('body too large'));
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  /** Who is calling: a user (via token) or an API key; or a refusal already sent. */
  type Principal = { kind: 'user'; user: User } | { kind: 'key'; org: string };
  const authenticate = (req: IncomingMessage, res: ServerResponse): Principal | undefined => {
    const header = req.headers.authorization;
    if (header === undefined || header === '') {
      unauthorized(res, 'Authentication required: send a token or an API key in the Authorization header');
      return undefined;
    }
    // Told apart by format: "Bearer <token>" is a login token, anything else a raw API key.
    const bearer = /^Bearer (.+)$/.exec(header);
    if (bearer) {
      const session = sessions.get(bearer[1]!);
      if (session === undefined) {
        unauthorized(res, 'The bearer token is not recognised');
        return undefined;
      }
      if (session.expiresAt <= Date.now() && !fault('expired-token-accepted')) {
        unauthorized(res, 'The bearer token has expired; log in again');
        return undefined;
      }
      const u = usersById.get(session.userId);
      if (u === undefined) {
        unauthorized(res, 'The bearer token is not recognised');
        return undefined;
      }
      return { kind: 'user', user: u };
    }
    if (fault('raw-api-key-rejected')) {
      unauthorized(res, 'Use "Authorization: Bearer <token>"');
      return undefined;
    }
    const key = apiKeys.get(header);
    if (key === undefined || (key.revokedAt !== undefined && !fault('revoked-key-accepted'))) {
      unauthorized(res, 'The API key is not valid');
      return undefined;
    }
    return { kind: 'key', org: key.org };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://linkit.local');
    const path = url.pathname.replace(/\/+$/, '');

    if (path === '/api/v1/auth/login') {
      if (req.method !== 'POST') {
        send(res, 405, { code: 405, error: 'Method Not Allowed', details: 'Use POST', request_id: requestId() }, { allow: 'POST' });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        send(res, 400, { code: 400, error: 'Bad Request', details: 'The body must be JSON {email, password}', request_id: requestId() });
        return;
      }
      const { email, password: given } = (body ?? {}) as { email?: unknown; password?: unknown };
      if (typeof email !== 'string' || typeof given !== 'string') {
        send(res, 400, { code: 400, error: 'Bad Request', details: 'email and password are required strings', request_id: requestId() });
        return;
      }
      const u = users.get(email.trim().toLowerCase());
      const ok = u !== undefined && timingSafeEqual(hashPassword(given, u.salt), u.passwordHash);
      if (!ok || u === undefined) {
        unauthorized(res, 'Email or password is incorrect');
        return;
      }
      const expiresAt = Date.now() + tokenLifetimeMs;
      const token = issueToken(u, expiresAt);
      send(res, 200, {
        token,
        ...(fault('login-without-expires-at') ? {} : { expires_at: isoSeconds(expiresAt) }),
        user: { id: u.id, email: u.email, organization_id: u.defaultOrg },
      });
      return;
    }

    if (path === '/api/v1/products') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, { code: 405, error: 'Method Not Allowed', details: 'Use GET', request_id: requestId() }, { allow: 'GET, HEAD' });
        return;
      }
      const principal = authenticate(req, res);
      if (principal === undefined) return;
      const wanted = req.headers['x-organization-id'];
      const requested = typeof wanted === 'string' && wanted !== '' ? wanted : undefined;
      let org: string;
      if (principal.kind === 'user') {
        org = requested ?? principal.user.defaultOrg;
        if (!principal.user.orgs.has(org) && !fault('org-header-unchecked')) {
          forbidden(res, `You are not a member of organization ${org}`);
          return;
        }
      } else {
        org = requested ?? principal.org;
        if (org !== principal.org && !fault('org-header-unchecked')) {
          forbidden(res, `This API key has no access to organization ${org}`);
          return;
        }
      }
      const items = products[org] ?? [];
      send(res, 200, { organization: org, items, count: items.length, request_id: requestId() });
      return;
    }

    send(res, 404, { code: 404, error: 'Not Found', details: `No route for ${req.method} ${url.pathname}`, request_id: requestId() });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { code: 500, error: 'Internal Server Error', details: 'unexpected', request_id: requestId() });
      else res.destroy();
    });
  });

  // The plain-HTTP twin: "the API rejects plain HTTP" — it never serves, whatever the credential.
  const plain = createServer((req, res) => {
    if (fault('plain-http-served')) {
      handle(req, res).catch(() => res.destroy());
      return;
    }
    req.resume();
    send(res, 426, { code: 426, error: 'Upgrade Required', details: 'Linkit is served over HTTPS only', request_id: requestId() }, {
      upgrade: 'TLS/1.2, HTTP/1.1',
      connection: 'close',
    });
  });

  const listen = (s: Server): Promise<number> =>
    new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
    });
  const port = await listen(server);
  const plainPort = await listen(plain);
  const closeOne = (s: Server): Promise<void> =>
    new Promise((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    plainUrl: `http://127.0.0.1:${plainPort}`,
    apiKey,
    revokedApiKey,
    email: user.email,
    password,
    expiredToken,
    memberOrgs: [orgs.north, orgs.south],
    foreignOrg: orgs.elsewhere,
    close: async () => {
      await Promise.all([closeOne(server), closeOne(plain)]);
    },
  };
}

/** The environment test/independent/linkit.fixtures.yaml reads its values from, for this server. */
export function fixtureEnv(server: LinkitServer): Record<string, string> {
  return {
    LINKIT_IND_API_KEY: server.apiKey,
    LINKIT_IND_REVOKED_KEY: server.revokedApiKey,
    LINKIT_IND_EMAIL: server.email,
    LINKIT_IND_PASSWORD: server.password,
    LINKIT_IND_EXPIRED_TOKEN: server.expiredToken,
    LINKIT_IND_ORG_A: server.memberOrgs[0],
    LINKIT_IND_ORG_B: server.memberOrgs[1],
    LINKIT_IND_ORG_FOREIGN: server.foreignOrg,
    LINKIT_IND_PLAIN_URL: server.plainUrl,
  };
}
