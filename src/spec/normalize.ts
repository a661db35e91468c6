/**
 * A validated OpenAPI document with x-authconform (plus its seed) → the typed `Contract`, and
 * beside it the mock's `MockConfig`.
 * Only called after schema and cross-reference checks passed, so shapes are trusted here;
 * defaults of optional fields are applied in this one place.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import type {
  BasicCredential,
  Contract,
  CredentialScheme,
  ErrorSpec,
  Level,
  LoginSpec,
  LockoutSpec,
  RefusedPlacement,
  RefusedPrefix,
  RefusedScheme,
  ResponseHeaderRule,
  MockSection,
  Operation,
  RequestExample,
  RequirementInput,
  RequirementKind,
  Role,
  RotationSpec,
  SourceDoc,
  TraceEntry,
} from './contract.ts';
import type { LoadedSpec, MockConfig } from './mock-config.ts';
import { durationMs } from './duration.ts';
import { anonymousOperation, foldRateLimitStatuses, normalizeRateLimit } from './rate-limit-spec.ts';
import type { StatusMember } from './status-set.ts';
import { resolveRequirement } from './resolve-requirement.ts';
import { deref, inlineRefs } from './resolve-refs.ts';
import type { Seed } from './seed.ts';
import { asArray, asObject, asString, securityOf } from './spec-index.ts';
import type { IndexedOperation, Json, SpecIndex } from './spec-index.ts';

export interface NormalizeInput {
  index: SpecIndex;
  /** absolute path of the spec file */
  file: string;
  name: string;
  sha256: string;
  seed?: Seed;
}

/** Scalars of a request example as strings (YAML may give `limit: 10`). */
function stringMap(v: unknown): Record<string, string> | undefined {
  const o = asObject(v);
  if (o === undefined) return undefined;
  return Object.fromEntries(Object.entries(o).map(([k, value]) => [k, String(value)]));
}

function requestExample(v: unknown): RequestExample {
  const o = asObject(v) ?? {};
  const out: RequestExample = {};
  const path = stringMap(o.path);
  const query = stringMap(o.query);
  const headers = stringMap(o.headers);
  if (path !== undefined) out.path = path;
  if (query !== undefined) out.query = query;
  if (headers !== undefined) out.headers = headers;
  if (o.body !== undefined) out.body = o.body;
  if (o.contentType === 'application/json' || o.contentType === 'application/x-www-form-urlencoded') out.contentType = o.contentType;
  return out;
}

/** The operation's example, its content type defaulting to the requestBody's only media type when that is a form. */
function operationExample(document: unknown, op: IndexedOperation): RequestExample {
  const example = requestExample(op.ext?.example);
  const content = Object.keys(asObject(asObject(deref(document, op.raw.requestBody))?.content) ?? {});
  if (example.contentType === undefined && content.length === 1 && content[0] === 'application/x-www-form-urlencoded') example.contentType = content[0];
  return example;
}

function normalizeErrors(document: unknown, x: Json): Record<string, ErrorSpec> {
  const out: Record<string, ErrorSpec> = {};
  for (const [id, value] of Object.entries(asObject(x.errors) ?? {})) {
    const e = value as Json;
    const spec: ErrorSpec = { id, status: 0 };
    if (Array.isArray(e.status)) {
      const members = e.status.map(Number);
      spec.status = members[0] ?? 0;
      if (members.length > 1) spec.statuses = members;
    } else if (typeof e.status === 'string') {
      spec.status = Number(e.status[0]) * 100;
      spec.statuses = [e.status as StatusMember];
    } else spec.status = e.status as number;
    if (e.code !== undefined) spec.code = e.code as string | number;
    if (e.schema !== undefined) spec.schema = inlineRefs(document, e.schema) as Record<string, unknown>;
    if (e.headers !== undefined) spec.headers = asArray(e.headers).map((h) => String(h).toLowerCase());
    if (e.description !== undefined) spec.description = String(e.description);
    if (typeof e.messagePattern === 'string') spec.messagePattern = e.messagePattern;
    if (typeof e.messagePointer === 'string') spec.messagePointer = e.messagePointer;
    if (typeof e.message === 'string') spec.message = e.message;
    const equals = asObject(e.headerEquals);
    if (equals !== undefined) spec.headerEquals = Object.fromEntries(Object.entries(equals).map(([k, v]) => [k.toLowerCase(), String(v)]));
    out[id] = spec;
  }
  return out;
}

/** The CredentialScheme of an OpenAPI security scheme: where the credential travels and how it is written. */
function credentialScheme(raw: Json, ext: Json, name: string): CredentialScheme {
  const credential = ext.credential as CredentialScheme['credential'];
  if (raw.type === 'http') {
    const word = asString(raw.scheme) ?? 'bearer';
    if (word.toLowerCase() === 'basic') {
      const b = asObject(ext.basic) ?? {};
      const basic: BasicCredential = {
        keyAs: b.keyAs === 'password' ? 'password' : 'username',
        username: asString(b.username) ?? '',
        password: asString(b.password) ?? '',
      };
      return { name, type: 'basic', header: 'Authorization', credential, basic };
    }
    // words absent = the default (schemeWords): Bearer
    const declared = asArray(ext.words).map(String);
    const words = declared.length > 0 ? declared : word.toLowerCase() === 'bearer' ? [] : [word];
    return { name, type: 'bearer', header: 'Authorization', credential, ...(words.length > 0 ? { words } : {}) };
  }
  const place = raw.in === 'query' || raw.in === 'cookie' ? raw.in : 'header';
  return { name, type: place, header: String(raw.name), credential };
}

function normalizeSchemes(index: SpecIndex): CredentialScheme[] {
  return index.schemes.flatMap((s): CredentialScheme[] => {
    if (s.ext === undefined) return [];
    const scheme = credentialScheme(s.raw, s.ext, s.name);
    const by = asString(s.ext.distinguishedBy);
    if (by !== undefined) scheme.distinguishedBy = by;
    return [scheme];
  });
}

function jsonContentSchema(document: unknown, response: Json | undefined): Record<string, unknown> | undefined {
  const content = asObject(response?.content) ?? {};
  const key = Object.keys(content).find((k) => /^application\/(.+\+)?json\b/i.test(k));
  const schema = key === undefined ? undefined : asObject(content[key])?.schema;
  return schema === undefined ? undefined : (inlineRefs(document, schema) as Record<string, unknown>);
}

function normalizeOperation(document: unknown, op: IndexedOperation, authStatuses: Set<number>): Operation {
  const security = securityOf(document, op.raw);
  const schemes: string[] = [];
  const scopes: string[] = [];
  for (const item of security) {
    for (const [name, list] of Object.entries(asObject(item) ?? {})) {
      if (!schemes.includes(name)) schemes.push(name);
      for (const scope of asArray(list)) if (typeof scope === 'string' && !scopes.includes(scope)) scopes.push(scope);
    }
  }
  const isPublic = security.length === 0 || security.some((item) => Object.keys(asObject(item) ?? {}).length === 0);
  const responses = asObject(op.raw.responses) ?? {};
  const statuses = Object.keys(responses)
    .filter((k) => /^[1-5]\d\d$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
  const acceptStatuses = statuses.filter((s) => !authStatuses.has(s));
  const successStatus = acceptStatuses.find((s) => s >= 200 && s < 300) ?? acceptStatuses[0] ?? 200;
  const method = op.method.toUpperCase();
  const operation: Operation = {
    operationId: op.operationId as string,
    method,
    path: op.path,
    scopes,
    schemes,
    safe: typeof op.ext?.safe === 'boolean' ? op.ext.safe : method === 'GET' || method === 'HEAD',
    example: operationExample(document, op),
    successStatus,
    acceptStatuses,
  };
  if (isPublic || op.ext?.public === true) operation.public = true;
  const exemptFrom = asArray(asObject(op.ext?.rateLimit)?.exemptFrom).map(String);
  if (exemptFrom.length > 0) operation.exemptFrom = exemptFrom;
  const summary = asString(op.raw.summary);
  if (summary !== undefined) operation.summary = summary;
  const successSchema = jsonContentSchema(document, asObject(deref(document, responses[String(successStatus)])));
  if (successSchema !== undefined) operation.successSchema = successSchema;
  return operation;
}

/** The operation marked `probe: true`, else the first safe GET that needs a credential (public ones prove nothing of auth). */
function probeOperation(index: SpecIndex, operations: Operation[]): string {
  const marked = index.operations.find((op) => op.ext?.probe === true);
  if (marked !== undefined) return marked.operationId ?? '';
  const isPublic = (id: string | undefined): boolean => operations.find((o) => o.operationId === id)?.public === true;
  const safeGets = index.operations.filter((op) => op.method === 'get' && op.ext?.safe !== false);
  return (safeGets.find((op) => !isPublic(op.operationId)) ?? safeGets[0])?.operationId ?? '';
}

function normalizeRotation(x: Json): RotationSpec | undefined {
  const r = asObject(x.rotation);
  if (r === undefined) return undefined;
  const choices = asArray(asObject(r.grace)?.choices).map(String);
  const grace = choices[0] ?? String(r.grace);
  const spec: RotationSpec = { grace, graceMs: durationMs(grace) ?? 0, error: String(r.error) };
  if (choices.length > 0) spec.choices = choices;
  return spec;
}

function normalizeLogin(x: Json): LoginSpec | undefined {
  const l = asObject(x.login);
  if (l === undefined) return undefined;
  const login: LoginSpec = {
    operationId: String(l.operation),
    tokenPointer: String(l.token),
    expiresPointer: String(l.expiresAt),
    tokenScheme: String(l.tokenScheme),
    error: String(l.error),
    expiredError: String(l.expiredError),
  };
  if (typeof l.organization === 'string') login.organizationPointer = l.organization;
  return login;
}

// --- issue 10 (wt/authfmt): lockout and response-header rules ---
function normalizeLockout(x: Json): LockoutSpec | undefined {
  const l = asObject(x.lockout);
  if (l === undefined) return undefined;
  const spec: LockoutSpec = { error: String(l.error), affectsValid: l.affectsValid !== false };
  if (typeof l.after === 'number') spec.after = l.after;
  if (typeof l.within === 'string') spec.within = l.within;
  if (typeof l.lasts === 'string') spec.lasts = l.lasts;
  return spec;
}

function normalizeResponseHeaders(x: Json): ResponseHeaderRule[] {
  return asArray(x.responseHeaders).map((v) => {
    const h = v as Json;
    const on = typeof h.on === 'number' ? [h.on] : Array.isArray(h.on) ? h.on.map(Number) : (h.on as 'all' | 'accepted' | 'errors');
    const rule: ResponseHeaderRule = { name: String(h.name), on };
    if (typeof h.pattern === 'string') rule.pattern = h.pattern;
    if (typeof h.example === 'string') rule.example = h.example;
    return rule;
  });
}

function normalizeRequirement(v: unknown): RequirementInput {
  const r = v as Json;
  const source = r.source as Json;
  const req: RequirementInput = {
    id: String(r.id),
    level: r.level as Level,
    kind: r.kind as RequirementKind,
    statement: String(r.statement),
    source: { doc: String(source.doc), section: String(source.section) },
    errors: asArray(r.errors).map(String),
  };
  if (typeof source.quote === 'string') req.source.quote = source.quote;
  if (r.role !== undefined) req.role = r.role as Role;
  if (r.operation !== undefined) req.operation = String(r.operation);
  if (r.request !== undefined) req.request = requestExample(r.request);
  const allowed = asObject(r.allowed);
  if (allowed !== undefined) {
    req.allowed = { operation: String(allowed.operation) };
    if (allowed.request !== undefined) req.allowed.request = requestExample(allowed.request);
  }
  if (r.resource !== undefined) req.resource = { ...(r.resource as NonNullable<RequirementInput['resource']>) };
  if (typeof r.after === 'string') req.after = r.after;
  if (r.statuses !== undefined) req.statuses = asArray(r.statuses) as number[];
  if (typeof r.header === 'string') req.header = r.header;
  if (typeof r.scheme === 'string') req.scheme = r.scheme;
  if (typeof r.limit === 'string') req.limit = r.limit;
  if (r.as === 'anonymous') req.as = 'anonymous';
  if (typeof r.note === 'string') req.note = r.note;
  return req;
}

function normalizeTrace(v: unknown): TraceEntry {
  const t = v as Json;
  const entry: TraceEntry = { doc: String(t.doc), section: String(t.section), quote: String(t.quote) };
  if (t.requirements !== undefined) entry.requirements = asArray(t.requirements).map(String);
  if (typeof t.untestable === 'string') entry.untestable = t.untestable;
  return entry;
}

function normalizeMock(index: SpecIndex, seed: Seed | undefined): MockConfig {
  const mock = { ...(asObject(index.ext.mock) ?? {}) } as MockSection;
  if (seed?.clockStart !== undefined) mock.clockStart = seed.clockStart;
  if (seed?.data !== undefined) mock.data = seed.data;
  if (seed?.resources !== undefined) mock.resources = seed.resources;
  const openapi = Object.fromEntries(index.operations.map((op) => [op.operationId as string, op.raw as OpenAPIV3_1.OperationObject]));
  return { ...mock, credentials: seed?.credentials ?? [], openapi };
}

export function normalize(input: NormalizeInput): LoadedSpec {
  const { index } = input;
  const document = index.document as OpenAPIV3_1.Document;
  const x = index.ext;
  const errors = normalizeErrors(document, x);
  foldRateLimitStatuses(errors, x);
  const authStatuses = new Set(Object.values(errors).flatMap((e) => (e.statuses ?? [e.status]).filter((m): m is number => typeof m === 'number')));
  const schemes = normalizeSchemes(index);
  const defaultScheme = index.schemes.find((s) => s.ext?.default === true)?.name ?? schemes[0]?.name ?? '';
  const keyFormat = asObject(x.keyFormat) ?? {};
  const operations = index.operations.map((op) => normalizeOperation(document, op, authStatuses));
  const anonymous = anonymousOperation(operations, x);
  const refs = { errors, operations, probeOperation: probeOperation(index, operations), ...(anonymous === undefined ? {} : { anonymousOperation: anonymous }) };
  const responseHeaders = normalizeResponseHeaders(x);
  const refusedSchemes = asArray(x.refusedSchemes).map((v) => {
    const r = v as Json;
    // what the word carries: as written, else a user name and password for Basic, the key for any other word
    const as = r.as === 'key' || r.as === 'username:password' ? r.as : String(r.word).toLowerCase() === 'basic' ? 'username:password' : 'key';
    return { word: String(r.word), as, error: String(r.error) } satisfies RefusedScheme;
  });
  const refusedPlacements = asArray(x.refusedPlacements).map((v) => ({ ...(v as RefusedPlacement) }));
  const contract: Contract = {
    name: input.name,
    title: document.info.title,
    file: input.file,
    sha256: input.sha256,
    servers: (document.servers ?? []).map((s) => s.url),
    sources: { ...(x.sources as Record<string, SourceDoc>) },
    schemes,
    defaultScheme,
    keyFormat: {
      live: asArray(keyFormat.live).map(String),
      test: asArray(keyFormat.test).map(String),
      ...(typeof keyFormat.pattern === 'string' ? { pattern: keyFormat.pattern } : {}),
      ...(Array.isArray(keyFormat.refused) ? { refused: asArray(keyFormat.refused).map((v) => ({ ...(v as RefusedPrefix) })) } : {}),
      ...(typeof keyFormat.maxLength === 'number' ? { maxLength: keyFormat.maxLength } : {}),
    },
    roles: asArray(x.roles) as Role[],
    errors,
    operations,
    probeOperation: refs.probeOperation,
    transport: { httpsOnly: asObject(x.transport)?.httpsOnly === true },
    requiredHeaders: asArray(x.requiredHeaders).map((h) => ({ ...(h as { name: string; value: string }) })),
    echoHeaders: asArray(x.echoHeaders).map((h) => ({ ...(h as Contract['echoHeaders'][number]) })),
    responseHeaders,
    requirements: asArray(x.requirements).map((r) => resolveRequirement(normalizeRequirement(r), { ...refs, responseHeaders, refusedSchemes })),
    traceability: asArray(x.traceability).map(normalizeTrace),
  };
  const rateLimit = normalizeRateLimit(x, operations);
  if (rateLimit !== undefined) contract.rateLimit = rateLimit;
  const rotation = normalizeRotation(x);
  if (rotation !== undefined) contract.rotation = rotation;
  const organization = asObject(x.organization);
  if (organization !== undefined) contract.organization = { header: String(organization.header), error: String(organization.error) };
  const login = normalizeLogin(x);
  if (login !== undefined) contract.login = login;
  const lockout = normalizeLockout(x);
  if (lockout !== undefined) contract.lockout = lockout;
  if (refusedSchemes.length > 0) contract.refusedSchemes = refusedSchemes;
  if (refusedPlacements.length > 0) contract.refusedPlacements = refusedPlacements;
  const waivers = asArray(x.waivers).map((w) => ({ id: String((w as Json).id), reason: String((w as Json).reason) }));
  if (waivers.length > 0) contract.waivers = waivers;
  return { contract, mock: normalizeMock(index, input.seed) };
}
