/** ProbeResponse values for unit tests. */
import type { ProbeResponse } from '../../../src/transport/types.ts';

export function response(status: number, body: unknown = '', headers: Record<string, string> = {}): ProbeResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const res: ProbeResponse = {
    status,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawHeaderNames: Object.keys(headers),
    body: text,
    truncated: false,
    elapsedMs: 1,
  };
  if (typeof body !== 'string') res.json = body;
  return res;
}

/** A 200 with an empty body, and whatever fields `over` sets. */
export function responseWith(over: Partial<ProbeResponse>): ProbeResponse {
  return { status: 200, headers: {}, rawHeaderNames: [], body: '', truncated: false, elapsedMs: 1, ...over };
}
