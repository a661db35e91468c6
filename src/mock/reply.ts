/**
 * Replies: every response is JSON with `content-type: application/json` (a static body documented
 * in another media type: that type) and a `Date` header from the mock clock; the `extra-fields` variant adds envelope fields where the schema allows them.
 * The pipeline builds plain `Reply` values (status, lower-case headers, JSON text); msw handlers
 * turn them into `HttpResponse`s, the loopback server can write them as they are.
 */
import { randomBytes } from 'node:crypto';
import type { ErrorSpec } from '../spec/contract.ts';
import { alternativeStatus } from '../spec/status-set.ts';
import { errorBody } from './errors-body.ts';
import { setAtPointer } from './pointer.ts';
import { closesProperties } from './instance.ts';
import type { Runtime } from './runtime.ts';

export type HeaderBag = Record<string, string>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withExtraFields(body: unknown, schema: unknown): unknown {
  if (!isPlainObject(body) || closesProperties(schema)) return body;
  const id = randomBytes(8).toString('hex');
  const extra: Record<string, unknown> = {
    request_id: `req_${id}`,
    documentation_url: 'https://docs.example.com/errors',
    meta: { served_by: 'authconform-mock', trace: { id } },
  };
  const out = { ...body };
  for (const [k, v] of Object.entries(extra)) if (!(k in out)) out[k] = v;
  return out;
}

let lastDateSecond = NaN;
let lastDate = '';

/** IMF-fixdate of `ms` (cached per second: every response carries one). */
export function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastDateSecond) {
    lastDateSecond = second;
    lastDate = new Date(second * 1000).toUTCString();
  }
  return lastDate;
}

/** A response as the pipeline builds it. */
export interface Reply {
  status: number;
  /** lower-case names */
  headers: HeaderBag;
  /** JSON text */
  text: string;
}

/**
 * The JSON text of responses made by `toHttpResponse`, so the loopback server writes it without
 * reading the Response body stream back (other msw setups read the body as usual).
 */
const serialized = new WeakMap<Response, string>();

export function serializedBody(response: Response): string | undefined {
  return serialized.get(response);
}

/**
 * The msw response of a reply. msw's root module (graphql, interceptors) is loaded on the first
 * call only: the loopback server's `direct` dispatch never makes a Response.
 */
export async function toHttpResponse(reply: Reply): Promise<Response> {
  const { HttpResponse } = await import('msw');
  const response = new HttpResponse(reply.text, { status: reply.status, headers: reply.headers });
  serialized.set(response, reply.text);
  return response;
}

/** A JSON reply; `schema` is the documented schema of the body (for the extra-fields variant). */
export function jsonReply(rt: Runtime, status: number, body: unknown, headers: HeaderBag, schema?: unknown): Reply {
  const payload = rt.variants.has('extra-fields') ? withExtraFields(body, schema) : body;
  const text = JSON.stringify(payload);
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(text));
  headers['date'] = rt.stages.dateField(rt, rt.state.clock.now());
  Object.assign(headers, rt.stages.draftRateLimitFields(rt));
  return { status, headers, text };
}

/** A non-JSON reply (a static body documented as text/plain, ...). */
export function textReply(rt: Runtime, status: number, text: string, contentType: string, headers: HeaderBag): Reply {
  headers['content-type'] = contentType;
  headers['content-length'] = String(Buffer.byteLength(text));
  headers['date'] = rt.stages.dateField(rt, rt.state.clock.now());
  Object.assign(headers, rt.stages.draftRateLimitFields(rt));
  return { status, headers, text };
}

export interface ErrorReplyOptions {
  /** fields added to the body (defects) */
  extra?: Record<string, unknown>;
  retryAfterS?: number;
  retryAfterField?: string;
  /** last edit of the body (defects) */
  mutate?: (body: Record<string, unknown>) => void;
  status?: number;
  /** the request carried a credential (the 401's Bearer challenge then says error="invalid_token") */
  presented?: boolean;
  /** a refusal for want of scope (a 403 then carries the scope challenge) */
  scopeRefusal?: boolean;
}

/** The documented error `spec` as a response. */
export function errorReply(rt: Runtime, spec: ErrorSpec, headers: HeaderBag, opts: ErrorReplyOptions = {}): Reply {
  const message = rt.stages.errorText(rt, spec);
  const bodyOpts: Parameters<typeof errorBody>[1] = { message, now: rt.state.clock.now() };
  if (opts.retryAfterS !== undefined) bodyOpts.retryAfterS = opts.retryAfterS;
  if (opts.retryAfterField !== undefined) bodyOpts.retryAfterField = opts.retryAfterField;
  if ((opts.status ?? spec.status) === 401) {
    const challenge = rt.stages.challenge(rt, opts.presented === true);
    if (challenge !== undefined) headers['www-authenticate'] = challenge;
  } else if ((opts.status ?? spec.status) === 403 && opts.scopeRefusal === true) {
    const challenge = rt.stages.scopeChallenge(rt);
    if (challenge !== undefined) headers['www-authenticate'] = challenge;
  }
  const body = errorBody(spec, bodyOpts);
  // a documented message text goes where the docs put it (default /message)
  if (spec.messagePattern !== undefined) setAtPointer(body, spec.messagePointer ?? '/message', message);
  if (opts.extra !== undefined) Object.assign(body, opts.extra);
  opts.mutate?.(body);
  // the header values the docs pin on this error (x-ratelimit-remaining: 0 on an exhausted limit)
  for (const [name, value] of Object.entries(spec.headerEquals ?? {})) headers[name] = value;
  const alternative = rt.variants.has('status-alternatives') ? alternativeStatus(spec) : undefined;
  return jsonReply(rt, opts.status ?? alternative ?? spec.status, body, headers, spec.schema);
}
