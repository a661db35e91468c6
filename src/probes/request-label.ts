/** How a request is named in messages: "GET /v1/profiles" (its path below the base URL, no query). */
import type { PathRequest } from '../transport/types.ts';

export function requestLabel(req: Pick<PathRequest, 'method' | 'path'>): string {
  let path: string;
  try {
    path = new URL(req.path, 'http://origin.invalid').pathname;
  } catch {
    return req.method;
  }
  return `${req.method} ${path}`;
}
