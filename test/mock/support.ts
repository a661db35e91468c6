/**
 * Helpers of the mock's tests: contracts of the bundled specs, a client that sends requests the way
 * the spec documents them (credential placement, required headers) and records every response, and
 * the check that every recorded response matches the response schemas of its own spec.
 */
import { request } from 'undici';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { it, expect } from 'vitest';
import type { Credential } from '../../src/fixtures/fixtures.ts';
import { presentBundledSpecs } from '../../src/spec/bundled.ts';
import type { Contract, ErrorSpec, Operation, RequirementKind, Role } from '../../src/spec/contract.ts';
import { contractOf, specFor } from '../support/loaded-specs.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { compileRoutes } from '../../src/mock/routes.ts';

const addFormats = formatsModule as unknown as typeof formatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/** The bundled specs present in the checkout (all five once every spec has landed). */
export const SPECS: string[] = presentBundledSpecs();

/**
 * An in-process mock runs its clock on performance.now(): the real time that can have passed on the
 * mock's clock since `t0` is at most what this process measured since then. Tests bound the mock's
 * clock with this, never with a guess of how fast the machine is.
 */
export const realSince = (t0: number): number => Math.ceil(performance.now() - t0);

export { contractOf, specFor, specOf } from '../support/loaded-specs.ts';

/**
 * The contracts of the present bundled specs, loaded once when a test file is collected, so that a
 * test that does not apply to a spec (no login, no rate-limit headers, no seeded `scoped` key) is
 * not generated for it rather than skipped at run time. Same objects as `contractOf` returns.
 */
export async function loadContracts(): Promise<ReadonlyMap<string, Contract>> {
  return new Map(await Promise.all(SPECS.map(async (name) => [name, await contractOf(name)] as const)));
}

/** The loaded contract of a spec, or an error naming the spec (a typo in a test file). */
export function contractIn(contracts: ReadonlyMap<string, Contract>, name: string): Contract {
  const c = contracts.get(name);
  if (c === undefined) throw new Error(`no loaded contract for ${name}`);
  return c;
}

/**
 * Whether the mock of `contract` seeds a credential of `role`: the same fact as
 * `mock.fixtures.credentials[role] !== undefined` on a started mock, known before it starts.
 */
export function seedsRole(contract: Contract, role: Role): boolean {
  return specFor(contract).mock.credentials.some((c) => c.role === role);
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  text: string;
}

/** One response the tests saw, with what it answered. */
export interface Seen {
  contract: Contract;
  /** the operation requested; undefined for control, unknown routes and the plain listener */
  operation?: Operation;
  label: string;
  reply: Reply;
}

export class ResponseLog {
  readonly seen: Seen[] = [];
}

export function operation(contract: Contract, id: string): Operation {
  const op = contract.operations.find((o) => o.operationId === id);
  if (op === undefined) throw new Error(`${contract.name}: no operation ${id}`);
  return op;
}

export function probeOperation(contract: Contract): Operation {
  return operation(contract, contract.probeOperation);
}

/** The first documented error of the first requirement of a kind. */
export function errorOfKind(contract: Contract, kind: RequirementKind): ErrorSpec | undefined {
  return contract.requirements.find((r) => r.kind === kind)?.errors[0];
}

export function errorById(contract: Contract, id: string): ErrorSpec {
  const e = contract.errors[id];
  if (e === undefined) throw new Error(`${contract.name}: no error ${id}`);
  return e;
}

/** The header carrying a credential as the spec documents it. */
export function credentialHeaders(contract: Contract, cred: Pick<Credential, 'value' | 'scheme'>): Record<string, string> {
  const scheme = contract.schemes.find((s) => s.name === cred.scheme);
  if (scheme === undefined) throw new Error(`${contract.name}: no scheme ${cred.scheme}`);
  return { [scheme.header]: scheme.type === 'bearer' ? `Bearer ${cred.value}` : cred.value };
}

function requiredHeaders(contract: Contract): Record<string, string> {
  return Object.fromEntries(contract.requiredHeaders.map((h) => [h.name, h.value]));
}

export interface CallOptions {
  /** credential by role (from the mock's fixtures) */
  role?: Role;
  /** or an explicit credential */
  credential?: Pick<Credential, 'value' | 'scheme'>;
  /** extra or overriding headers (after the credential's) */
  headers?: Record<string, string>;
  /** leave out the spec's required headers */
  omitRequired?: boolean;
  /** path parameters (default: the operation's example, `{fixture:NAME}` from the fixtures) */
  path?: Record<string, string>;
  /** JSON body (default: the operation's example body) */
  body?: unknown;
  /** base URL (default: the mock's) */
  baseUrl?: string;
}

/** A client of one running mock; every response is recorded in `log`. */
export class MockClient {
  constructor(
    readonly contract: Contract,
    readonly mock: MockServer,
    readonly log: ResponseLog,
  ) {}

  pathOf(op: Operation, params: Record<string, string> = {}): string {
    const given = { ...op.example.path, ...params };
    return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const raw = given[name] ?? 'unknown';
      const fixture = /^\{fixture:([^}]+)\}$/.exec(raw);
      const value = fixture !== null ? this.mock.fixtures.resources[fixture[1] ?? ''] : raw;
      if (value === undefined) throw new Error(`${this.contract.name}: no fixture for ${raw}`);
      return encodeURIComponent(value);
    });
  }

  /** The example body with its `{fixture:NAME}` strings filled from the mock's fixtures. */
  filled(value: unknown): unknown {
    if (typeof value === 'string') {
      const fixture = /^\{fixture:([^}]+)\}$/.exec(value);
      return fixture === null ? value : this.mock.fixtures.resources[fixture[1] ?? ''];
    }
    if (Array.isArray(value)) return value.map((v) => this.filled(v));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.filled(v)]));
    return value;
  }

  async call(operationId: string, o: CallOptions = {}): Promise<Reply> {
    const op = operation(this.contract, operationId);
    const cred = o.credential ?? (o.role !== undefined ? this.credential(o.role) : undefined);
    const headers: Record<string, string> = {
      ...(o.omitRequired === true ? {} : requiredHeaders(this.contract)),
      ...(cred !== undefined ? credentialHeaders(this.contract, cred) : {}),
      ...(o.headers ?? {}),
    };
    const query = new URLSearchParams(op.example.query ?? {}).toString();
    const path = this.pathOf(op, o.path) + (query === '' ? '' : `?${query}`);
    const body = o.body ?? this.filled(op.example.body);
    return this.send(op.method, path, { headers, body, operation: op, baseUrl: o.baseUrl });
  }

  async send(
    method: string,
    path: string,
    o: { headers?: Record<string, string>; body?: unknown; operation?: Operation; baseUrl?: string | undefined } = {},
  ): Promise<Reply> {
    const headers = { ...(o.headers ?? {}) };
    const hasBody = o.body !== undefined && method !== 'GET' && method !== 'HEAD';
    if (hasBody && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const res = await request((o.baseUrl ?? this.mock.url) + path, {
      method: method as 'GET',
      headers,
      body: hasBody ? JSON.stringify(o.body) : null,
    });
    const text = await res.body.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
    const reply: Reply = { status: res.statusCode, headers: flat, body, text };
    const seen: Seen = { contract: this.contract, label: `${this.contract.name} ${method} ${path}`, reply };
    if (o.operation !== undefined) seen.operation = o.operation;
    this.log.seen.push(seen);
    return reply;
  }

  credential(role: Role): Credential {
    const c = this.mock.fixtures.credentials[role];
    if (c === undefined) throw new Error(`${this.contract.name}: no ${role} credential in the mock's fixtures`);
    return c;
  }

  async control(method: 'GET' | 'POST', name: string, body?: unknown): Promise<Reply> {
    return this.send(method, `/__authconform/${name}`, body === undefined ? {} : { body });
  }

  async advance(ms: number): Promise<number> {
    const r = await this.control('POST', 'clock', { advanceMs: ms });
    return (r.body as { now: number }).now;
  }
}

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  let fn = compiled.get(schema);
  if (fn === undefined) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

export function schemaErrors(value: unknown, schema: Record<string, unknown>): string[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}

function hasValue(node: unknown, value: unknown): boolean {
  if (node === value) return true;
  if (Array.isArray(node)) return node.some((n) => hasValue(n, value));
  if (node !== null && typeof node === 'object') return Object.values(node).some((n) => hasValue(n, value));
  return false;
}

/** Problems of a body against a documented error: schema, then the code as a value. */
export function errorProblems(reply: Reply, spec: ErrorSpec): string[] {
  const out: string[] = [];
  if (reply.status !== spec.status) out.push(`status ${reply.status}, expected ${spec.status}`);
  if (spec.schema !== undefined) out.push(...schemaErrors(reply.body, spec.schema));
  if (spec.code !== undefined && !hasValue(reply.body, spec.code)) out.push(`code ${String(spec.code)} not in the body`);
  return out;
}

/** Asserts `reply` is the documented error `spec` (status, code, schema). */
export function expectError(reply: Reply, spec: ErrorSpec | undefined): void {
  expect(spec).toBeDefined();
  expect({ status: reply.status, problems: errorProblems(reply, spec!) }).toEqual({ status: spec!.status, problems: [] });
}

/** Problems of one seen response against its spec's response schemas. */
export function responseProblems(s: Seen): string[] {
  const { reply, contract, operation: op } = s;
  const out: string[] = [];
  if (reply.headers['content-type'] !== 'application/json') out.push(`content-type ${reply.headers['content-type'] ?? 'missing'}`);
  if (reply.headers['date'] === undefined) out.push('no Date header');
  if (reply.body === null || typeof reply.body !== 'object') out.push(`body is not a JSON object or array: ${reply.text.slice(0, 80)}`);
  if (op === undefined) return out;
  if (reply.status >= 200 && reply.status < 300) {
    if (op.successSchema !== undefined) out.push(...schemaErrors(reply.body, op.successSchema));
    return out;
  }
  const candidates = Object.values(contract.errors).filter((e) => e.status === reply.status);
  if (candidates.length === 0) return out; // an undocumented status (415 for a missing required header, 404 route)
  const perCandidate = candidates.map((e) => errorProblems(reply, e));
  if (perCandidate.every((p) => p.length > 0)) out.push(`matches no documented ${reply.status} error: ${perCandidate.map((p) => p.join('; ')).join(' | ')}`);
  return out;
}

/** The last test of each file: every response seen in the file matches its spec's schemas. */
export function everyResponseMatchesItsSpec(log: ResponseLog): void {
  it('every response seen in this file matches the response schemas of its spec', () => {
    expect(log.seen.length).toBeGreaterThan(0);
    const problems = log.seen.flatMap((s) => responseProblems(s).map((p) => `${s.label} → ${s.reply.status}: ${p}`));
    expect(problems).toEqual([]);
  });
}

/**
 * A `fetch` for SDK clients that records every response in `log` (matched to its operation by
 * method and path), so SDK traffic is checked against the spec like the tests' own requests.
 */
export function recordingFetch(contract: Contract, log: ResponseLog): typeof fetch {
  const routes = compileRoutes(specFor(contract));
  return async (input, init) => {
    const res = await fetch(input, init);
    const text = await res.clone().text();
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    const seen: Seen = { contract, label: `${contract.name} ${method} ${url.pathname} (SDK)`, reply: { status: res.status, headers, body, text } };
    const route = routes.find((r) => r.method === method && r.regex.test(url.pathname));
    if (route !== undefined) seen.operation = route.operation;
    log.seen.push(seen);
    return res;
  };
}
