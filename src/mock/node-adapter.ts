/**
 * A `node:http` request listener serving the mock's endpoints on a real loopback port (msw's
 * setupServer patches the client side and cannot intercept undici).
 *
 * Two dispatch modes, same resolvers, same answers:
 * - `msw`: IncomingMessage → Fetch Request (all headers, body) → msw's `getResponse([handler],
 *   request)` → Response → ServerResponse;
 * - `direct` (default): the matched endpoint's resolver runs on a light request over the
 *   IncomingMessage and its reply is written as is, skipping the Fetch objects and msw's per-run
 *   bookkeeping (about 70 µs a request on Node 20: see bench/mock-throughput.ts).
 * Header names are written in display case (`writeHead` with a raw array keeps the case).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Endpoint } from './endpoint.ts';
import { findEndpoint } from './endpoint.ts';
import type { HeaderNames } from './header-names.ts';
import type { Reply } from './reply.ts';
import { serializedBody, toHttpResponse } from './reply.ts';
import { nodeRequest } from './request.ts';
import { primePathname } from './request-path.ts';

export type Dispatch = 'direct' | 'msw';

export interface AdapterOptions {
  /** origin used to build Fetch request URLs (msw dispatch), e.g. `http://127.0.0.1:4010` */
  origin: string;
  endpoints: readonly Endpoint[];
  /** the answer to unknown routes */
  notFound(method: string, pathname: string): Reply;
  names: HeaderNames;
  dispatch: Dispatch;
}

const NO_BODY = new Set(['GET', 'HEAD']);

/** Largest request body the mock reads: 1 MiB (a larger one is answered 413 and the socket closed). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** The body, or undefined when it is larger than {@link MAX_REQUEST_BODY_BYTES}. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BODY_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toFetchRequest(req: IncomingMessage, url: string, body: Buffer | undefined): Request {
  const raw = req.rawHeaders;
  const headers: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] as string, raw[i + 1] as string]);
  const init: RequestInit = { method: req.method ?? 'GET', headers };
  if (body !== undefined && body.length > 0) init.body = new Uint8Array(body);
  return new Request(url, init);
}

function writeReply(res: ServerResponse, reply: Reply, names: HeaderNames): void {
  const head: string[] = [];
  for (const name in reply.headers) head.push(names(name), reply.headers[name] as string);
  res.writeHead(reply.status, head);
  res.end(reply.text);
}

async function writeResponse(res: ServerResponse, response: Response, names: HeaderNames): Promise<void> {
  const text = serializedBody(response);
  const body = text !== undefined ? Buffer.from(text) : Buffer.from(await response.arrayBuffer());
  const head: string[] = [];
  response.headers.forEach((value, name) => {
    if (name !== 'content-length') head.push(names(name), value);
  });
  head.push(names('content-length'), String(body.length));
  res.writeHead(response.status, head);
  res.end(body);
}

function plainError(res: ServerResponse, status: number, error: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error });
  res.writeHead(status, ['Content-Type', 'application/json', 'Content-Length', String(Buffer.byteLength(body))]);
  res.end(body);
}

/** The path of a request target (origin-form `/p?q`, or absolute-form `http://h/p?q`). */
function targetPath(target: string): string {
  const path = target.startsWith('/') ? target : new URL(target).pathname;
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

export function nodeListener(opts: AdapterOptions): RequestListener {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    let pathname: string;
    try {
      pathname = targetPath(target);
    } catch {
      plainError(res, 400, 'Bad Request');
      return;
    }
    const body = NO_BODY.has(method) ? undefined : await readBody(req);
    if (body === undefined && !NO_BODY.has(method)) {
      res.setHeader('connection', 'close');
      plainError(res, 413, 'Payload Too Large');
      req.destroy();
      return;
    }
    const found = findEndpoint(opts.endpoints, method, pathname);
    if (found === undefined) {
      writeReply(res, opts.notFound(method, pathname), opts.names);
      return;
    }
    if (opts.dispatch === 'direct') {
      writeReply(res, await found.endpoint.serve(nodeRequest(req, body), found.params), opts.names);
      return;
    }
    let request: Request;
    try {
      request = toFetchRequest(req, target.startsWith('/') ? opts.origin + target : new URL(target).href, body);
    } catch {
      plainError(res, 400, 'Bad Request');
      return;
    }
    primePathname(request, pathname);
    // msw's root module only for this dispatch (the default `direct` one never loads it)
    const { getResponse } = await import('msw');
    const response = (await getResponse([found.endpoint.handler], request)) ?? (await toHttpResponse(opts.notFound(method, pathname)));
    await writeResponse(res, response, opts.names);
  };
  return (req, res) => {
    serve(req, res).catch(() => plainError(res, 500, 'Internal Server Error'));
  };
}
