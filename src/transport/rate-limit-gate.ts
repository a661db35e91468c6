/**
 * Rate-limit awareness: remembers, per (origin + credential fingerprint), the
 * last remaining/reset figures and any 429 Retry-After, and holds a request
 * back until the window resets instead of burning it on a certain 429.
 *
 * Server-relative figures (epoch resets, Retry-After dates) are measured
 * against the response's Date header, then turned into a local deadline at the
 * moment the response is seen, so clock skew between us and the server does
 * not matter.
 */
import { credentialFingerprint } from './credential-fingerprint.ts';
import { parseRetryAfter } from './http-date.ts';
import { resetDelaySeconds } from './reset.ts';
import type { ProbeRequest, ProbeResponse, RateLimitHeaderNames, RateLimitPause } from './types.ts';

export interface RateLimitGateOptions {
  headers: RateLimitHeaderNames;
  /** the longest a request may be held back in total, ms; longer waits are skipped */
  maxPauseMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  onPause?: ((pause: RateLimitPause) => void) | undefined;
}

/** What the gate knows about one (origin, credential). */
export interface RateLimitState {
  remaining?: number;
  /** local ms when the window resets */
  resetAt?: number;
  /** local ms before which a 429's Retry-After asks us not to retry */
  retryAt?: number;
}

/** One request's passage through the gate. */
export interface GateTicket {
  /** Waits (through the injected sleep) until the request may go, or until waiting would exceed maxPauseMs. */
  wait(): Promise<void>;
  /** True when, as of now, the request should wait (again) before it is sent. */
  mustWait(): boolean;
  /** Total ms this request was held back. */
  readonly pausedMs: number;
}

export interface RateLimitGate {
  ticket(key: string, origin: string): GateTicket;
  /** Records the rate-limit figures a response carries. */
  observe(key: string, res: ProbeResponse): void;
  state(key: string): RateLimitState | undefined;
}

/** The gate key of a request: its origin plus a fingerprint of the credentials it carries. */
export function rateLimitKey(req: Pick<ProbeRequest, 'headers' | 'url' | 'secrets'>, origin: string): string {
  return `${origin} ${credentialFingerprint(req)}`;
}

export function createRateLimitGate(options: RateLimitGateOptions): RateLimitGate {
  const states = new Map<string, RateLimitState>();
  const remainingName = options.headers.remaining.toLowerCase();
  const resetName = options.headers.reset.toLowerCase();

  /** The latest local deadline the state asks us to wait for, if any is in the future. */
  const target = (key: string): { at: number; reason: RateLimitPause['reason'] } | undefined => {
    const s = states.get(key);
    if (!s) return undefined;
    const now = options.now();
    let best: { at: number; reason: RateLimitPause['reason'] } | undefined;
    if (s.remaining === 0 && s.resetAt !== undefined && s.resetAt > now) best = { at: s.resetAt, reason: 'remaining-zero' };
    if (s.retryAt !== undefined && s.retryAt > now && (best === undefined || s.retryAt > best.at)) {
      best = { at: s.retryAt, reason: 'retry-after' };
    }
    return best;
  };

  return {
    ticket(key, origin) {
      let pausedMs = 0;
      /** deadlines up to this one have been waited out (or deliberately skipped) */
      let satisfiedUntil = -Infinity;
      return {
        get pausedMs() {
          return pausedMs;
        },
        mustWait() {
          const t = target(key);
          return t !== undefined && t.at > satisfiedUntil;
        },
        async wait() {
          for (;;) {
            const t = target(key);
            if (t === undefined || t.at <= satisfiedUntil) return;
            const waitMs = Math.ceil(t.at - options.now());
            if (pausedMs + waitMs > options.maxPauseMs) {
              options.onPause?.({ origin, waitMs: 0, requestedMs: waitMs, reason: t.reason, skipped: true });
              satisfiedUntil = Infinity; // send anyway; do not hold this request again
              return;
            }
            options.onPause?.({ origin, waitMs, requestedMs: waitMs, reason: t.reason, skipped: false });
            await options.sleep(waitMs);
            pausedMs += waitMs;
            satisfiedUntil = t.at;
          }
        },
      };
    },

    observe(key, res) {
      const now = options.now();
      const next: RateLimitState = { ...states.get(key) };
      const remainingRaw = firstValue(res.headers[remainingName]);
      const resetRaw = firstValue(res.headers[resetName]);
      if (remainingRaw !== undefined && /^\d+$/.test(remainingRaw)) {
        next.remaining = Number(remainingRaw);
        delete next.resetAt; // a fresh window: only this response's reset applies
      }
      if (resetRaw !== undefined) {
        const seconds = resetDelaySeconds(resetRaw, options.headers.resetUnit, res.date);
        if (seconds !== undefined) next.resetAt = now + seconds * 1000;
      }
      if (res.status === 429) {
        const retryAfter = firstValue(res.headers['retry-after']);
        const seconds = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter, res.date);
        if (seconds !== undefined) next.retryAt = now + seconds * 1000;
      }
      if (next.remaining !== undefined || next.resetAt !== undefined || next.retryAt !== undefined) {
        states.set(key, next);
      }
    },

    state(key) {
      const s = states.get(key);
      return s === undefined ? undefined : { ...s };
    },
  };
}

/** Repeated headers arrive joined with ', '; the first occurrence counts. */
function firstValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // HTTP-dates contain a comma ("Sun, 06 Nov ..."), so only split plain numbers
  return /^\s*[\d.]+\s*,/.test(value) ? (value.split(',')[0] ?? '').trim() : value.trim();
}
