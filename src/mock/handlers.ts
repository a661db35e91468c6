/**
 * msw request handlers generated from the Contract: one `http.<method>` handler per operation (and
 * the control API when enabled). Usable in any msw setup:
 *
 *   const state = createMockState(contract);
 *   setupServer(...createHandlers(contract, state, { defects: [] }));
 *
 * Handlers match on the URL path only (any origin), at the operation path and under each server
 * URL's base path. Unmatched requests are left to msw (the loopback server answers them 404).
 */
import { http } from 'msw';
import type { RequestHandler } from 'msw';
import type { Contract } from '../spec/contract.ts';
import { controlHandlers } from './control.ts';
import type { BehaviourOptions } from './options.ts';
import { MOCK_DEFAULTS } from './options.ts';
import { handleOperation } from './pipeline.ts';
import { pathnameOf } from './request-path.ts';
import type { Route } from './routes.ts';
import { matchRoute } from './routes.ts';
import type { Runtime } from './runtime.ts';
import { createRuntime } from './runtime.ts';
import type { MockState } from './state.ts';

const FACTORIES: Record<string, typeof http.get> = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
  HEAD: http.head,
  OPTIONS: http.options,
};

function operationHandler(rt: Runtime, route: Route): RequestHandler {
  const factory = FACTORIES[route.method] ?? http.all;
  return factory(
    ({ request }) => {
      const params = matchRoute(route, pathnameOf(request));
      return params === undefined ? false : { matches: true, params };
    },
    ({ request, params }) => handleOperation(rt, route, request, params as Record<string, string>),
  );
}

/** Handlers of a compiled runtime, plus a direct lookup (method + path) used by the loopback server. */
export interface HandlerTable {
  handlers: RequestHandler[];
  /** the one handler that serves `method pathname`, if any */
  find(method: string, pathname: string): RequestHandler | undefined;
}

export function buildHandlerTable(rt: Runtime, control: boolean): HandlerTable {
  const control_ = control ? controlHandlers(rt) : [];
  const ops = rt.routes.map((route) => ({ route, handler: operationHandler(rt, route) }));
  return {
    handlers: [...control_.map((c) => c.handler), ...ops.map((o) => o.handler)],
    find(method, pathname) {
      for (const c of control_) if (c.method === method && c.path === pathname) return c.handler;
      for (const o of ops) if (o.route.method === method && o.route.regex.test(pathname)) return o.handler;
      return undefined;
    },
  };
}

/** msw handlers implementing `contract`'s auth behaviour over `state`. */
export function createHandlers(contract: Contract, state: MockState, options: BehaviourOptions = {}): RequestHandler[] {
  return buildHandlerTable(createRuntime(contract, state, options), options.control ?? MOCK_DEFAULTS.control).handlers;
}
