/**
 * The control API under `/__authconform/` (see docs/TEAM-NOTES.md): the mock clock, key creation
 * and revocation, reset to the seed. Only served when the mock is started with control enabled.
 */
import { http } from 'msw';
import type { RequestHandler } from 'msw';
import { CONTROL_PREFIX } from './options.ts';
import { jsonReply } from './reply.ts';
import type { Runtime } from './runtime.ts';
import { pathnameOf } from './request-path.ts';

export interface ControlHandler {
  method: string;
  path: string;
  handler: RequestHandler;
}

async function body(request: Request): Promise<Record<string, unknown>> {
  try {
    const v: unknown = await request.json();
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function controlHandlers(rt: Runtime): ControlHandler[] {
  const { state } = rt;
  const fail = (status: number, error: string, message: string): Response => jsonReply(rt, status, { error, message }, {});
  const route = (method: 'GET' | 'POST', name: string, resolve: (request: Request) => Promise<Response> | Response): ControlHandler => {
    const path = `${CONTROL_PREFIX}${name}`;
    const factory = method === 'GET' ? http.get : http.post;
    const handler = factory(({ request }) => pathnameOf(request) === path, ({ request }) => resolve(request));
    return { method, path, handler };
  };
  return [
    route('GET', 'clock', () => jsonReply(rt, 200, { now: state.clock.now() }, {})),
    route('POST', 'clock', async (request) => {
      const ms = (await body(request)).advanceMs;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return fail(400, 'invalid_request', 'advanceMs must be a non-negative number of milliseconds');
      return jsonReply(rt, 200, { now: state.clock.advance(ms) }, {});
    }),
    route('POST', 'keys', async (request) => {
      const like = (await body(request)).like;
      if (typeof like !== 'string') return fail(400, 'invalid_request', 'like must be the value of an existing credential');
      const created = state.createLike(like);
      if (created === undefined) return fail(404, 'unknown_credential', 'no credential with that value');
      return jsonReply(rt, 200, { value: created.value }, {});
    }),
    route('POST', 'keys/revoke', async (request) => {
      const value = (await body(request)).value;
      if (typeof value !== 'string') return fail(400, 'invalid_request', 'value must be the value of an existing credential');
      const revoked = state.revoke(value);
      if (revoked === undefined) return fail(404, 'unknown_credential', 'no credential with that value');
      return jsonReply(rt, 200, { revokedAt: revoked.revokedAt }, {});
    }),
    route('POST', 'reset', () => {
      state.reset();
      return jsonReply(rt, 200, { now: state.clock.now() }, {});
    }),
  ];
}
