/**
 * Builds a probe's request from a contract operation and its example, with overrides: the path
 * (template filled in) and query, below the base URL of the origin it names (resolved by the
 * transport, src/transport/origins.ts), headers (the contract's
 * required headers always, unless omitted), JSON body, and the credential placed per its scheme.
 * `{fixture:NAME}` string values, in path, query, headers and body alike, come from fixtures.resources.
 */
import { encodeForm, FORM_TYPE } from '../util/form-encoding.ts';
import type { Contract, CredentialScheme, Operation, RequestExample } from '../spec/contract.ts';
import { schemeWords } from '../spec/scheme-words.ts';
import { FIXTURE_PLACEHOLDER, type Fixtures } from '../fixtures/fixtures.ts';
import type { OriginName, PathRequest } from '../transport/types.ts';
import { deleteHeader, getHeader, setHeader } from './headers.ts';
import { SkipCase } from './skip-case.ts';
import { SKIP } from './skip-reasons.ts';

/** A credential as it travels: the value, the scheme name (default: the contract's), extra headers. */
export interface CredentialPlacement {
  value: string;
  scheme?: string;
  headers?: Record<string, string>;
  /** the scheme word for an http scheme with several (`token` beside `Bearer`); default its first */
  word?: string;
}

export interface BuildOptions {
  /** the operation, as the loader resolved it */
  operation: Operation;
  /** placed per its scheme; none = no credential at all */
  credential?: CredentialPlacement;
  /** sent as given, after everything else (e.g. `Authorization: Basic ...`, a wrong header) */
  headers?: Record<string, string>;
  /** merged over the operation's example (objects deep-merged, arrays replaced) */
  request?: RequestExample;
  /** header names left out (case-insensitive), e.g. a required header */
  omitHeaders?: string[];
  /** @default the target's */
  origin?: OriginName;
  bypassRateLimitGate?: boolean;
  /** more values to mask (e.g. an encoded form of a key) */
  secrets?: string[];
}

export interface BuildContext {
  contract: Contract;
  fixtures: Fixtures;
}

export function operationById(contract: Contract, id: string): Operation {
  const op = contract.operations.find((o) => o.operationId === id);
  if (!op) throw new Error(`operation ${id} is not in the contract ${contract.name}`);
  return op;
}

export function probeOperation(contract: Contract): Operation {
  return operationById(contract, contract.probeOperation);
}

export function schemeByName(contract: Contract, name: string | undefined): CredentialScheme {
  const wanted = name ?? contract.defaultScheme;
  const scheme = contract.schemes.find((s) => s.name === wanted);
  if (!scheme) throw new Error(`security scheme ${wanted} is not in the contract ${contract.name}`);
  return scheme;
}

/** Where a credential goes on the request, and the encoded forms of it to mask besides the value. */
export interface PlacedCredential {
  headers: Record<string, string>;
  query: Record<string, string>;
  secrets: string[];
}

/** `user:password` of a Basic scheme with the key in its documented half. */
export function basicUserPass(scheme: CredentialScheme, value: string): string {
  const b = scheme.basic ?? { keyAs: 'username', username: '', password: '' };
  return b.keyAs === 'password' ? `${b.username}:${value}` : `${value}:${b.password}`;
}

/** The credential placed per its scheme (query parameter, cookie, or a header with its scheme word). */
export function placeCredential(scheme: CredentialScheme, value: string, word?: string): PlacedCredential {
  switch (scheme.type) {
    case 'query':
      return { headers: {}, query: { [scheme.header]: value }, secrets: [encodeURIComponent(value)] };
    case 'cookie':
      return { headers: { Cookie: `${scheme.header}=${value}` }, query: {}, secrets: [] };
    case 'basic': {
      const encoded = Buffer.from(basicUserPass(scheme, value)).toString('base64');
      return { headers: { [scheme.header]: `${word ?? 'Basic'} ${encoded}` }, query: {}, secrets: [encoded] };
    }
    case 'bearer':
      return { headers: { [scheme.header]: `${word ?? schemeWords(scheme)[0] ?? 'Bearer'} ${value}` }, query: {}, secrets: [] };
    default:
      return { headers: { [scheme.header]: value }, query: {}, secrets: [] };
  }
}

/** Every credential value and password of the fixtures (for masking and echo detection). */
export function fixtureSecrets(fixtures: Fixtures): string[] {
  const out: string[] = [];
  for (const c of Object.values(fixtures.credentials)) {
    if (c?.value) out.push(c.value);
    if (c?.password) out.push(c.password);
  }
  return out;
}

export function buildRequest(ctx: BuildContext, o: BuildOptions): PathRequest {
  const { contract, fixtures } = ctx;
  const op = o.operation;
  const ex = mergeExample(op.example, o.request ?? {});
  const resolve = (v: string): string => resolveFixture(v, fixtures);

  let path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const raw = ex.path?.[name];
    if (raw === undefined) throw new Error(`no example value for path parameter ${name} of ${op.operationId}`);
    return encodeURIComponent(resolve(raw));
  });
  const placed = o.credential ? placeCredential(schemeByName(contract, o.credential.scheme), o.credential.value, o.credential.word) : undefined;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(ex.query ?? {})) query.append(k, resolve(v));
  for (const [k, v] of Object.entries(placed?.query ?? {})) query.set(k, v);
  if ([...query].length > 0) path += `?${query.toString()}`;

  const headers: Record<string, string> = {};
  for (const h of contract.requiredHeaders) setHeader(headers, h.name, h.value);
  for (const [k, v] of Object.entries(ex.headers ?? {})) setHeader(headers, k, resolve(v));
  let body: string | undefined;
  if (ex.body !== undefined) {
    const resolved = resolveJson(ex.body, resolve);
    const form = ex.contentType === FORM_TYPE && isPlainObject(resolved);
    body = form ? encodeForm(resolved as Record<string, unknown>) : JSON.stringify(resolved);
    if (getHeader(headers, 'content-type') === undefined) setHeader(headers, 'Content-Type', form ? FORM_TYPE : 'application/json');
  }
  const secrets = [...fixtureSecrets(fixtures), ...(o.secrets ?? [])];
  if (o.credential && placed) {
    for (const [k, v] of Object.entries(o.credential.headers ?? {})) setHeader(headers, k, v);
    for (const [k, v] of Object.entries(placed.headers)) setHeader(headers, k, v);
    secrets.push(o.credential.value, ...placed.secrets);
  }
  for (const [k, v] of Object.entries(o.headers ?? {})) setHeader(headers, k, v);
  for (const name of o.omitHeaders ?? []) deleteHeader(headers, name);

  const req: PathRequest = {
    method: op.method,
    path,
    headers,
    secrets: [...new Set(secrets.filter((s) => s !== ''))],
  };
  if (body !== undefined) req.body = body;
  if (o.origin !== undefined) req.origin = o.origin;
  if (o.bypassRateLimitGate) req.bypassRateLimitGate = true;
  return req;
}

/** A JSON value with every string resolved (`{fixture:NAME}` placeholders in a body). */
function resolveJson(value: unknown, resolve: (v: string) => string): unknown {
  if (typeof value === 'string') return resolve(value);
  if (Array.isArray(value)) return value.map((v) => resolveJson(v, resolve));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveJson(v, resolve)]));
  return value;
}

/** `{fixture:NAME}` → fixtures.resources.NAME (skips the case when unset); other values as they are. */
export function resolveFixture(value: string, fixtures: Fixtures): string {
  const m = FIXTURE_PLACEHOLDER.exec(value);
  if (!m) return value;
  const name = m[1] ?? '';
  const v = fixtures.resources[name];
  if (v === undefined || v === '') throw new SkipCase(SKIP.missingResource(name));
  return v;
}

function mergeExample(base: RequestExample, over: RequestExample): RequestExample {
  const out: RequestExample = {};
  const path = { ...base.path, ...over.path };
  const query = { ...base.query, ...over.query };
  const headers = { ...base.headers, ...over.headers };
  if (Object.keys(path).length) out.path = path;
  if (Object.keys(query).length) out.query = query;
  if (Object.keys(headers).length) out.headers = headers;
  const body = over.body === undefined ? base.body : deepMerge(base.body, over.body);
  if (body !== undefined) out.body = body;
  const contentType = over.contentType ?? base.contentType;
  if (contentType !== undefined) out.contentType = contentType;
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}
