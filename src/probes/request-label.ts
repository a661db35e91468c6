/** How a request is named in messages: "GET /v1/profiles" (its path below the base URL, no query). */
import type { PathRequest } from '../transport/types.ts';

/** pathnames by request path: a case sends the same paths again and again (an exhaustion, thousands of times) */
const pathnames = new Map<string, string | undefined>();
const KEPT_PATHS = 1_000;

function pathnameOf(path: string): string | undefined {
  if (pathnames.has(path)) return pathnames.get(path);
  let pathname: string | undefined;
  try {
    pathname = new URL(path, 'http://origin.invalid').pathname;
  } catch {
    pathname = undefined;
  }
  if (pathnames.size >= KEPT_PATHS) pathnames.clear();
  pathnames.set(path, pathname);
  return pathname;
}

export function requestLabel(req: Pick<PathRequest, 'method' | 'path'>): string {
  const path = pathnameOf(req.path);
  return path === undefined ? req.method : `${req.method} ${path}`;
}
