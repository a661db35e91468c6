/**
 * Routes compiled once per contract: a path regex per operation (served both at the operation path
 * and under each server URL's base path, so `mock.url + /api/partner` reaches `/v3/chats` as an
 * SDK with that base URL expects), the credential headers it reads, its bindings and behaviour.
 */
import type { Contract, CredentialScheme, MockOperation, Operation } from '../spec/contract.ts';
import type { LoadedSpec } from '../spec/mock-config.ts';

/** The security schemes an operation reads from one header, split by how the value is written. */
export interface SchemeGroup {
  /** lower-case header name (the query parameter or cookie name as written, for `in` query / cookie) */
  header: string;
  /** where the value travels (default: a header) */
  in?: 'header' | 'query' | 'cookie';
  /** `Authorization: <word> <t>` schemes (Bearer, or the scheme's words) */
  bearer: CredentialScheme[];
  /** `Authorization: Basic base64(user:pass)` schemes */
  basic?: CredentialScheme[];
  /** raw value schemes (`x-api-key: K`, or `Authorization: K`) */
  raw: CredentialScheme[];
}

export interface Binding {
  pointer: string;
  attribute: string;
  error: string;
}

export interface Route {
  operation: Operation;
  method: string;
  regex: RegExp;
  params: string[];
  groups: SchemeGroup[];
  mock?: MockOperation;
  isLogin: boolean;
  bindings: Binding[];
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Base paths of the documented servers (`https://api.x.com/api/partner` → `/api/partner`). */
export function basePaths(servers: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of servers) {
    try {
      const p = new URL(s).pathname.replace(/\/+$/, '');
      if (p !== '') out.add(p);
    } catch {
      // a relative or templated server URL: no base path
    }
  }
  return [...out];
}

function compilePath(path: string, bases: string[]): { regex: RegExp; params: string[] } {
  const params: string[] = [];
  const body = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (m === null) return escapeRegex(part);
      params.push(m[1] ?? '');
      return '([^/]+)';
    })
    .join('');
  const prefix = bases.length === 0 ? '' : `(?:${bases.map(escapeRegex).join('|')})?`;
  return { regex: new RegExp(`^${prefix}${body}$`), params };
}

export function schemeGroups(contract: Contract, names: readonly string[]): SchemeGroup[] {
  const groups = new Map<string, SchemeGroup>();
  for (const name of names) {
    const scheme = contract.schemes.find((s) => s.name === name);
    if (scheme === undefined) continue;
    const place = scheme.type === 'query' || scheme.type === 'cookie' ? scheme.type : 'header';
    const header = place === 'header' ? scheme.header.toLowerCase() : scheme.header;
    const key = `${place}:${header}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = place === 'header' ? { header, bearer: [], raw: [] } : { header, in: place, bearer: [], raw: [] };
      groups.set(key, g);
    }
    if (scheme.type === 'basic') (g.basic ??= []).push(scheme);
    else (scheme.type === 'bearer' ? g.bearer : g.raw).push(scheme);
  }
  return [...groups.values()];
}

export function compileRoutes({ contract, mock: config }: LoadedSpec): Route[] {
  const bases = basePaths(contract.servers);
  return contract.operations.map((operation) => {
    const { regex, params } = compilePath(operation.path, bases);
    const route: Route = {
      operation,
      method: operation.method.toUpperCase(),
      regex,
      params,
      groups: schemeGroups(contract, operation.schemes),
      isLogin: contract.login?.operationId === operation.operationId,
      bindings: (config.bindings ?? []).filter((b) => b.operation === operation.operationId),
    };
    const mock = config.operations?.[operation.operationId];
    if (mock !== undefined) route.mock = mock;
    return route;
  });
}

/** Path parameters of a matched route, decoded. */
export function matchRoute(route: Route, pathname: string): Record<string, string> | undefined {
  const m = route.regex.exec(pathname);
  if (m === null) return undefined;
  const params: Record<string, string> = {};
  route.params.forEach((name, i) => {
    const raw = m[i + 1] ?? '';
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      params[name] = raw;
    }
  });
  return params;
}
