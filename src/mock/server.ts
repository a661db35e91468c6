/**
 * `startMock(contract, options)`: the contract's msw handlers served on a real loopback port
 * (plus the plain-HTTP listener of HTTPS-only specs), with its state, defects and fixtures.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'msw';
import type { Fixtures } from '../fixtures/fixtures.ts';
import type { Contract } from '../spec/contract.ts';
import { AuthconformError } from '../util/errors.ts';
import { buildHandlerTable } from './handlers.ts';
import type { HeaderNames } from './header-names.ts';
import { headerNames } from './header-names.ts';
import { mockFixtures } from './mock-fixtures.ts';
import { nodeListener } from './node-adapter.ts';
import type { MockOptions } from './options.ts';
import { MOCK_DEFAULTS } from './options.ts';
import { plainHandlers } from './plain.ts';
import { anonymousRateHeaders } from './rate-headers.ts';
import { jsonReply } from './reply.ts';
import type { Runtime } from './runtime.ts';
import { createRuntime } from './runtime.ts';
import type { MockState } from './state.ts';
import { createMockState } from './state.ts';
import { pathnameOf } from './request-path.ts';

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
  return (request: Request): Response => {
    const headers = {};
    anonymousRateHeaders(rt, 'anonymous', rt.state.clock.now(), headers);
    return jsonReply(rt, 404, { error: 'not_found', message: `No route for ${request.method} ${pathnameOf(request)}` }, headers);
  };
}

async function startListener(rt: Runtime, host: string, port: number, names: HeaderNames, find: (m: string, p: string) => RequestHandler | undefined): Promise<{ server: Server; url: string }> {
  const server = createServer({ keepAlive: true });
  const bound = await listen(server, port, host);
  const origin = `http://${formatHost(host)}:${bound}`;
  server.on('request', nodeListener({ origin, find, notFound: notFound(rt), names }));
  return { server, url: origin };
}

/** The plain listener's normal behaviour: one handler refusing every request. */
function refusingFind(rt: Runtime): (m: string, p: string) => RequestHandler | undefined {
  const refuse = plainHandlers(rt)[0];
  return () => refuse;
}

/** The transport.https-only defect: the plain listener serves the API and skips authentication. */
function servingPlainFind(contract: Contract, state: MockState, options: MockOptions): (m: string, p: string) => RequestHandler | undefined {
  const plain = createRuntime(contract, state, options);
  plain.faults.serveMissing = true;
  plain.faults.acceptUnknown = true;
  return buildHandlerTable(plain, false).find;
}

export async function startMock(contract: Contract, options: MockOptions = {}): Promise<MockServer> {
  const host = options.host ?? MOCK_DEFAULTS.host;
  const state = createMockState(contract, options.variants !== undefined ? { variants: options.variants } : {});
  const rt = createRuntime(contract, state, options);
  const table = buildHandlerTable(rt, options.control ?? MOCK_DEFAULTS.control);
  const names = headerNames(contract, rt.variants);
  const main = await startListener(rt, host, options.port ?? MOCK_DEFAULTS.port, names, table.find);
  const servers = [main.server];
  let plainUrl: string | undefined;
  if (contract.transport.httpsOnly) {
    const find = rt.faults.plainServes ? servingPlainFind(contract, state, options) : refusingFind(rt);
    try {
      const plain = await startListener(rt, host, options.plainPort ?? MOCK_DEFAULTS.plainPort, names, find);
      servers.push(plain.server);
      plainUrl = plain.url;
    } catch (err) {
      await close(main.server);
      throw err;
    }
  }
  const server: MockServer = {
    url: main.url,
    fixtures: mockFixtures(contract, state, options, plainUrl),
    state,
    defects: [...(options.defects ?? [])],
    variants: [...rt.variants],
    handlers: table.handlers,
    close: async () => {
      await Promise.all(servers.map(close));
    },
  };
  if (plainUrl !== undefined) server.plainUrl = plainUrl;
  return server;
}
