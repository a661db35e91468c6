/**
 * A resource of the first tenant, for tenant.isolation and resource.hidden: fixtures.resources
 * (one path parameter `param`), else found through the valid credential's list. With `params`
 * (several path parameters) or `where` (an item with a field's value, e.g. a private one) the
 * listed item is chosen first (the body when it is an array, else its first array-valued
 * property), and `idPointer` and the `params` pointers read that item.
 * The list request is a precondition (credential.accepted covers it): a target refusing the valid
 * key fails that requirement, not the one probing isolation.
 */
import type { ResourceRef } from '../spec/contract.ts';
import { fieldEquals } from '../spec/field-equals.ts';
import { getAtPointer } from '../spec/json-pointer.ts';
import { bodyHasCode } from './expect-error.ts';
import type { ProbeContext } from './model.ts';
import { SkipCase } from './skip-case.ts';
import { SKIP } from './skip-reasons.ts';
import type { Sent } from './steps.ts';
import { requireValidAccepted } from './valid-accepted.ts';

export interface FoundResource {
  /** the id the responses must not carry */
  id: string;
  /** the path parameters of `get` that address it */
  path: Record<string, string>;
}

/** A non-empty string or a number, as a string (an id or a path parameter value). */
export function scalar(v: unknown): string | undefined {
  return (typeof v === 'string' && v !== '') || typeof v === 'number' ? String(v) : undefined;
}

/** The items of a list body: the body itself when an array, else its first array-valued property. */
export function listedItems(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (typeof body !== 'object' || body === null) return [];
  return (Object.values(body).find((v) => Array.isArray(v)) as unknown[] | undefined) ?? [];
}

/** Whether the resource is chosen as a listed item (`params` or `where`) rather than by a pointer into the list body. */
function byItem(res: ResourceRef): boolean {
  return res.params !== undefined || res.where !== undefined;
}

export async function firstTenantResource(ctx: ProbeContext, res: ResourceRef): Promise<FoundResource> {
  const param = res.param;
  const fixed = param === undefined ? undefined : ctx.fixtures.resources[param];
  const hasFixed = fixed !== undefined && fixed !== '' && !byItem(res);
  if (hasFixed && ctx.fixtures.credentials.valid === undefined) return { id: fixed, path: { [param!]: fixed } };
  const s = await requireValidAccepted(ctx, res.list, 'listing with the valid credential');
  if (hasFixed) return { id: fixed, path: { [param!]: fixed } };
  if (!byItem(res)) {
    const id = scalar(getAtPointer(s.res.json, res.idPointer));
    if (id === undefined) throw new SkipCase(SKIP.noResource(s.label, res.idPointer, param ?? ''));
    return { id, path: { [param ?? '']: id } };
  }
  const where = res.where;
  const what = where === undefined ? 'item' : `item with ${where.field} = ${JSON.stringify(where.equals)}`;
  const item = listedItems(s.res.json).find((i) => where === undefined || fieldEquals(i, where));
  if (item === undefined) throw new SkipCase(SKIP.noListedItem(s.label, what));
  const id = scalar(getAtPointer(item, res.idPointer));
  if (id === undefined) throw new SkipCase(SKIP.noListedItem(s.label, `${what} with a value at ${res.idPointer}`));
  const path: Record<string, string> = {};
  for (const [name, pointer] of Object.entries(res.params ?? (param !== undefined ? { [param]: res.idPointer } : {}))) {
    const v = scalar(getAtPointer(item, pointer));
    if (v === undefined) throw new SkipCase(SKIP.noListedItem(s.label, `${what} with a value at ${pointer}`));
    path[name] = v;
  }
  return { id, path };
}

/**
 * Whether a response carries the resource id as data: a JSON value equal to it, or the id as a word
 * of a text body once the request's own path is taken out (a 404 page that repeats the requested
 * path, "Cannot GET /v1/icp/<id>", leaks nothing the client did not send).
 */
export function leaksId(s: Sent, id: string): boolean {
  if (s.res.json !== undefined) return bodyHasCode(s.res, id);
  const path = new URL(s.req.path, 'http://origin.invalid').pathname;
  const body = s.res.body.split(path).join(' ').split(decodeURIComponent(path)).join(' ');
  return bodyHasCode({ body }, id);
}
