/**
 * Fills what a value lacks to satisfy its schema's `required` lists (recursively, through arrays),
 * so a created resource built from a client's body still answers in the documented shape.
 */
import { instanceOf } from './instance.ts';

type Schema = Record<string, unknown>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function fillRequired(value: unknown, schema: unknown, now: number): unknown {
  if (!isObject(schema)) return value;
  if (Array.isArray(value)) return value.map((v) => fillRequired(v, schema.items, now));
  if (!isObject(value)) return value;
  const props = (isObject(schema.properties) ? schema.properties : {}) as Record<string, Schema>;
  const out: Record<string, unknown> = { ...value };
  for (const name of (schema.required as string[] | undefined) ?? []) {
    if (!(name in out)) out[name] = instanceOf(props[name] ?? {}, { now });
  }
  for (const [name, sub] of Object.entries(props)) if (name in out) out[name] = fillRequired(out[name], sub, now);
  return out;
}
