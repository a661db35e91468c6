/** How a request is named in messages: "GET /v1/profiles" (path below the base URL, no query). */
import type { ProbeRequest } from '../transport/types.ts';

export function requestLabel(req: Pick<ProbeRequest, 'method' | 'url'>, baseUrl?: string): string {
  let path: string;
  try {
    path = new URL(req.url).pathname;
  } catch {
    return req.method;
  }
  if (baseUrl !== undefined) {
    try {
      const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
      if (basePath !== '' && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
    } catch {
      // keep the full path
    }
  }
  return `${req.method} ${path}`;
}
