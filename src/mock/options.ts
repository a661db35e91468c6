/**
 * Options of the mock server and of `createHandlers`, with their defaults in one place.
 */

/** Options that shape how the handlers behave (shared by `startMock` and `createHandlers`). */
export interface BehaviourOptions {
  /**
   * Defect ids to switch on (see `listDefects(contract)`); each breaks one requirement.
   * @default []
   */
  defects?: string[];
  /**
   * Conformant variants to switch on (see `listVariants()`), or `all`.
   * @default []
   */
  variants?: string[];
  /**
   * Serve the control API under `/__authconform/` (clock, keys, reset).
   * @default true
   */
  control?: boolean;
  /**
   * Lift every rate limit (benchmarks, long manual sessions). Rate-limit headers are still sent,
   * computed from the plan, but no request is ever refused with 429.
   * @default false
   */
  unlimited?: boolean;
  /**
   * Override the limit of every credential (tests of SDK retry behaviour): `perWindow` requests in
   * windows of `windowMs` (instead of the plan's per-minute number in one-minute windows).
   */
  rateLimit?: { perWindow: number; windowMs?: number };
  /**
   * How the mock waits when a stage asks it to (the timing defect's delay): tests pass a virtual
   * clock's advance so timing verdicts do not depend on the machine's load.
   * @default node:timers/promises setTimeout
   */
  sleep?: (ms: number) => Promise<unknown>;
}

export interface MockOptions extends BehaviourOptions {
  /** TCP port of the main listener; 0 = ephemeral. @default 0 */
  port?: number;
  /** interface to bind. @default '127.0.0.1' */
  host?: string;
  /** TCP port of the plain-HTTP listener of HTTPS-only specs; 0 = ephemeral. @default 0 */
  plainPort?: number;
  /**
   * How the loopback server runs the handlers: `direct` calls the matched handler's resolver on a
   * light request (same answers, no Fetch objects, no msw bookkeeping); `msw` builds a Fetch
   * Request and goes through msw's `getResponse`. @default 'direct'
   */
  dispatch?: 'direct' | 'msw';
  /**
   * Where the mock clock starts (ms since epoch). The seed's fixed `clockStart` keeps the suite's
   * own runs reproducible; `authconform mock` starts at the real time, so a client that computes
   * `reset - now` from the rate-limit headers waits as long as it should. @default the seed's clockStart
   */
  clockStartMs?: number;
  /**
   * The request's headers must arrive within this, the whole request within `requestTimeoutMs`;
   * a slow (slowloris) socket is answered 408 and closed. @default 10 s and 30 s
   */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export const MOCK_DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  plainPort: 0,
  dispatch: 'direct',
  control: true,
  /** mock clock start when the seed gives no clockStart */
  clockStart: '2026-01-01T00:00:00Z',
  /** login token lifetime when the spec's mock section gives none */
  tokenLifetimeMs: 60 * 60 * 1000,
  /** length of the "minute" rate-limit window */
  minuteWindowMs: 60_000,
  dayWindowMs: 86_400_000,
} as const satisfies Record<string, string | number | boolean>;

/** The reserved path prefix of the control API. */
export const CONTROL_PREFIX = '/__authconform/';
