/**
 * What an authorized request to an operation answers, per `mock.operations`: a tenant's list, one
 * item (other tenants' items are hidden), a created item, a static body (the test body for
 * test-mode keys). Operations without an entry answer their success status with the documented
 * example, else a minimal instance of the success schema, else `{}`.
 */
import { modeOf } from './limit-match.ts';
import type { ErrorSpec, MockOperation, Operation } from '../spec/contract.ts';
import { fillRequired } from './conform.ts';
import type { CredentialRecord } from './credentials.ts';
import { idLike } from './credentials.ts';
import { instanceOf } from './instance.ts';
import type { HeaderBag, Reply } from './reply.ts';
import type { MockRequest } from './request.ts';
import { jsonBody } from './request.ts';
import { errorReply } from './reply.ts';
import type { Route } from './routes.ts';
import type { Runtime } from './runtime.ts';
import type { Item } from './seed.ts';
import { fieldEquals } from '../spec/field-equals.ts';
import { getAtPointer } from '../spec/json-pointer.ts';

/** Who is asking: the accepted credential (none on operations without security) and its tenant. */
export interface Principal {
  record?: CredentialRecord;
  tenant?: string;
}

type Schema = Record<string, unknown>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function propertySchema(schema: unknown, name: string): Schema | undefined {
  if (!isObject(schema) || !isObject(schema.properties)) return undefined;
  const sub = schema.properties[name];
  return isObject(sub) ? sub : undefined;
}

/** An item as clients see it: the mock's `tenant` bookkeeping field removed unless documented. */
/** Data of one mode (a seed item's `mode`: live or test) is served to keys of that mode only ("Objects in one mode aren't accessible to the other"). */
export function sameMode(item: Item, p: Principal): boolean {
  return item.mode === undefined || p.record === undefined || item.mode === modeOf(p.record);
}

function publicItem(item: Item, schema: Schema | undefined): Item {
  if (!('tenant' in item) || propertySchema(schema, 'tenant') !== undefined) return item;
  const { tenant: _tenant, ...rest } = item;
  return rest;
}

/** Whether an item is the one the path names: by `params` (pointers into the item), else by its id. */
function itemMatches(item: Item, m: Extract<MockOperation, { respond: 'get' }>, params: Record<string, string>): boolean {
  if (m.params !== undefined) return Object.entries(m.params).every(([name, pointer]) => String(getAtPointer(item, pointer)) === params[name]);
  const param = m.param ?? '';
  return itemId(item, param) === params[param];
}

function itemId(item: Item, param: string): string | undefined {
  const id = item.id ?? item[param];
  return id === undefined ? undefined : String(id);
}

/** The documented example of the success response, if any. */
function documentedExample(rt: Runtime, op: Operation): unknown {
  const response = (rt.mock.openapi[op.operationId]?.responses as Record<string, unknown> | undefined)?.[String(op.successStatus)];
  const content = isObject(response) && isObject(response.content) ? response.content : {};
  for (const [type, media] of Object.entries(content)) {
    if (!/json/i.test(type) || !isObject(media)) continue;
    if (media.example !== undefined) return media.example;
    if (isObject(media.examples)) {
      const first = Object.values(media.examples)[0];
      if (isObject(first) && first.value !== undefined) return first.value;
    }
  }
  return undefined;
}

/** The error for another tenant's item: the mock operation's not-found error when the isolation requirement accepts it, else the requirement's own. */
function isolationError(rt: Runtime, route: Route, notFound: ErrorSpec, notFoundId: string): ErrorSpec {
  const opId = route.operation.operationId;
  const reqs = rt.contract.requirements.filter((r) => r.kind === 'tenant.isolation');
  const req = reqs.find((r) => r.resource?.get.operationId === opId || r.operation.operationId === opId) ?? reqs[0];
  if (req === undefined) return notFound;
  if (req.errors.some((e) => e.id === notFoundId) || req.statuses.includes(notFound.status)) return notFound;
  return req.errors[0] ?? rt.errors.byId(undefined, 403);
}

function success(rt: Runtime, route: Route, p: Principal, status: number, body: unknown, headers: HeaderBag, schema: unknown): Reply {
  return rt.stages.success(rt, route, p, status, body, headers, schema);
}

export async function respond(
  rt: Runtime,
  route: Route,
  request: MockRequest,
  params: Record<string, string>,
  p: Principal,
  headers: HeaderBag,
  now: number,
): Promise<Reply> {
  const op = route.operation;
  const m: MockOperation | undefined = route.mock;
  const schema = op.successSchema;
  if (m === undefined || m.respond === 'login') {
    const body = documentedExample(rt, op) ?? (schema !== undefined ? instanceOf(schema, { now }) : {});
    return success(rt, route, p, op.successStatus, body, headers, schema);
  }
  if (m.respond === 'static') {
    const body = p.record?.test === true && m.testBody !== undefined ? m.testBody : m.body;
    return success(rt, route, p, m.status ?? op.successStatus, body, headers, schema);
  }
  const items = rt.state.data.get(m.collection) ?? [];
  if (m.respond === 'list') {
    // field '' (the root pointer): the body is the array itself
    const listSchema = m.field === '' ? schema : propertySchema(schema, m.field);
    const itemSchema = isObject(listSchema?.items) ? listSchema.items : undefined;
    const visible = items.filter((i) => (i.tenant === undefined || i.tenant === p.tenant) && sameMode(i, p)).map((i) => publicItem(i, itemSchema));
    if (m.field === '') return success(rt, route, p, op.successStatus, visible, headers, schema);
    const body: Record<string, unknown> = { [m.field]: visible, ...(m.extra ?? {}) };
    if (m.total !== undefined) body[m.total] = visible.length;
    return success(rt, route, p, op.successStatus, body, headers, schema);
  }
  if (m.respond === 'get') {
    const itemSchema = m.wrap !== undefined ? propertySchema(schema, m.wrap) : schema;
    const item = items.find((i) => itemMatches(i, m, params));
    const notFound = rt.errors.byId(m.notFound, 404);
    if (item === undefined) return errorReply(rt, notFound, headers);
    const open = m.public !== undefined && fieldEquals(item, m.public);
    if (!open && p.record === undefined && item.tenant !== undefined) {
      // a private item asked for without a credential: hidden (resource.hidden)
      const hidden = rt.stages.hidden(rt, notFound, item);
      return errorReply(rt, hidden.error, headers, { ...(hidden.status !== undefined ? { status: hidden.status } : {}), ...(hidden.extra !== undefined ? { extra: hidden.extra } : {}) });
    }
    if (!open && !rt.stages.visible(rt, item, p.tenant, p.record === undefined ? undefined : modeOf(p.record))) {
      return errorReply(rt, isolationError(rt, route, notFound, m.notFound), headers);
    }
    const visible = publicItem(item, itemSchema);
    return success(rt, route, p, op.successStatus, m.wrap !== undefined ? { [m.wrap]: visible } : visible, headers, schema);
  }
  // create
  const itemSchema = m.wrap !== undefined ? propertySchema(schema, m.wrap) : schema;
  const sent = await jsonBody(request);
  const template = items.find((i) => i.tenant === p.tenant) ?? items[0];
  const known = isObject(itemSchema?.properties) ? new Set(Object.keys(itemSchema.properties)) : undefined;
  const fromClient = isObject(sent) ? Object.fromEntries(Object.entries(sent).filter(([k]) => known === undefined || known.has(k))) : {};
  const iso = new Date(now).toISOString();
  const stamps: Record<string, unknown> = {};
  for (const k of ['created_at', 'updated_at']) if (known?.has(k) === true || (template !== undefined && k in template)) stamps[k] = iso;
  const base = template !== undefined ? publicItem(template, itemSchema) : (instanceOf(itemSchema ?? { type: 'object' }, { now }) as Item);
  const created = fillRequired({ ...base, ...fromClient, ...stamps, id: idLike(template !== undefined ? itemId(template, 'id') : undefined) }, itemSchema, now) as Item;
  if (p.tenant !== undefined) items.push({ ...created, tenant: p.tenant });
  else items.push(created);
  if (!rt.state.data.has(m.collection)) rt.state.data.set(m.collection, items);
  return success(rt, route, p, op.successStatus, m.wrap !== undefined ? { [m.wrap]: created } : created, headers, schema);
}
