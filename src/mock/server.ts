/**
 * `startMock(spec, options)`: the loaded spec's msw handlers served on a real loopback port
 * (plus the plain-HTTP listener of HTTPS-only specs), with its state, defects and fixtures.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'msw';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { operationList } from './api-paths.ts';
import type { LoadedSpec } from '../spec/mock-config.ts';
import { AuthconformError } from '../util/errors.ts';
import type { Endpoint } from './endpoint.ts';
import { buildEndpoints } from './handlers.ts';
import type { HeaderNames } from './header-names.ts';
import { headerNames } from './header-names.ts';
import { mockFixtures } from './mock-fixtures.ts';
import type { Dispatch } from './node-adapter.ts';
import { nodeListener } from './node-adapter.ts';
import type { MockOptions } from './options.ts';
import { MOCK_DEFAULTS } from './options.ts';
import { refusingEndpoint } from './plain.ts';
import { anonymousRateHeaders } from './rate-headers.ts';
import type { Reply } from './reply.ts';
import { jsonReply } from './reply.ts';
import type { Runtime } from './runtime.ts';
import { createRuntime } from './runtime.ts';
import type { StageWrappers } from './stages.ts';
import type { MockState } from './state.ts';
import { createMockState } from './state.ts';

export interface MockServer {
  /** base URL of the main listener (plays the API's TLS endpoint for HTTPS-only specs) */
  url: string;
  /** plain-HTTP listener of an HTTPS-only spec: refuses everything */
  plainUrl?: string;
  /** the seed's credentials and resources in the Fixtures shape the probes take */
  fixtures: Fixtures;
  state: MockState;
  /** defect ids switched on */
  defects: string[];
  /** variant names switched on */
  variants: string[];
  /** the msw handlers being served */
  handlers: RequestHandler[];
  close(): Promise<void>;
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** A request's headers must arrive within this (a slowloris socket is dropped). */
export const MOCK_HEADERS_TIMEOUT_MS = 10_000;
/** A whole request must arrive within this. */
export const MOCK_REQUEST_TIMEOUT_MS = 30_000;
/** how long an idle keep-alive connection stays open */
export const MOCK_KEEP_ALIVE_TIMEOUT_MS = 300_000;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      reject(new AuthconformError('AC_USAGE', `mock: cannot listen on ${formatHost(host)}:${port} (${err.code ?? err.message}) — choose another --port or --host`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function notFound(rt: Runtime) {
  return (method: string, pathname: string): Reply => {
    const headers = {};
    anonymousRateHeaders(rt, 'anonymous', rt.state.clock.now(), headers);
    // a client developer's typo: the answer lists what the spec serves
    return jsonReply(rt, 404, { error: 'not_found', message: `No route for ${method} ${pathname}`, operations: operationList(rt.contract) }, headers);
  };
}

interface Listener {
  server: Server;
  url: string;
}

async function startListener(rt: Runtime, host: string, port: number, names: HeaderNames, endpoints: Endpoint[], dispatch: Dispatch, options: MockOptions): Promise<Listener> {
  // slow clients (a header or body trickling in) are dropped, not held for ever; Node checks the
  // timeouts every connectionsCheckingInterval (30 s by default: a socket would live up to 40 s)
  const headersTimeout = options.headersTimeoutMs ?? MOCK_HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? MOCK_REQUEST_TIMEOUT_MS;
  // idle keep-alive sockets stay open for minutes: with Node's 5 s a client stalled for a few seconds
  // (a loaded machine, a rate-limit wait) can send on a socket the mock is closing, and the request
  // dies with ECONNRESET; a client's own idle timeout (undici honours `Keep-Alive: timeout=`) closes first
  const server = createServer({ keepAlive: true, keepAliveTimeout: MOCK_KEEP_ALIVE_TIMEOUT_MS, headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) });
  const bound = await listen(server, port, host);
  const origin = `http://${formatHost(host)}:${bound}`;
  server.on('request', nodeListener({ origin, endpoints, notFound: notFound(rt), names, dispatch }));
  return { server, url: origin };
}

/** The API as a backend that trusts its plain-HTTP port serves it: without checking credentials. */
const UNAUTHENTICATED: StageWrappers = {
  missing: () => (rt) => rt.stages.anonymous(rt),
  unknown: () => (rt) => rt.stages.anonymous(rt),
};

/** The plain listener's endpoints: one refusing everything, or (transport.https-only defect) the API without authentication. */
function plainEndpoints(spec: LoadedSpec, state: MockState, options: MockOptions, rt: Runtime): Endpoint[] {
  if (rt.stages.plainListener(rt) === 'refuse') return [refusingEndpoint(rt)];
  return buildEndpoints(createRuntime(spec, state, options, [UNAUTHENTICATED]), false);
}

export async function startMock(spec: LoadedSpec, options: MockOptions = {}): Promise<MockServer> {
  const { contract } = spec;
  const host = options.host ?? MOCK_DEFAULTS.host;
  const dispatch = options.dispatch ?? MOCK_DEFAULTS.dispatch;
  const state = createMockState(spec, {
    ...(options.variants !== undefined ? { variants: options.variants } : {}),
    ...(options.clockStartMs !== undefined ? { clockStartMs: options.clockStartMs } : {}),
  });
  const rt = createRuntime(spec, state, options);
  const endpoints = buildEndpoints(rt, options.control ?? MOCK_DEFAULTS.control);
  const names = headerNames(contract, rt.variants);
  const main = await startListener(rt, host, options.port ?? MOCK_DEFAULTS.port, names, endpoints, dispatch, options);
  const servers = [main.server];
  let plainUrl: string | undefined;
  if (contract.transport.httpsOnly) {
    try {
      const plain = await startListener(rt, host, options.plainPort ?? MOCK_DEFAULTS.plainPort, names, plainEndpoints(spec, state, options, rt), dispatch, options);
      servers.push(plain.server);
      plainUrl = plain.url;
    } catch (err) {
      await close(main.server);
      throw err;
    }
  }
  const server: MockServer = {
    url: main.url,
    fixtures: mockFixtures(spec, state, options, plainUrl),
    state,
    defects: [...(options.defects ?? [])],
    variants: [...rt.variants],
    handlers: endpoints.map((e) => e.handler),
    close: async () => {
      await Promise.all(servers.map(close));
    },
  };
  if (plainUrl !== undefined) server.plainUrl = plainUrl;
  return server;
}
