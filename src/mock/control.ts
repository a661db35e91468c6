/**
 * The control API under `/__authconform/` (see docs/TEAM-NOTES.md): the mock clock, key creation
 * and revocation, reset to the seed. Only served when the mock is started with control enabled.
 */
import { integerRangeError, MAX_DATE_MS } from '../util/ranges.ts';
import { http } from 'msw/core/http';
import type { Endpoint } from './endpoint.ts';
import { CONTROL_PREFIX } from './options.ts';
import type { Reply } from './reply.ts';
import { jsonReply, toHttpResponse } from './reply.ts';
import type { MockRequest } from './request.ts';
import { jsonBody } from './request.ts';
import { pathnameOf } from './request-path.ts';
import type { Runtime } from './runtime.ts';

async function fields(request: MockRequest): Promise<Record<string, unknown>> {
  const v = await jsonBody(request);
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function controlEndpoints(rt: Runtime): Endpoint[] {
  const { state } = rt;
  const ok = (body: unknown): Reply => jsonReply(rt, 200, body, {});
  const fail = (status: number, error: string, message: string): Reply => jsonReply(rt, status, { error, message }, {});
  const endpoint = (method: 'GET' | 'POST', name: string, serve: (request: MockRequest) => Promise<Reply>): Endpoint => {
    const path = `${CONTROL_PREFIX}${name}`;
    const factory = method === 'GET' ? http.get : http.post;
    return {
      handler: factory(({ request }) => pathnameOf(request) === path, async ({ request }) => toHttpResponse(await serve(request))),
      match: (m, p) => (m === method && p === path ? {} : undefined),
      serve: (request) => serve(request),
    };
  };
  const index = [
    { method: 'GET', path: 'clock', does: 'the mock time: { now } in ms' },
    { method: 'POST', path: 'clock', does: '{ advanceMs }: moves the clock forward; { freeze: true }: only advanceMs moves it until the next reset' },
    { method: 'POST', path: 'keys', does: '{ like }: creates a key like an existing one, answers { value }' },
    { method: 'POST', path: 'keys/revoke', does: '{ value }: revokes a key (its grace window starts now)' },
    { method: 'POST', path: 'reset', does: 'back to the seed: keys, data, counters, clock' },
  ].map((e) => ({ ...e, path: `${CONTROL_PREFIX}${e.path}` }));
  return [
    // the index: what a client developer can do with the mock
    endpoint('GET', '', async () => ok({ endpoints: index })),
    endpoint('GET', 'clock', async () => ok({ now: state.clock.now() })),
    endpoint('POST', 'clock', async (request) => {
      const body = await fields(request);
      // { freeze: true }: real time stops moving the clock until the next reset (sub-second windows on a loaded machine)
      if (body.freeze === true && body.advanceMs === undefined) return ok({ now: state.clock.freeze() });
      const ms = body.advanceMs;
      // the clock must stay a time a Date can show (a response's Date header)
      const why = integerRangeError(ms, { min: 0, max: Math.max(0, MAX_DATE_MS - state.clock.now()) });
      if (why !== undefined) return fail(400, 'invalid_request', `advanceMs ${why} (ms the clock moves, within what a Date can show)`);
      return ok({ now: state.clock.advance(ms as number) });
    }),
    endpoint('POST', 'keys', async (request) => {
      const like = (await fields(request)).like;
      if (typeof like !== 'string') return fail(400, 'invalid_request', 'like must be the value of an existing credential');
      const created = state.createLike(like);
      if (created === undefined) return fail(404, 'unknown_credential', 'no credential with that value');
      return ok({ value: created.value });
    }),
    endpoint('POST', 'keys/revoke', async (request) => {
      const value = (await fields(request)).value;
      if (typeof value !== 'string') return fail(400, 'invalid_request', 'value must be the value of an existing credential');
      const revoked = state.revoke(value);
      if (revoked === undefined) return fail(404, 'unknown_credential', 'no credential with that value');
      return ok({ revokedAt: revoked.revokedAt });
    }),
    endpoint('POST', 'reset', async () => {
      state.reset();
      return ok({ now: state.clock.now() });
    }),
  ];
}
