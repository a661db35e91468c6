/**
 * What the request pipeline reads from a request: method, headers (case-insensitive `get`) and a
 * JSON body. A Fetch `Request` (what msw hands to resolvers) fits as is; the loopback server's
 * direct dispatch builds a lighter one over node's IncomingMessage.
 */
import type { IncomingMessage } from 'node:http';

export interface MockRequest {
  readonly method: string;
  /** the request target (absolute, or path and query); the credential may travel in its query */
  readonly url?: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

const bodies = new WeakMap<MockRequest, Promise<unknown>>();

/** The request's JSON body, parsed once (several stages read it); undefined when it is not JSON. */
export function jsonBody(request: MockRequest): Promise<unknown> {
  let body = bodies.get(request);
  if (body === undefined) {
    body = request.json().catch(() => undefined);
    bodies.set(request, body);
  }
  return body;
}

/** A MockRequest over a node request whose body was already read. */
export function nodeRequest(req: IncomingMessage, body: Buffer | undefined): MockRequest {
  const headers = req.headers;
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: {
      get(name) {
        const v = headers[name.toLowerCase()];
        if (v === undefined) return null;
        return Array.isArray(v) ? v.join(', ') : v;
      },
    },
    json: async () => JSON.parse(body === undefined ? '' : body.toString('utf8')) as unknown,
  };
}
