/**
 * Hostile targets for the hardening tests: node:http / node:https / node:net servers on
 * 127.0.0.1, port 0, that count what reaches them and never let a client's misbehaviour (a reset,
 * a read stopped half-way) surface as an error in the test process.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface Hostile {
  /** base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** connections accepted (TCP), whatever came of them */
  readonly connections: number;
  /** HTTP requests that reached the handler, in order */
  readonly seen: readonly Seen[];
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export { makeSelfSigned, type SelfSigned } from '../../support/self-signed.ts';
import type { SelfSigned } from '../../support/self-signed.ts';

export function startHttp(handler: Handler): Promise<Hostile> {
  return serve(http.createServer(), handler, 'http');
}

export function startHttps(handler: Handler, tls: SelfSigned): Promise<Hostile> {
  return serve(https.createServer({ key: tls.key, cert: tls.cert }), handler, 'https');
}

async function serve(server: http.Server, handler: Handler, scheme: 'http' | 'https'): Promise<Hostile> {
  const seen: Seen[] = [];
  let connections = 0;
  const sockets = new Set<Socket>();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.on('error', () => undefined);
    handler(req, res);
  });
  // plain TCP connections, and (https) sockets that finished the TLS handshake
  server.on('connection', (socket: Socket) => track(socket));
  server.on('secureConnection', (socket: Socket) => track(socket));
  server.on('tlsClientError', (_err: Error, socket: Socket) => socket.destroy());
  server.on('clientError', (_err: Error, socket: Socket) => socket.destroy());
  function track(socket: Socket): void {
    if (sockets.has(socket)) return;
    if (!(socket as { encrypted?: boolean }).encrypted) connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  }
  return listen(server, scheme, {
    get connections() {
      return connections;
    },
    seen,
    sockets,
  });
}

/** A raw TCP server: `onSocket` gets each connection (its errors are swallowed). */
export async function startTcp(onSocket: (socket: Socket) => void): Promise<Hostile> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  return listen(server, 'http', {
    get connections() {
      return connections;
    },
    seen: [],
    sockets,
  });
}

async function listen(
  server: net.Server,
  scheme: 'http' | 'https',
  state: { readonly connections: number; seen: Seen[]; sockets: Set<Socket> },
): Promise<Hostile> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    get connections() {
      return state.connections;
    },
    seen: state.seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of state.sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 with nothing listening (bound, read, released). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** A conformant Acme target: `key` in X-Acme-Key is accepted, anything else refused as missing. */
export function acmeTarget(key: string): Promise<Hostile> {
  return startHttp((req, res) => {
    const ok = req.headers['x-acme-key'] === key;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { widgets: [] } : { error: 'missing_key' }));
  });
}
