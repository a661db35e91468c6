/**
 * Whether two refusals say the same thing (sec.key-no-enumeration): the same JSON keys, recursively,
 * and equal values, apart from values that differ per request on any server (ids, timestamps) and
 * RFC 6750's error_description. Non-JSON bodies are compared as text.
 */

const VOLATILE_NAME = /(^|_|-)(request|trace|correlation|span)(_|-)?id$|^id$|timestamp|^time$|_at$|^date$/i;
const VOLATILE_VALUE = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^[0-9A-HJKMNP-TV-Z]{26}$/, // ULID
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, // RFC 3339
  /^\d{10}(\d{3})?$/, // epoch s / ms
  /^req_[0-9a-z]+$/i,
];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function volatile(name: string, a: unknown, b: unknown): boolean {
  if (name === 'error_description') return true;
  const both = [a, b].map((v) => (typeof v === 'number' ? String(v) : v));
  if (VOLATILE_NAME.test(name)) return true;
  return both.every((v) => typeof v === 'string' && VOLATILE_VALUE.some((re) => re.test(v)));
}

/** The differences between two bodies, as `key set differs at /x` / `value differs at /y` lines (no values: they may hold secrets). */
export function bodyDifferences(a: unknown, b: unknown, path = ''): string[] {
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    const extra = kb.filter((k) => !ka.includes(k));
    const missing = ka.filter((k) => !kb.includes(k));
    const out: string[] = [];
    if (extra.length > 0) out.push(`extra field ${extra.map((k) => `${path}/${k}`).join(', ')}`);
    if (missing.length > 0) out.push(`missing field ${missing.map((k) => `${path}/${k}`).join(', ')}`);
    for (const k of ka.filter((k) => kb.includes(k))) {
      if (volatile(k, a[k], b[k])) continue;
      out.push(...bodyDifferences(a[k], b[k], `${path}/${k}`));
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`array length differs at ${path || '/'}`];
    return a.flatMap((v, i) => bodyDifferences(v, b[i], `${path}/${i}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`value differs at ${path || '/'}`];
}
