/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-10): `RateLimit-Policy`
 * (§3: a List of policy items, each a String naming the policy, with `q` the quota (§3.1) and `w`
 * the window in seconds (§3.3)) and `RateLimit` (§4: a List of items with `r` the remaining quota
 * (§4.1) and `t` the seconds until the quota resets (§4.2)). Parsed and serialized as RFC 9651
 * structured fields with the `structured-headers` package.
 *
 * A figure is addressed as `<field> <param>`, optionally ` of "<policy name>"` (the names the loader
 * writes for `rateLimit.headers.style: ietf`): `RateLimit r of "default"`.
 */
import { parseList, serializeList, type BareItem, type List } from 'structured-headers';

const FIGURE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([a-z*][a-z0-9_.*-]*)(?: of "(.*)")?$/;

/** The field, parameter and policy name of a figure address; undefined for a plain header name. */
export function figureAddress(name: string): { field: string; param: string; policy?: string } | undefined {
  const m = FIGURE.exec(name);
  if (m === null) return undefined;
  return { field: m[1]!, param: m[2]!, ...(m[3] === undefined ? {} : { policy: m[3] }) };
}

function text(v: BareItem): string {
  return typeof v === 'object' && v !== null && 'toString' in v ? v.toString() : String(v);
}

/**
 * The value of a figure in a field value: the parameter of the named policy item (else the first
 * item), as text; undefined when the field does not parse (RFC 9651 §4.2: the whole field is then
 * ignored), has no such item, or the item has no such parameter.
 */
export function readFigure(fieldValue: string, param: string, policy?: string): string | undefined {
  let list: List;
  try {
    list = parseList(fieldValue);
  } catch {
    return undefined;
  }
  const item = policy === undefined ? list[0] : list.find(([v]) => !Array.isArray(v) && text(v) === policy);
  const value = item?.[1].get(param);
  return value === undefined ? undefined : text(value);
}

/** One policy item (`"name";q=..;w=..`) or current-limit item (`"name";r=..;t=..`), serialized. */
export function serializeItem(policy: string, params: Record<string, number>): string {
  return serializeList([[policy, new Map(Object.entries(params))]]);
}
