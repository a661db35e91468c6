/**
 * `application/x-www-form-urlencoded` bodies (WHATWG URLSearchParams) with the bracket notation
 * form APIs use for structure (`metadata[plan]=pro`, `expand[]=customer`): what the probes send
 * for an operation whose request body is a form, and what the mock reads back.
 */

export const FORM_TYPE = 'application/x-www-form-urlencoded';

type Scalar = string | number | boolean | null;

function append(out: URLSearchParams, key: string, value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) append(out, `${key}[]`, v);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) append(out, `${key}[${k}]`, v);
  } else if (value !== undefined) {
    out.append(key, value === null ? '' : String(value as Scalar));
  }
}

/** An object as a form body; nested objects and arrays in bracket notation. */
export function encodeForm(body: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) append(out, k, v);
  return out.toString();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `a[b][]` → ['a', 'b', '']; a key that is not in bracket notation is one segment. */
function keySegments(key: string): string[] {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (m === null) return [key];
  return [m[1] ?? key, ...[...(m[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1] ?? '')];
}

/** A form body as an object (string values; `a[b]` nested, `a[]` an array, a repeated plain key an array). */
export function decodeForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const segments = keySegments(key);
    let node = out;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] ?? '';
      const next = segments[i + 1];
      if (next === '') {
        // `a[]` ends the key: one more item of the list
        const held = node[segment];
        node[segment] = [...(Array.isArray(held) ? held : []), value];
        break;
      }
      if (next === undefined) {
        const held = node[segment];
        node[segment] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
        break;
      }
      const child = node[segment];
      node = isRecord(child) ? child : (node[segment] = {}) as Record<string, unknown>;
    }
  }
  return out;
}
