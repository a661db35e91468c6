/**
 * Telling when a request is on the wire, for precise per-phase timeouts. undici runs its headers
 * and body timers on a coarse ~0.5-1 s tick, so a 500 ms timeout fires anywhere between 0.5 and
 * 1.5 s, often after the overall deadline (and then the reason names the deadline, not the
 * timeout the user set). The transport's own native timers fire on time; undici's stay as a
 * backstop.
 *
 * The headers phase starts when undici puts the request on a connected socket (the handler's
 * `onConnect`), so a slow connect is still undici's connect timeout.
 *
 * Not an undici interceptor (`compose`): composed dispatchers convert handlers to the new handler
 * API, which parses the response headers and loses their raw names and repeated values.
 */
import type { Dispatcher } from 'undici';

/**
 * `dispatcher` with every handler's `onConnect` reported to `started(opts.signal)` first; all
 * else is the dispatcher itself (close it, not the view).
 */
export function notifyRequestStart(dispatcher: Dispatcher, started: (signal: unknown) => void): Dispatcher {
  const dispatch = (opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean =>
    dispatcher.dispatch(opts, onConnectHook(handler, () => started((opts as { signal?: unknown }).signal)));
  return new Proxy(dispatcher, {
    get: (target, key) => (key === 'dispatch' ? dispatch : Reflect.get(target, key, target)),
  });
}

/** The handler as is (legacy API, raw headers kept), with `onConnect` calling `hook` first. */
function onConnectHook(handler: Dispatcher.DispatchHandler, hook: () => void): Dispatcher.DispatchHandler {
  return new Proxy(handler, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (key !== 'onConnect') return value.bind(target);
      return (...args: unknown[]) => {
        hook();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
