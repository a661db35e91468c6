/**
 * Broken twins of the faithful Stripe-like server: each wraps ONE stage of the faithful pipeline
 * (stripe-like-server.ts) and breaks one documented statement; rows.ts names the requirement id
 * that must catch it. Conformant variants (choices the docs leave free) are here too: the suite
 * must pass them.
 */
import { connect } from 'node:net';
import { noValidKey, stripeError, type Applied, type StripeTwin } from './stripe-like-server.ts';

const basicParts = (authorization: string | undefined): { user: string; password: string } | undefined => {
  const m = /^basic[ \t]+(\S+)$/i.exec((authorization ?? '').trim());
  if (m === null) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
};

export const STRIPE_TWINS = {
  /** the key is taken from the Basic password, not the username (breaks "Provide your API key as the basic auth username value") */
  'basic-password': (s) => ({
    ...s,
    presented: (call) => {
      const basic = basicParts(call.authorization);
      if (basic === undefined) return s.presented(call);
      return basic.password === '' ? undefined : basic.password;
    },
  }),
  /** Bearer is refused (breaks "If you need to authenticate via bearer auth …") */
  'no-bearer': (s) => ({ ...s, presented: (call) => (/^bearer\s/i.test(call.authorization ?? '') ? undefined : s.presented(call)) }),
  /** a request without a key gets 403 (breaks "API requests without authentication will also fail" with the 401 invalid request error) */
  'missing-as-403': (s) => ({
    ...s,
    authenticate: (value, call) =>
      value === undefined && call.authorization === undefined ? stripeError(403, 'invalid_request_error', 'Forbidden.') : s.authenticate(value, call),
  }),
  /** any unknown key with a secret-key prefix is taken as the account's live secret key (breaks "If a request doesn't include a valid key, …") */
  'prefix-only-check': (s, w) => ({
    ...s,
    authenticate: (value, call) => {
      const known = value === undefined ? undefined : w.keys.get(value);
      if (value !== undefined && known === undefined && /^sk_(live|test)_/.test(value))
        return [...w.keys.values()].find((k) => k.kind === 'secret' && !k.deleted && value.startsWith(`sk_${k.mode}_`))!;
      return s.authenticate(value, call);
    },
  }),
  /** the plain-HTTP listener serves the API (breaks "Calls made over plain HTTP will fail.") */
  'plain-http-served': (s) => ({
    ...s,
    plain: (socket, apiUrl) => {
      const upstream = new URL(apiUrl);
      const pipe = connect(Number(upstream.port), upstream.hostname);
      socket.pipe(pipe).pipe(socket);
      pipe.on('error', () => socket.destroy());
      socket.on('close', () => pipe.destroy());
    },
  }),
  /** test-mode secret keys are refused (breaks "Test mode secret keys have the prefix sk_test_ …") */
  'test-key-refused': (s) => ({
    ...s,
    authenticate: (value, call) => {
      const key = s.authenticate(value, call);
      return !('status' in key) && key.mode === 'test' ? noValidKey() : key;
    },
  }),
  /** a test-mode key reads live-mode customers (breaks "Objects in one mode aren't accessible to the other.") */
  'mode-leak': (s) => ({
    ...s,
    serve: (key, call) => {
      const answer = s.serve(key, call);
      if (call.op !== 'getCustomer' || answer.status !== 404 || key.mode !== 'test') return answer;
      return s.serve({ ...key, mode: 'live' }, call);
    },
  }),
  /** publishable keys work like secret keys (breaks the refusal of publishable keys on secret endpoints) */
  'publishable-accepted': (s, w) => ({
    ...s,
    authenticate: (value, call) => {
      const key = value === undefined ? undefined : w.keys.get(value);
      return key?.kind === 'publishable' ? { ...key, kind: 'secret' } : s.authenticate(value, call);
    },
  }),
  /** the publishable-key refusal says only "No valid API key provided." (breaks the third-party quoted message) */
  'publishable-message-generic': (s, w) => ({
    ...s,
    authenticate: (value, call) => (value !== undefined && w.keys.get(value)?.kind === 'publishable' ? noValidKey() : s.authenticate(value, call)),
  }),
  /** a deleted key still works (breaks "If a request includes a deleted or expired key, Stripe returns an authentication error.") */
  'deleted-works': (s, w) => ({
    ...s,
    authenticate: (value, call) => {
      const key = value === undefined ? undefined : w.keys.get(value);
      return key?.deleted ? { ...key, deleted: false } : s.authenticate(value, call);
    },
  }),
  /** restricted keys may write (breaks "restricted API keys for granular permissions" / 403) */
  'rk-writes': (s) => ({ ...s, authorize: (key, call) => (key.kind === 'restricted' ? undefined : s.authorize(key, call)) }),
  /** Request-Id only on 2xx responses (breaks "Each API request has an associated request identifier.") */
  'no-request-id-on-errors': (s) => ({
    ...s,
    finish: (answer, call) => {
      const out = s.finish(answer, call);
      if (out.status < 300) return out;
      const { ['Request-Id']: _dropped, ...headers } = out.headers;
      return { ...out, headers };
    },
  }),
  /** live-mode reads are never limited (breaks "Live mode: 100 read operations …") */
  'no-live-read-limit': (s) => ({ ...s, limits: (key, call) => s.limits(key, call).filter((a) => a.id !== 'live-read') }),
  /** test-mode reads are never limited (breaks "Test mode: 25 read operations …") */
  'no-test-read-limit': (s) => ({ ...s, limits: (key, call) => s.limits(key, call).filter((a) => a.id !== 'test-read') }),
  /** one Search counter for both modes (breaks "These stricter limits apply separately to live mode and test mode.") */
  'shared-search-modes': (s) => ({
    ...s,
    limits: (key, call) => s.limits(key, call).map((a): Applied => (a.id === 'search' ? { ...a, counter: `${key.account}:search` } : a)),
  }),
  /** live meter events count against the live write limit (breaks "… don't count against the basic limits.") */
  'meter-counted': (s) => ({
    ...s,
    limits: (key, call) => {
      const out = s.limits(key, call);
      return out.some((a) => a.id === 'meter-live') ? [...out, { id: 'live-write', max: 100, counter: `${key.account}:live:write` }] : out;
    },
  }),
  /** a spent limit stays spent for a minute (breaks the per-second window: "… API requests per second …") */
  'sticky-limit': (s, w) => {
    const blockedUntil = new Map<string, number>();
    return {
      ...s,
      meter: (key, call, limits) => {
        if (limits.some((a) => (blockedUntil.get(a.counter) ?? 0) > call.now))
          return stripeError(429, 'invalid_request_error', 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.');
        const out = s.meter(key, call, limits);
        if (out?.status === 429) for (const a of limits) if ((w.counters.get(a.counter)?.used ?? 0) >= a.max) blockedUntil.set(a.counter, call.now + 60_000);
        return out;
      },
    };
  },

  // Conformant variants: choices the docs leave free. The suite must pass them.
  /** 429 from the 60th live read of a second ("Treat the limits as maximums … we might reduce the limits.") */
  'variant:early-429': (s) => ({ ...s, limits: (key, call) => s.limits(key, call).map((a) => (a.id === 'live-read' ? { ...a, max: 59 } : a)) }),
  /** publishable keys refused with 403 (the spec allows 401 or 403) */
  'variant:publishable-403': (s) => ({
    ...s,
    authenticate: (value, call) => {
      const out = s.authenticate(value, call);
      return 'status' in out && out.status === 401 && /publishable/.test(JSON.stringify(out.body)) ? { ...out, status: 403 } : out;
    },
  }),
} satisfies Record<string, StripeTwin>;

export type StripeTwinName = keyof typeof STRIPE_TWINS;
