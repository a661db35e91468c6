/** The recursive key set of a JSON value ("error", "error.code", "items[].id"), for shape comparisons. */

export function keyPaths(value: unknown): Set<string> {
  const out = new Set<string>();
  walk(value, '', out, 0);
  return out;
}

function walk(value: unknown, path: string, out: Set<string>, depth: number): void {
  if (depth > 32) return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, `${path}[]`, out, depth + 1);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path === '' ? k : `${path}.${k}`;
      out.add(p);
      walk(v, p, out, depth + 1);
    }
  }
}

/** Keys in `a` but not in `b`, sorted. */
export function onlyIn(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((k) => !b.has(k)).sort();
}
