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
import { http } from 'msw/core/http';
import type { RequestHandler } from 'msw';
import type { LoadedSpec } from '../spec/mock-config.ts';
import { controlEndpoints } from './control.ts';
import type { Endpoint } from './endpoint.ts';
import type { BehaviourOptions } from './options.ts';
import { MOCK_DEFAULTS } from './options.ts';
import { handleOperation } from './pipeline.ts';
import { toHttpResponse } from './reply.ts';
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

function operationEndpoint(rt: Runtime, route: Route): Endpoint {
  const factory = FACTORIES[route.method] ?? http.all;
  const handler = factory(
    ({ request }) => {
      const params = matchRoute(route, pathnameOf(request));
      return params === undefined ? false : { matches: true, params };
    },
    async ({ request, params }) => toHttpResponse(await handleOperation(rt, route, request, params as Record<string, string>)),
  );
  return {
    handler,
    match: (method, pathname) => (method === route.method ? matchRoute(route, pathname) : undefined),
    serve: (request, params) => handleOperation(rt, route, request, params),
  };
}

/** The endpoints of a compiled runtime: the control API first (when enabled), then the operations. */
export function buildEndpoints(rt: Runtime, control: boolean): Endpoint[] {
  return [...(control ? controlEndpoints(rt) : []), ...rt.routes.map((route) => operationEndpoint(rt, route))];
}

/** msw handlers implementing the spec's auth behaviour over `state`. */
export function createHandlers(spec: LoadedSpec, state: MockState, options: BehaviourOptions = {}): RequestHandler[] {
  return buildEndpoints(createRuntime(spec, state, options), options.control ?? MOCK_DEFAULTS.control).map((e) => e.handler);
}
