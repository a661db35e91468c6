/**
 * Plain undici requests for the example servers' self-tests, and the statement-check table type:
 * each documented statement is one check that says what it saw when the server breaks it.
 */
import { request } from 'undici';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** the parsed JSON body, or undefined */
  json: any;
}

export interface Send {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request to `base + path`; the body is read whole. */
export async function call(base: string, path: string, o: Send = {}): Promise<Reply> {
  const res = await request(base + path, { method: (o.method ?? 'GET') as 'GET', headers: o.headers, body: o.body });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

export const basicAuth = (user: string, password = ''): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const header = (r: Reply, name: string): string | undefined => {
  const v = r.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** A check's outcome: undefined = the statement holds; a string = what broke it; skip = its precondition failed. */
export type Outcome = undefined | string | { skip: string };

/** Sends `send` until a reply matches `stop` or `max` replies were seen; the replies in order. */
export async function until(max: number, send: () => Promise<Reply>, stop: (r: Reply) => boolean): Promise<Reply[]> {
  const out: Reply[] = [];
  for (let i = 0; i < max; i++) {
    const r = await send();
    out.push(r);
    if (stop(r)) break;
  }
  return out;
}

/** The ids whose check broke, and those that skipped. */
export async function verdicts<S>(checks: Record<string, (s: S) => Promise<Outcome>>, server: S, before: () => void): Promise<{ failing: string[]; skipped: string[]; notes: string[] }> {
  const failing: string[] = [];
  const skipped: string[] = [];
  const notes: string[] = [];
  for (const [id, check] of Object.entries(checks)) {
    before();
    const outcome = await check(server);
    if (typeof outcome === 'string') failing.push(id), notes.push(`${id}: ${outcome}`);
    else if (outcome !== undefined) skipped.push(id), notes.push(`${id} skipped: ${outcome.skip}`);
  }
  return { failing, skipped, notes };
}
