/**
 * What the request pipeline reads from a request: method, headers (case-insensitive `get`) and a
 * body (JSON or a form). A Fetch `Request` (what msw hands to resolvers) fits as is; the loopback server's
 * direct dispatch builds a lighter one over node's IncomingMessage.
 */
import type { IncomingMessage } from 'node:http';
import { decodeForm, FORM_TYPE } from '../util/form-encoding.ts';

export interface MockRequest {
  readonly method: string;
  /** the request target (absolute, or path and query); the credential may travel in its query */
  readonly url?: string;
  readonly headers: { get(name: string): string | null };
  /** the client's address, where the transport knows it (the partition of anonymous limits) */
  readonly client?: string;
  text(): Promise<string>;
}

/** Whose anonymous budget a request without credentials counts against: its client address. */
export function clientOf(request: MockRequest): string {
  return request.client ?? 'local';
}

const bodies = new WeakMap<MockRequest, Promise<unknown>>();

function parseBody(text: string, contentType: string | null): unknown {
  if (contentType !== null && contentType.split(';')[0]?.trim().toLowerCase() === FORM_TYPE) return decodeForm(text);
  return JSON.parse(text) as unknown;
}

/**
 * The request's body as a value, parsed once (several stages read it): a form body
 * (application/x-www-form-urlencoded) as an object of its fields, anything else as JSON;
 * undefined when it does not parse.
 */
export function jsonBody(request: MockRequest): Promise<unknown> {
  let body = bodies.get(request);
  if (body === undefined) {
    body = request
      .text()
      .then((text) => parseBody(text, request.headers.get('content-type')))
      .catch(() => undefined);
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
    ...(req.socket.remoteAddress === undefined ? {} : { client: req.socket.remoteAddress }),
    headers: {
      get(name) {
        const v = headers[name.toLowerCase()];
        if (v === undefined) return null;
        return Array.isArray(v) ? v.join(', ') : v;
      },
    },
    text: async () => (body === undefined ? '' : body.toString('utf8')),
  };
}
