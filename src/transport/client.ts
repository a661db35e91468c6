/**
 * The transport: the only layer that talks to the target. Upper layers hand it
 * a {@link ProbeRequest} and get a {@link ProbeResponse} or a
 * {@link TransportError}.
 *
 * Per request: URL check → budget → rate-limit gate → per-origin slot →
 * undici request under an overall deadline and precise headers and body-idle
 * timeouts (from when the request is on a socket, phase-timer.ts) → body read
 * up to the cap → rate-limit figures recorded. Redirects are returned, never
 * followed.
 */
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { readCappedBody } from './body.ts';
import { classifyError } from './classify.ts';
import { resolveTransportOptions } from './defaults.ts';
import { createDispatcher } from './dispatcher.ts';
import { TransportError } from './errors.ts';
import { createKeyedLimiter } from './limiter.ts';
import { notifyRequestStart } from './phase-timer.ts';
import { createRateLimitGate, rateLimitKey } from './rate-limit-gate.ts';
import { buildResponse, hasNoBody, headersFromRaw } from './response.ts';
import { parseTargetUrl } from './target-url.ts';
import type { ProbeRequest, ProbeResponse, Transport, TransportOptions } from './types.ts';

/** The abort reason of the overall deadline (classified by classify.ts, never thrown to callers). */
class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
  constructor(ms: number) {
    super(`overall deadline of ${ms} ms reached`);
  }
}

export function createTransport(options: TransportOptions = {}): Transport {
  const o = resolveTransportOptions(options);
  const baseDispatcher = createDispatcher({
    concurrency: o.concurrency,
    timeoutMs: o.timeoutMs,
    useEnvProxy: o.useEnvProxy,
  });
  /** what to do when a request (known by its abort signal) is on the wire */
  const onRequestStart = new WeakMap<object, () => void>();
  const dispatcher = notifyRequestStart(baseDispatcher, (signal) => {
    if (typeof signal === 'object' && signal !== null) onRequestStart.get(signal)?.();
  });
  const limiter = createKeyedLimiter(o.concurrency);
  const gate = createRateLimitGate({
    headers: o.rateLimitHeaders,
    maxPauseMs: o.maxPauseMs,
    sleep: o.sleep,
    now: o.now,
    onPause: o.onRateLimitPause,
  });
  let requestsSent = 0;
  let closed = false;

  /** One request on the wire, under the overall deadline and the per-phase timeouts. */
  async function perform(url: URL, req: ProbeRequest): Promise<ProbeResponse> {
    const controller = new AbortController();
    let deadlineExpired = false;
    // undici only applies an abort once the request is on a connection, so an
    // expired timer also settles the promise itself: connect cannot outlast the deadline
    let reject!: (reason: Error) => void;
    const expired = new Promise<never>((_, fail) => {
      reject = fail;
    });
    const expire = (reason: Error): void => {
      controller.abort(reason);
      reject(reason);
    };
    const deadline = setTimeout(() => {
      deadlineExpired = true;
      expire(new DeadlineExceeded(o.deadlineMs));
    }, o.deadlineMs);
    let phaseTimer: NodeJS.Timeout | undefined;
    const startPhase = (timeout: () => TransportError): void => {
      clearTimeout(phaseTimer);
      phaseTimer = setTimeout(() => expire(timeout()), o.timeoutMs);
    };
    onRequestStart.set(controller.signal, () =>
      startPhase(() => new TransportError('AC_HEADERS_TIMEOUT', `no response headers within ${o.timeoutMs} ms`)),
    );
    const phase = { current: 'headers' as 'headers' | 'body' };
    const started = performance.now();
    requestsSent += 1;
    const work = (async (): Promise<ProbeResponse> => {
      const res = await request(url, {
        dispatcher,
        method: req.method,
        headers: req.headers,
        body: req.body ?? null,
        signal: controller.signal,
        responseHeaders: 'raw',
      });
      phase.current = 'body';
      startPhase(() => new TransportError('AC_BODY_TIMEOUT', `response body stalled for more than ${o.timeoutMs} ms`));
      const head = headersFromRaw(res.headers as unknown as (string | Buffer)[]);
      const declared = head.headers['content-length'];
      const declaredLength =
        declared !== undefined && /^\d+$/.test(declared) && !hasNoBody(req.method, res.statusCode)
          ? Number(declared)
          : undefined;
      const { bytes, truncated } = await readCappedBody(res.body, o.maxBodyBytes, o.bodyOverflow, declaredLength, () =>
        phaseTimer?.refresh(),
      );
      return buildResponse({
        method: req.method,
        status: res.statusCode,
        head,
        bytes,
        truncated,
        elapsedMs: Math.round(performance.now() - started),
      });
    })();
    work.catch(() => undefined); // when a timer wins, the loser's rejection is expected
    try {
      return await Promise.race([work, expired]);
    } catch (err) {
      throw classifyError(err, {
        url,
        phase: phase.current,
        timeoutMs: o.timeoutMs,
        deadlineMs: o.deadlineMs,
        deadlineExpired,
      });
    } finally {
      clearTimeout(deadline);
      clearTimeout(phaseTimer);
      onRequestStart.delete(controller.signal);
    }
  }

  async function send(req: ProbeRequest): Promise<ProbeResponse> {
    if (closed) throw new TransportError('AC_REQUEST_FAILED', 'transport is closed');
    const url = parseTargetUrl(req.url);
    if (o.budget !== undefined && !o.budget.tryTake()) {
      throw new TransportError('AC_BUDGET_EXHAUSTED', `request budget of ${o.budget.max ?? 0} exhausted (--max-requests)`);
    }
    const origin = url.origin;
    // the credential's fingerprint (a hash) only where the gate reads it
    const key = o.rateLimitAware ? rateLimitKey(req, origin) : '';
    const ticket = o.rateLimitAware && req.bypassRateLimitGate !== true ? gate.ticket(key, origin) : undefined;
    let release: () => void;
    for (;;) {
      await ticket?.wait();
      release = await limiter.acquire(origin);
      // a response that arrived while we queued may have closed the window
      if (ticket === undefined || !ticket.mustWait()) break;
      release();
    }
    try {
      if (closed) throw new TransportError('AC_REQUEST_FAILED', 'transport is closed');
      const res = await perform(url, req);
      if (o.rateLimitAware) gate.observe(key, res);
      return res;
    } finally {
      release();
    }
  }

  return {
    send,
    get requestsSent() {
      return requestsSent;
    },
    async close() {
      if (closed) return;
      closed = true;
      await baseDispatcher.close();
    },
  };
}
