/** Tiny node:http targets on 127.0.0.1 port 0, answering from a plain function of the request. */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** lower-cased names */
  headers: Record<string, string>;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** an object is sent as JSON */
  body?: unknown;
}

/** 'destroy' closes the connection without an answer; 'hang' never answers */
export type Handler = (req: SeenRequest) => Reply | 'destroy' | 'hang';

export interface Target {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startTarget(handler: Handler): Promise<Target> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : (v ?? '');
      const r: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body };
      seen.push(r);
      const reply = handler(r);
      if (reply === 'destroy') {
        req.socket.destroy();
        return;
      }
      if (reply === 'hang') return;
      const json = reply.body !== undefined && typeof reply.body !== 'string';
      const text = reply.body === undefined ? '' : json ? JSON.stringify(reply.body) : String(reply.body);
      res.writeHead(reply.status, { ...(json ? { 'content-type': 'application/json' } : {}), ...reply.headers });
      res.end(text);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
