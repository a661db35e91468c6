/**
 * An endpoint of the mock: its msw handler (for any msw setup, and for the loopback server's `msw`
 * dispatch), a matcher, and `serve`, which runs the very resolver of that handler without msw's
 * per-request bookkeeping (request clone, cookie jar, abort controller) — the loopback server's
 * default `direct` dispatch.
 */
import type { RequestHandler } from 'msw';
import type { Reply } from './reply.ts';
import type { MockRequest } from './request.ts';

export interface Endpoint {
  handler: RequestHandler;
  /** path parameters when this endpoint serves `method pathname`, else undefined */
  match(method: string, pathname: string): Record<string, string> | undefined;
  serve(request: MockRequest, params: Record<string, string>): Promise<Reply>;
}

/** The first endpoint serving `method pathname`, with its path parameters. */
export function findEndpoint(endpoints: readonly Endpoint[], method: string, pathname: string): { endpoint: Endpoint; params: Record<string, string> } | undefined {
  for (const endpoint of endpoints) {
    const params = endpoint.match(method, pathname);
    if (params !== undefined) return { endpoint, params };
  }
  return undefined;
}
