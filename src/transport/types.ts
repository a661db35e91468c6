import type { RequestBudget } from './budget.ts';
import type { TransportError } from './errors.ts';

export interface ProbeRequest {
  /** 'GET', 'POST', ... */
  method: string;
  /** absolute URL (http or https) */
  url: string;
  /** sent exactly as given (names as given) */
  headers: Record<string, string>;
  body?: string;
  /** secret values to mask in any evidence derived from this exchange */
  secrets?: string[];
  /** when true, this request does not go through the rate-limit gate (rate-limit probes themselves) */
  bypassRateLimitGate?: boolean;
}

/** The origins a probe may name: the target's, or the plain-HTTP one the https-only probe tries. */
export type OriginName = 'target' | 'plain-http';

/** What probes build: a path with its query, below the base URL of a named origin (default: the target's). */
export interface PathRequest extends Omit<ProbeRequest, 'url'> {
  /** `/v1/things?dry=1`, below the origin's base path */
  path: string;
  /** @default 'target' */
  origin?: OriginName;
}

/** A probe's request as it went on the wire: its path and the absolute URL it resolved to. */
export type SentRequest = PathRequest & Pick<ProbeRequest, 'url'>;

export interface ProbeResponse {
  status: number;
  /** lower-cased header names; repeated headers joined with ', ' */
  headers: Record<string, string>;
  /** raw header names as received, in order (for header-case evidence) */
  rawHeaderNames: string[];
  /** utf-8 text, at most maxBodyBytes */
  body: string;
  /**
   * true when the body exceeded maxBodyBytes. With the default
   * `bodyOverflow: 'error'` the request fails with AC_BODY_TOO_LARGE instead,
   * so this is only ever true with `bodyOverflow: 'truncate'`.
   */
  truncated: boolean;
  /** parsed when the content-type is JSON-ish (application/json or +json) and the body parses */
  json?: unknown;
  /** set when the content-type says JSON but the body does not parse (one line, no body content) */
  jsonError?: string;
  /** ms since epoch from the Date response header, if present and parseable */
  date?: number;
  elapsedMs: number;
}

export interface Exchange<R extends ProbeRequest = ProbeRequest> {
  request: R;
  response?: ProbeResponse;
  error?: TransportError;
}

/** Header names (and reset unit) the rate-limit gate reads. */
export interface RateLimitHeaderNames {
  remaining: string;
  reset: string;
  resetUnit: 'epoch-seconds' | 'delta-seconds';
}

/** Reported through {@link TransportOptions.onRateLimitPause}. */
export interface RateLimitPause {
  /** origin of the request that is held back */
  origin: string;
  /** how long the request will wait, ms (0 when `skipped`) */
  waitMs: number;
  /** what asked for the pause */
  reason: 'remaining-zero' | 'retry-after';
  /** true when the wait would exceed maxPauseMs and the request is sent anyway */
  skipped: boolean;
  /** the wait that was asked for, ms */
  requestedMs: number;
}

export interface TransportOptions {
  /**
   * max concurrent requests per origin
   * @default 10
   */
  concurrency?: number;
  /**
   * used for connect, headers and body timeouts, ms
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * overall bound on one request (connect + headers + whole body), ms; a server
   * dripping bytes cannot hold a request longer than this
   * @default 2 * timeoutMs
   */
  deadlineMs?: number;
  /** @default 1048576 */
  maxBodyBytes?: number;
  /**
   * what happens when a body exceeds maxBodyBytes: fail with AC_BODY_TOO_LARGE,
   * or return the first maxBodyBytes with `truncated: true`. Either way the
   * rest of the body is not read and the connection is closed.
   * @default 'error'
   */
  bodyOverflow?: 'error' | 'truncate';
  /** shared request budget (see budget.ts); unlimited when absent */
  budget?: RequestBudget;
  /** @default true */
  rateLimitAware?: boolean;
  /**
   * the longest a rate-limit pause may last, ms
   * @default 65000
   */
  maxPauseMs?: number;
  /**
   * header names for the rate-limit gate
   * @default { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetUnit: 'delta-seconds' }
   */
  rateLimitHeaders?: RateLimitHeaderNames;
  /**
   * use HTTP_PROXY / HTTPS_PROXY / NO_PROXY from the environment when set
   * @default true
   */
  useEnvProxy?: boolean;
  /** called whenever the rate-limit gate holds a request back (or would, but the wait exceeds maxPauseMs) */
  onRateLimitPause?: (pause: RateLimitPause) => void;
  /**
   * injectable sleep, for tests
   * @default real timer
   */
  sleep?: (ms: number) => Promise<void>;
  /**
   * injectable clock (ms since epoch), for tests
   * @default Date.now
   */
  now?: () => number;
}

export interface Transport {
  /** throws TransportError */
  send(req: ProbeRequest): Promise<ProbeResponse>;
  /** requests actually handed to the network */
  readonly requestsSent: number;
  close(): Promise<void>;
}
