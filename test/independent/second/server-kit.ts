/**
 * The plumbing the second-reading servers share: a node:http listener on 127.0.0.1 port 0 that
 * closes cleanly, JSON in and out, fake random secrets and a fixed-window counter. Nothing here
 * knows an API: each `<api>-server.ts` decides its own rules from its vendor page alone.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** Listens on 127.0.0.1 port 0; every request body is read before the handler runs. */
export async function listen(handler: Handler): Promise<Listening> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handler(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch {
        if (!res.headersSent) send(res, 500, { message: 'internal error' });
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Writes a JSON body (or no body for `undefined`), header names exactly as given. */
export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  const out: Record<string, string> = { ...headers };
  if (body !== undefined) out['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(status, out);
  res.end(text);
}

/** The parsed JSON body, or `undefined` when it is empty or not JSON. */
export function parseJson(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** A fake secret: `prefix` + random hex, different at every server start. */
export const secret = (prefix: string, bytes = 16): string => prefix + randomBytes(bytes).toString('hex');

/** Path and query of a request URL. */
export function target(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://placeholder.invalid');
}

/**
 * A fixed window per subject: the window opens at the subject's first request and closes
 * `windowMs` later. `hit` counts one request and reports what is left.
 */
export class FixedWindows {
  private readonly windows = new Map<string, { start: number; used: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  hit(subject: string): { allowed: boolean; remaining: number; resetAt: number } {
    const t = this.now();
    let w = this.windows.get(subject);
    if (!w || t >= w.start + this.windowMs) {
      w = { start: t, used: 0 };
      this.windows.set(subject, w);
    }
    const resetAt = w.start + this.windowMs;
    if (w.used >= this.limit) return { allowed: false, remaining: 0, resetAt };
    w.used += 1;
    return { allowed: true, remaining: this.limit - w.used, resetAt };
  }
}
