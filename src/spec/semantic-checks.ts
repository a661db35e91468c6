/**
 * Cross-references the schemas cannot express: ids that must name existing errors, operations,
 * schemes, sources, roles and requirements; unique requirement ids; full traceability coverage;
 * one probe operation; durations that parse. Works on a possibly schema-invalid document, so
 * every problem is reported in one pass.
 */
import { isRequirementKind, kindOf } from '../kinds/index.ts';
import { REQUIREMENT_FIELDS } from '../kinds/kind.ts';
import type { Section } from '../kinds/kind.ts';
import { ROLES } from './contract.ts';
import { durationMs } from './duration.ts';
import { formatFindings } from './format-checks.ts';
import { isPublicOperation, refusalFindings } from './refusal-checks.ts';
import type { Finding } from './finding.ts';
import { joinPointer } from './json-pointer.ts';
import { deref } from './resolve-refs.ts';
import { rateLimitFindings } from './rate-limit-checks.ts';
import { asArray, asObject, asString, securityOf } from './spec-index.ts';
import type { IndexedOperation, Json, SpecIndex } from './spec-index.ts';

const X = '/x-authconform';

function known(ids: Set<string>): string {
  return ids.size === 0 ? 'none are declared' : `known: ${[...ids].join(', ')}`;
}

/** `requirement ACME-AUTH-01` or `requirements[3]` when it has no id. */
function requirementLabel(req: Json, i: number): string {
  const id = asString(req.id);
  return id !== undefined ? `requirement ${id}` : `x-authconform.requirements[${i}]`;
}

/** A reference by name to a set of known names; undefined/non-string values are the schema's business. */
function checkRef(
  out: Finding[],
  value: unknown,
  pointer: string,
  names: Set<string>,
  what: string,
  owner: string,
  hintWhere: string,
): void {
  if (typeof value !== 'string' || names.has(value)) return;
  out.push({ pointer, message: `${owner} names ${what} "${value}", which is not ${hintWhere}`, hint: known(names) });
}

function checkDuration(out: Finding[], value: unknown, pointer: string, owner: string): void {
  if (typeof value !== 'string' || !value.startsWith('P') || durationMs(value) !== undefined) return;
  out.push({
    pointer,
    message: `${owner} "${value}" is not an ISO 8601 duration`,
    hint: 'write e.g. PT24H, P1D, PT23H59M (date units before T, time units after)',
  });
}

const errorRef = (out: Finding[], index: SpecIndex, value: unknown, pointer: string, owner: string): void =>
  checkRef(out, value, pointer, index.errorIds, 'error', owner, 'in x-authconform.errors');

const operationRef = (out: Finding[], index: SpecIndex, value: unknown, pointer: string, owner: string): void =>
  checkRef(out, value, pointer, index.operationIds, 'operation', owner, 'an operationId in paths');

/** Whether x-authconform has the part a kind needs (a section, or `section.sub[.name]`); empty lists count as absent. */
function hasPart(ext: Json, part: Section | string): boolean {
  let value: unknown = ext;
  for (const key of part.split('.')) value = asObject(value)?.[key];
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
}

/** A requirement of a kind whose needed parts are absent (a sub-part is reported only when its section is there). */
function checkNeeds(out: Finding[], index: SpecIndex, kind: string, at: string, label: string): void {
  if (!isRequirementKind(kind)) return;
  for (const part of kindOf(kind).needs) {
    if (hasPart(index.ext, part)) continue;
    const dot = part.lastIndexOf('.');
    const [section, sub] = dot < 0 ? [part, undefined] : [part.slice(0, dot), part.slice(dot + 1)];
    if (sub === undefined) {
      out.push({ pointer: `${at}/kind`, message: `${label} is of kind ${kind}, but x-authconform has no "${section}"`, hint: `describe ${section} in x-authconform or change the kind` });
    } else if (hasPart(index.ext, section)) {
      out.push({ pointer: `${at}/kind`, message: `${label} is of kind ${kind}, but x-authconform.${section} has no "${sub}"`, hint: `name the ${section} ${sub} in ${part} or change the kind` });
    }
  }
}

/** Optional fields a requirement carries that its kind does not read (they would be silently ignored). */
function checkFields(out: Finding[], req: Json, kind: string, at: string, label: string): void {
  if (!isRequirementKind(kind)) return;
  const reads: readonly string[] = kindOf(kind).fields;
  for (const field of REQUIREMENT_FIELDS) {
    if (req[field] === undefined || reads.includes(field)) continue;
    out.push({
      pointer: joinPointer(at, field),
      at: 'key',
      message: `${label} has "${field}", which kind ${kind} ignores (it reads: ${reads.length > 0 ? reads.join(', ') : 'none of the optional fields'})`,
      hint: `remove "${field}" or choose a kind that reads it`,
    });
  }
}

/** A request example sent as a form must have an object body (its fields). */
function checkFormBody(out: Finding[], example: unknown, pointer: string, owner: string): void {
  const ex = asObject(example);
  if (ex?.contentType !== 'application/x-www-form-urlencoded' || ex.body === undefined || asObject(ex.body) !== undefined) return;
  out.push({ pointer: `${pointer}/body`, message: `${owner} sends a form body (application/x-www-form-urlencoded) that is not an object of fields`, hint: 'write body as a mapping: field: value (nested mappings and lists use bracket notation)' });
}

function checkRequirements(out: Finding[], index: SpecIndex): void {
  const firstAt = new Map<string, number>();
  asArray(index.ext.requirements).forEach((item, i) => {
    const req = asObject(item);
    if (req === undefined) return;
    const at = joinPointer(X, 'requirements', i);
    const label = requirementLabel(req, i);
    const id = asString(req.id);
    if (id !== undefined) {
      const first = firstAt.get(id);
      if (first === undefined) firstAt.set(id, i);
      else out.push({ pointer: `${at}/id`, message: `requirement id ${id} is used twice (first at x-authconform.requirements[${first}])`, hint: 'give each requirement its own id' });
    }
    const source = asObject(req.source);
    checkRef(out, source?.doc, `${at}/source/doc`, index.sourceIds, 'source', label, 'in x-authconform.sources');
    asArray(req.errors).forEach((e, j) => errorRef(out, index, e, `${at}/errors/${j}`, label));
    const role = asString(req.role);
    if (role !== undefined && (ROLES as readonly string[]).includes(role) && !index.roles.has(role)) {
      out.push({ pointer: `${at}/role`, message: `${label} uses role "${role}", which is not in x-authconform.roles`, hint: `add it to roles or use one of: ${[...index.roles].join(', ')}` });
    }
    operationRef(out, index, req.operation, `${at}/operation`, label);
    operationRef(out, index, asObject(req.allowed)?.operation, `${at}/allowed/operation`, label);
    const resource = asObject(req.resource);
    operationRef(out, index, resource?.list, `${at}/resource/list`, label);
    operationRef(out, index, resource?.get, `${at}/resource/get`, label);
    checkDuration(out, req.after, `${at}/after`, `${label}: after`);
    const kind = asString(req.kind);
    if (kind === undefined) return;
    checkFormBody(out, req.request, `${at}/request`, label);
    checkFormBody(out, asObject(req.allowed)?.request, `${at}/allowed/request`, label);
    checkNeeds(out, index, kind, at, label);
    checkFields(out, req, kind, at, label);
  });
}

function checkTraceability(out: Finding[], index: SpecIndex): void {
  const requirementIds = new Set<string>();
  const reqPointers = new Map<string, string>();
  asArray(index.ext.requirements).forEach((item, i) => {
    const id = asString(asObject(item)?.id);
    if (id !== undefined && !requirementIds.has(id)) {
      requirementIds.add(id);
      reqPointers.set(id, joinPointer(X, 'requirements', i, 'id'));
    }
  });
  const covered = new Set<string>();
  asArray(index.ext.traceability).forEach((item, i) => {
    const entry = asObject(item);
    if (entry === undefined) return;
    const at = joinPointer(X, 'traceability', i);
    checkRef(out, entry.doc, `${at}/doc`, index.sourceIds, 'source', `traceability entry ${i}`, 'in x-authconform.sources');
    asArray(entry.requirements).forEach((r, j) => {
      if (typeof r !== 'string') return;
      covered.add(r);
      if (!requirementIds.has(r)) {
        out.push({ pointer: `${at}/requirements/${j}`, message: `traceability entry ${i} names requirement ${r}, which is not in x-authconform.requirements`, hint: 'fix the id or add the requirement' });
      }
    });
  });
  for (const [id, pointer] of reqPointers) {
    if (!covered.has(id)) {
      out.push({ pointer, message: `requirement ${id} is not covered by any traceability entry`, hint: 'add its id to the traceability entry that quotes its source' });
    }
  }
}

/** Plan windows: durations that parse, at most one reporting in the headers, a window given once. */
function checkRateWindows(out: Finding[], rateLimit: Record<string, unknown> | undefined): void {
  asArray(rateLimit?.plans).forEach((p, i) => {
    const plan = asObject(p);
    const limits = asArray(plan?.limits);
    const where = `${X}/rateLimit/plans/${i}`;
    limits.forEach((l, j) => checkDuration(out, asObject(l)?.window, `${where}/limits/${j}/window`, 'a rate-limit window'));
    const headers = limits.flatMap((l, j) => (asObject(l)?.headers === true ? [j] : []));
    if (headers.length > 1) {
      out.push({ pointer: `${where}/limits/${headers[1]}/headers`, message: `plan ${String(plan?.name)} has more than one limit with headers: true`, hint: 'the rate-limit headers report one limit' });
    }
    const windows = limits.map((l) => durationMs(String(asObject(l)?.window)));
    for (const [short, key] of [[60_000, 'perMinute'], [86_400_000, 'perDay']] as const) {
      const j = windows.indexOf(short);
      if (plan?.[key] !== undefined && j >= 0) {
        out.push({ pointer: `${where}/limits/${j}/window`, message: `plan ${String(plan.name)} gives ${key} and a limit of the same window`, hint: `keep one of them` });
      }
    }
  });
}

function checkSections(out: Finding[], index: SpecIndex): void {
  const x = index.ext;
  const rotation = asObject(x.rotation);
  errorRef(out, index, rotation?.error, `${X}/rotation/error`, 'rotation');
  checkDuration(out, rotation?.grace, `${X}/rotation/grace`, 'rotation.grace');
  asArray(asObject(rotation?.grace)?.choices).forEach((g, i) => checkDuration(out, g, `${X}/rotation/grace/choices/${i}`, 'rotation.grace choice'));
  errorRef(out, index, asObject(x.rateLimit)?.error, `${X}/rateLimit/error`, 'rateLimit');
  asArray(asObject(x.rateLimit)?.secondary).forEach((l, i) => {
    errorRef(out, index, asObject(l)?.error, `${X}/rateLimit/secondary/${i}/error`, `rateLimit.secondary[${i}]`);
    checkDuration(out, asObject(l)?.window, `${X}/rateLimit/secondary/${i}/window`, 'a secondary-limit window');
  });
  asArray(asObject(asObject(x.rateLimit)?.anonymous)?.limits).forEach((l, j) => checkDuration(out, asObject(l)?.window, `${X}/rateLimit/anonymous/limits/${j}/window`, 'a rate-limit window'));
  checkRateWindows(out, asObject(x.rateLimit));
  errorRef(out, index, asObject(x.organization)?.error, `${X}/organization/error`, 'organization');
  const login = asObject(x.login);
  if (login !== undefined) {
    operationRef(out, index, login.operation, `${X}/login/operation`, 'login');
    checkRef(out, login.tokenScheme, `${X}/login/tokenScheme`, index.schemeNames, 'security scheme', 'login.tokenScheme', 'in components.securitySchemes');
    errorRef(out, index, login.error, `${X}/login/error`, 'login');
    errorRef(out, index, login.expiredError, `${X}/login/expiredError`, 'login.expiredError');
  }
  const mock = asObject(x.mock);
  if (mock === undefined) return;
  checkDuration(out, mock.tokenLifetime, `${X}/mock/tokenLifetime`, 'mock.tokenLifetime');
  for (const [opId, entry] of Object.entries(asObject(mock.operations) ?? {})) {
    checkListField(out, index, opId, asObject(entry));
    if (!index.operationIds.has(opId)) {
      out.push({ pointer: joinPointer(X, 'mock', 'operations', opId), at: 'key', message: `mock.operations names operation "${opId}", which is not an operationId in paths`, hint: known(index.operationIds) });
    }
  }
  asArray(mock.bindings).forEach((b, i) => {
    const binding = asObject(b);
    operationRef(out, index, binding?.operation, `${X}/mock/bindings/${i}/operation`, `mock.bindings[${i}]`);
    errorRef(out, index, binding?.error, `${X}/mock/bindings/${i}/error`, `mock.bindings[${i}]`);
  });
}

/** A list answer's `field`: `""` (the root pointer) for a top-level array, never `/`; no envelope fields around an array. */
function checkListField(out: Finding[], index: SpecIndex, opId: string, entry: Json | undefined): void {
  if (entry?.respond !== 'list' || typeof entry.field !== 'string') return;
  const at = joinPointer(X, 'mock', 'operations', opId);
  if (entry.field === '/') {
    out.push({ pointer: `${at}/field`, message: `mock.operations.${opId}.field is "/", which names a property called "/"`, hint: 'write field: "" for a body that is the array itself (the root JSON pointer)' });
    return;
  }
  if (entry.field === '') {
    for (const key of ['extra', 'total'] as const) {
      if (entry[key] !== undefined) out.push({ pointer: `${at}/${key}`, at: 'key', message: `mock.operations.${opId} answers a top-level array (field: ""), which cannot carry "${key}"`, hint: `remove ${key} or name the property that holds the list` });
    }
    return;
  }
  const op = index.operations.find((o) => o.operationId === opId);
  if (op !== undefined && successSchemaType(index, op) === 'array') {
    out.push({ pointer: `${at}/field`, message: `mock.operations.${opId}.field is "${entry.field}", but the success response of ${opId} is a top-level array`, hint: 'write field: "" (the root JSON pointer) for a body that is the array itself' });
  }
}

/** The `type` of an operation's first 2xx JSON response schema, following `$ref`s. */
function successSchemaType(index: SpecIndex, op: IndexedOperation): unknown {
  const responses = asObject(op.raw.responses) ?? {};
  const status = Object.keys(responses).filter((k) => /^2\d\d$/.test(k)).sort()[0];
  if (status === undefined) return undefined;
  const content = asObject(asObject(deref(index.document, responses[status]))?.content) ?? {};
  const json = Object.entries(content).find(([type]) => /json/i.test(type))?.[1];
  return asObject(deref(index.document, asObject(json)?.schema))?.type;
}

function label(op: IndexedOperation): string {
  return op.operationId ?? `${op.method.toUpperCase()} ${op.path}`;
}

function checkOperations(out: Finding[], index: SpecIndex): void {
  const seen = new Map<string, IndexedOperation>();
  for (const op of index.operations) {
    if (op.operationId === undefined) {
      out.push({ pointer: op.pointer, at: 'key', message: `operation ${label(op)} has no operationId`, hint: 'requirements and the mock name operations by operationId; add one' });
      continue;
    }
    const first = seen.get(op.operationId);
    if (first !== undefined) {
      out.push({ pointer: `${op.pointer}/operationId`, message: `operationId "${op.operationId}" is used twice (also ${first.method.toUpperCase()} ${first.path})`, hint: 'operationIds must be unique' });
    } else {
      seen.set(op.operationId, op);
    }
  }
  for (const op of index.operations) checkFormBody(out, op.ext?.example, `${op.pointer}/x-authconform/example`, `operation ${label(op)}`);
  const probes = index.operations.filter((op) => op.ext?.probe === true);
  if (probes.length > 1) {
    const names = probes.map(label).join(', ');
    for (const op of probes.slice(1)) {
      out.push({ pointer: `${op.pointer}/x-authconform/probe`, at: 'key', message: `operation ${label(op)} is marked probe: true, but only one may be (marked: ${names})`, hint: 'keep probe: true on the one safe operation most probes should use' });
    }
  }
  if (probes.length === 0 && index.operations.length > 0) {
    // public operations prove nothing of auth: the probe operation needs a credential
    const safeGets = index.operations.filter((op) => op.method === 'get' && op.ext?.safe !== false && !isPublicOperation(index, op));
    if (safeGets.length !== 1) {
      out.push({ pointer: '/paths', at: 'key', message: `no operation is marked x-authconform.probe: true and there are ${safeGets.length} safe GET operations to choose from`, hint: 'add x-authconform: { probe: true } to the safe operation most probes should use' });
    }
  }
}

function checkSchemes(out: Finding[], index: SpecIndex): void {
  const withExt = index.schemes.filter((s) => s.ext !== undefined);
  if (withExt.length === 0) {
    out.push({ pointer: '/components/securitySchemes', at: 'key', message: 'no security scheme carries x-authconform', hint: 'add x-authconform: { credential: api_key } to the scheme the API key is sent with' });
  }
  const defaults = withExt.filter((s) => s.ext?.default === true);
  for (const s of defaults.slice(1)) {
    out.push({ pointer: `${s.pointer}/x-authconform/default`, at: 'key', message: `security schemes ${defaults.map((d) => d.name).join(', ')} are all marked default: true`, hint: 'mark only one scheme as the default' });
  }
  for (const s of withExt) {
    const type = asString(s.raw.type);
    const httpScheme = asString(s.raw.scheme)?.toLowerCase();
    const http = type === 'http' && httpScheme !== undefined && httpScheme !== 'digest';
    const apiKey = type === 'apiKey' && (s.raw.in === 'header' || s.raw.in === 'query' || s.raw.in === 'cookie');
    if (!http && !apiKey) {
      out.push({ pointer: `${s.pointer}/type`, message: `security scheme ${s.name} is ${type ?? 'untyped'}${type === 'apiKey' ? ` in ${String(s.raw.in)}` : ''}; authconform supports apiKey in a header, query parameter or cookie, and http bearer or basic`, hint: 'describe how the credential is sent as one of those' });
    }
    if (s.ext?.words !== undefined && (type !== 'http' || httpScheme === 'basic')) {
      out.push({ pointer: `${s.pointer}/x-authconform/words`, at: 'key', message: `security scheme ${s.name} lists scheme words but is not an http bearer-like scheme (${s.pointer}/type)`, hint: 'words belong on a type: http scheme other than basic' });
    }
    if (s.ext?.basic !== undefined && httpScheme !== 'basic') {
      out.push({ pointer: `${s.pointer}/x-authconform/basic`, at: 'key', message: `security scheme ${s.name} has basic but is not scheme: basic (${s.pointer}/scheme)`, hint: 'basic belongs on a type: http, scheme: basic scheme' });
    }
  }
  const withExtNames = new Set(withExt.map((s) => s.name));
  const checkRequirementList = (list: unknown[], pointer: string): void => {
    list.forEach((item, i) => {
      for (const name of Object.keys(asObject(item) ?? {})) {
        const at = joinPointer(pointer, i, name);
        if (!index.schemeNames.has(name)) {
          out.push({ pointer: at, at: 'key', message: `security requirement names scheme "${name}", which is not in components.securitySchemes`, hint: known(index.schemeNames) });
        } else if (!withExtNames.has(name)) {
          out.push({ pointer: at, at: 'key', message: `security scheme ${name} is used but has no x-authconform`, hint: 'add x-authconform: { credential: api_key } (or token) to the scheme' });
        }
      }
    });
  };
  checkRequirementList(asArray(asObject(index.document)?.security), '/security');
  for (const op of index.operations) {
    if (Array.isArray(op.raw.security)) checkRequirementList(op.raw.security, `${op.pointer}/security`);
  }
  // securityOf is what normalization uses; an operation with no scheme at all cannot be probed with a credential
  for (const op of index.operations) {
    if (op.ext?.probe === true && securityOf(index.document, op.raw).length === 0) {
      out.push({ pointer: `${op.pointer}/x-authconform/probe`, at: 'key', message: `probe operation ${label(op)} has no security requirement`, hint: 'the probe operation must require the credential (security: at the root or on the operation)' });
    }
  }
}

/** Every cross-reference problem of the document (seed file excluded: see seed.ts). */
export function semanticFindings(index: SpecIndex): Finding[] {
  const out: Finding[] = [];
  const root = asObject(index.document)?.['x-authconform'];
  if (root === undefined) {
    out.push({ pointer: '', at: 'key', message: 'the document has no x-authconform section', hint: 'add the x-authconform extension at the root (see the bundled specs in specs/)' });
  }
  // a section of the wrong type is reported by the extension schema
  if (asObject(root) === undefined) return out;
  checkOperations(out, index);
  checkSchemes(out, index);
  checkRequirements(out, index);
  checkTraceability(out, index);
  checkSections(out, index);
  rateLimitFindings(out, index);
  out.push(...formatFindings(index));
  out.push(...refusalFindings(index));
  return out;
}
