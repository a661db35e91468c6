/**
 * A `node:http` request listener around msw's `getResponse(handlers, request)`: msw's setupServer
 * patches the client side and cannot intercept undici, so the mock serves its handlers on a real
 * loopback port. IncomingMessage → Fetch Request (all headers, body), Response → ServerResponse with
 * header names in display case (`writeHead` with a raw array keeps the case).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import type { RequestHandler } from 'msw';
import type { HeaderNames } from './header-names.ts';

export interface AdapterOptions {
  /** origin used to build request URLs, e.g. `http://127.0.0.1:4010` */
  origin: string;
  /** the handler that serves `method pathname`, or undefined for an unknown route */
  find(method: string, pathname: string): RequestHandler | undefined;
  /** the answer to unknown routes */
  notFound(request: Request): Response;
  names: HeaderNames;
}

const NO_BODY = new Set(['GET', 'HEAD']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, origin: string, body: Buffer | undefined): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  const target = req.url ?? '/';
  const url = target.startsWith('/') ? origin + target : new URL(target).href;
  const init: RequestInit = { method: req.method ?? 'GET', headers };
  if (body !== undefined && body.length > 0) init.body = new Uint8Array(body);
  return new Request(url, init);
}

async function writeResponse(res: ServerResponse, response: Response, names: HeaderNames): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
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

export function nodeListener(opts: AdapterOptions): RequestListener {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const body = NO_BODY.has(method) ? undefined : await readBody(req);
    let request: Request;
    try {
      request = toRequest(req, opts.origin, body);
    } catch {
      plainError(res, 400, 'Bad Request');
      return;
    }
    const pathname = new URL(request.url).pathname;
    const handler = opts.find(method, pathname);
    const response = (handler !== undefined ? await getResponse([handler], request) : undefined) ?? opts.notFound(request);
    await writeResponse(res, response, opts.names);
  };
  return (req, res) => {
    serve(req, res).catch(() => plainError(res, 500, 'Internal Server Error'));
  };
}
