/**
 * JSON bodies of documented errors, built to satisfy their ErrorSpec:
 * - `schema`: a minimal instance (const/enum values, required properties) with message-like fields
 *   filled with the description, `code`-like fields with the code or status;
 * - `code` only: `{ "error": "<code>", "message": "..." }` for string codes,
 *   `{ "code": <code>, "message": "..." }` for numeric codes;
 * - status only: `{ "error": "<reason phrase>" }`.
 * The documented code, when there is one, always appears as a value of the body.
 */
import { STATUS_CODES } from 'node:http';
import type { ErrorSpec } from '../spec/contract.ts';
import { instanceOf, primaryType } from './instance.ts';
import type { Schema } from './instance.ts';

export interface ErrorBodyOptions {
  /** text of message-like fields */
  message: string;
  /** mock time, for date-time fields */
  now: number;
  /** rate-limit errors: seconds to wait, put in `retryAfterField` */
  retryAfterS?: number;
  retryAfterField?: string;
}

const MESSAGE_FIELDS = new Set(['message', 'detail', 'details', 'description', 'error_description', 'error_message', 'msg']);
const STATUS_FIELDS = new Set(['status', 'status_code', 'statusCode', 'http_status']);

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** Alternative wording for the `messages` variant (documentation leaves message text free). */
const ALT_MESSAGES: Record<number, string> = {
  400: 'This request could not be processed as sent.',
  401: 'Authentication failed for this request.',
  403: 'You are not allowed to perform this request.',
  404: 'The requested resource does not exist.',
  415: 'The request content type is not supported.',
  429: 'Slow down: too many requests in this window.',
  500: 'Something went wrong on our side.',
};

/** The message text of an error: its documented description, or other words for the `messages` variant. */
export function errorMessage(spec: ErrorSpec, alternative: boolean): string {
  if (alternative) return ALT_MESSAGES[spec.status] ?? 'The request was refused.';
  return spec.description ?? reasonPhrase(spec.status);
}

function containsValue(node: unknown, value: string | number): boolean {
  if (node === value) return true;
  if (Array.isArray(node)) return node.some((n) => containsValue(n, value));
  if (node !== null && typeof node === 'object') return Object.values(node).some((n) => containsValue(n, value));
  return false;
}

function fromSchema(spec: ErrorSpec, schema: Schema, opts: ErrorBodyOptions): Record<string, unknown> {
  const hint = (name: string, s: Schema): unknown => {
    if ('const' in s || Array.isArray(s.enum)) return undefined;
    const type = primaryType(s);
    if (opts.retryAfterField !== undefined && name === opts.retryAfterField) return opts.retryAfterS;
    if (MESSAGE_FIELDS.has(name) && (type === 'string' || type === undefined)) return opts.message;
    if (STATUS_FIELDS.has(name) && (type === 'integer' || type === 'number')) return spec.status;
    if (name === 'code' || name === 'error_code') {
      if (type === 'integer' || type === 'number') return typeof spec.code === 'number' ? spec.code : spec.status;
      if (type === 'string' || type === undefined) return spec.code !== undefined ? String(spec.code) : undefined;
    }
    if (name === 'error' && (type === 'string' || type === undefined)) {
      return typeof spec.code === 'string' ? spec.code : reasonPhrase(spec.status);
    }
    return undefined;
  };
  const value = instanceOf(schema, { hint, now: opts.now });
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A JSON body that satisfies `spec`. */
export function errorBody(spec: ErrorSpec, opts: ErrorBodyOptions): Record<string, unknown> {
  let body: Record<string, unknown>;
  if (spec.schema !== undefined) {
    body = fromSchema(spec, spec.schema, opts);
  } else if (typeof spec.code === 'string') {
    body = { error: spec.code, message: opts.message };
  } else if (typeof spec.code === 'number') {
    body = { code: spec.code, message: opts.message };
  } else {
    body = { error: reasonPhrase(spec.status) };
  }
  if (spec.code !== undefined && !containsValue(body, spec.code)) {
    if (typeof spec.code === 'string') body[body.error === undefined ? 'error' : 'error_code'] = spec.code;
    else body[body.code === undefined ? 'code' : 'error_code'] = spec.code;
  }
  if (opts.retryAfterField !== undefined && opts.retryAfterS !== undefined && body[opts.retryAfterField] === undefined) {
    body[opts.retryAfterField] = opts.retryAfterS;
  }
  return body;
}
