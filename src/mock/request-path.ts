/** The URL path of a Fetch Request, parsed once per request (msw asks every handler's predicate). */
const pathnames = new WeakMap<Request, string>();

export function pathnameOf(request: Request): string {
  let p = pathnames.get(request);
  if (p === undefined) {
    p = new URL(request.url).pathname;
    pathnames.set(request, p);
  }
  return p;
}

/** Records the path of a request the caller already parsed (the loopback server). */
export function primePathname(request: Request, pathname: string): void {
  pathnames.set(request, pathname);
}
