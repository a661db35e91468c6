/**
 * Response construction: every response is JSON with `content-type: application/json` and a `Date`
 * header from the mock clock; the `extra-fields` variant adds envelope fields where the schema
 * allows them. Header names here are lower-case; the node adapter writes them in display case.
 */
import { randomBytes } from 'node:crypto';
import { HttpResponse } from 'msw';
import type { ErrorSpec } from '../spec/contract.ts';
import { errorBody, errorMessage } from './errors-body.ts';
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

export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** A JSON response; `schema` is the documented schema of the body (for the extra-fields variant). */
export function jsonReply(rt: Runtime, status: number, body: unknown, headers: HeaderBag, schema?: unknown): Response {
  headers['date'] = httpDate(rt.state.clock.now());
  const payload = rt.variants.has('extra-fields') ? withExtraFields(body, schema) : body;
  return HttpResponse.json(payload as never, { status, headers });
}

export interface ErrorReplyOptions {
  /** fields added to the body (defects) */
  extra?: Record<string, unknown>;
  retryAfterS?: number;
  retryAfterField?: string;
  /** last edit of the body (defects) */
  mutate?: (body: Record<string, unknown>) => void;
  status?: number;
}

/** The documented error `spec` as a response. */
export function errorReply(rt: Runtime, spec: ErrorSpec, headers: HeaderBag, opts: ErrorReplyOptions = {}): Response {
  const bodyOpts: Parameters<typeof errorBody>[1] = { message: errorMessage(spec, rt.variants.has('messages')), now: rt.state.clock.now() };
  if (opts.retryAfterS !== undefined) bodyOpts.retryAfterS = opts.retryAfterS;
  if (opts.retryAfterField !== undefined) bodyOpts.retryAfterField = opts.retryAfterField;
  const body = errorBody(spec, bodyOpts);
  if (opts.extra !== undefined) Object.assign(body, opts.extra);
  opts.mutate?.(body);
  return jsonReply(rt, opts.status ?? spec.status, body, headers, spec.schema);
}
