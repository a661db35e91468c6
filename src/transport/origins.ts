/**
 * The origins a run sends to, one client each, built once by the runner: a probe's request names
 * a path and an origin, and only here is it resolved against that origin's base URL (the target
 * URL's base path, e.g. `/api/partner`, applied in this one place).
 */
import { TransportError } from './errors.ts';
import type { OriginName, PathRequest, ProbeRequest, ProbeResponse, SentRequest } from './types.ts';

export type Send = (req: ProbeRequest) => Promise<ProbeResponse>;

export interface OriginClient {
  /** the origin's base URL, without a trailing slash */
  readonly baseUrl: string;
  /** the request with its path resolved against the base URL */
  resolve(req: PathRequest): SentRequest;
  send(req: SentRequest): Promise<ProbeResponse>;
}

export type Origins = { target: OriginClient } & Partial<Record<Exclude<OriginName, 'target'>, OriginClient>>;

export function createOriginClient(baseUrl: string, send: Send): OriginClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    baseUrl: base,
    resolve: (req) => ({ ...req, url: `${base}${req.path}` }),
    send,
  };
}

/**
 * The plain-HTTP origin of the https-only probe: the documented `plainUrl` fixture, else the https
 * target switched to http on the default port; none when the target is already http.
 */
export function plainHttpUrl(targetUrl: string, plainUrl: string | undefined): string | undefined {
  if (plainUrl) return plainUrl;
  const url = new URL(targetUrl);
  if (url.protocol !== 'https:') return undefined;
  url.protocol = 'http:';
  url.port = '';
  return url.toString().replace(/\/+$/, '');
}

/** One client for the target and, when there is one, one for its plain-HTTP origin. */
export function createOrigins(send: Send, targetUrl: string, plainUrl?: string): Origins {
  const origins: Origins = { target: createOriginClient(targetUrl, send) };
  const plain = plainHttpUrl(targetUrl, plainUrl);
  if (plain !== undefined) origins['plain-http'] = createOriginClient(plain, send);
  return origins;
}

/** The client of the origin a request names; a request to an origin the run has none for fails. */
export function originOf(origins: Origins, req: PathRequest): OriginClient {
  const name = req.origin ?? 'target';
  const client = origins[name];
  if (client === undefined) throw new TransportError('AC_INVALID_URL', `invalid URL: no ${name} origin for this target`);
  return client;
}
