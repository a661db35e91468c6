/** Builds a ProbeResponse from what undici hands back. */
import { parseHttpDate } from './http-date.ts';
import { isJsonContentType, parseJsonBody } from './json.ts';
import type { ProbeResponse } from './types.ts';

export interface ResponseHeaders {
  /** lower-cased names; repeated headers joined with ', ' */
  headers: Record<string, string>;
  /** names as received, in order */
  rawHeaderNames: string[];
}

/** From undici's `responseHeaders: 'raw'` flat list `[name, value, name, value, ...]`. */
export function headersFromRaw(raw: readonly (string | Buffer)[]): ResponseHeaders {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  const rawHeaderNames: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]);
    const value = latin1(raw[i + 1]);
    rawHeaderNames.push(name);
    const key = name.toLowerCase();
    const prior = headers[key];
    headers[key] = prior === undefined ? value : `${prior}, ${value}`;
  }
  return { headers: { ...headers }, rawHeaderNames };
}

/** Statuses and methods for which a response has no body by definition. */
export function hasNoBody(method: string, status: number): boolean {
  return method.toUpperCase() === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
}

export function buildResponse(input: {
  method: string;
  status: number;
  head: ResponseHeaders;
  bytes: Buffer;
  truncated: boolean;
  elapsedMs: number;
}): ProbeResponse {
  const { method, status, head, bytes, truncated, elapsedMs } = input;
  const body = bytes.toString('utf8');
  const res: ProbeResponse = {
    status,
    headers: head.headers,
    rawHeaderNames: head.rawHeaderNames,
    body,
    truncated,
    elapsedMs,
  };
  const dateHeader = head.headers['date'];
  if (dateHeader !== undefined) {
    const date = parseHttpDate(dateHeader);
    if (date !== undefined) res.date = date;
  }
  if (isJsonContentType(head.headers['content-type']) && !(hasNoBody(method, status) && body === '')) {
    if (truncated) {
      res.jsonError = `body not parsed: truncated at ${bytes.length} bytes`;
    } else {
      const parsed = parseJsonBody(body);
      if (parsed.ok) res.json = parsed.value;
      else res.jsonError = parsed.error;
    }
  }
  return res;
}

function latin1(value: string | Buffer | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.toString('latin1');
}
