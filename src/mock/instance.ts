/**
 * A minimal JSON instance of a JSON Schema (2020-12, `$ref`s already resolved): const and enum
 * values, required properties, the first branch of a oneOf/anyOf, merged allOf parts, the schema's
 * own example when it has one. `hint` lets the caller choose the value of a named property
 * (an error body's `message`, a login response's `email`).
 */

export type Schema = Record<string, unknown>;

/** Returns a value for the property `name` (with schema `schema`), or undefined for the default. */
export type PropertyHint = (name: string, schema: Schema) => unknown;

export interface InstanceOptions {
  hint?: PropertyHint;
  /** ms since the epoch used for date-time strings */
  now: number;
}

const MAX_DEPTH = 12;

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The schema's primary type: the first non-null entry of `type`, or what its keywords imply. */
export function primaryType(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') ?? t[0]) as string | undefined;
  if (isSchema(schema.properties) || Array.isArray(schema.required)) return 'object';
  if (isSchema(schema.items)) return 'array';
  return undefined;
}

function mergeAllOf(schema: Schema): Schema {
  const parts = (schema.allOf as unknown[]).filter(isSchema);
  const merged: Schema = { ...schema };
  delete merged.allOf;
  const properties: Schema = { ...((schema.properties as Schema | undefined) ?? {}) };
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  for (const part of parts) {
    const p = part.allOf !== undefined ? mergeAllOf(part) : part;
    Object.assign(properties, (p.properties as Schema | undefined) ?? {});
    for (const r of (p.required as string[] | undefined) ?? []) required.add(r);
    if (merged.type === undefined && p.type !== undefined) merged.type = p.type;
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function stringFor(schema: Schema, now: number): string {
  switch (schema.format) {
    case 'date-time':
      return new Date(now).toISOString();
    case 'date':
      return new Date(now).toISOString().slice(0, 10);
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    default: {
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
      return 'x'.repeat(Math.max(1, min));
    }
  }
}

function numberFor(schema: Schema): number {
  if (typeof schema.minimum === 'number') return schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') return Math.floor(schema.exclusiveMinimum) + 1;
  if (typeof schema.maximum === 'number' && schema.maximum < 0) return schema.maximum;
  return 0;
}

function build(schema: unknown, opts: InstanceOptions, depth: number): unknown {
  if (!isSchema(schema) || depth > MAX_DEPTH) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema) return schema.default;
  if ('example' in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.allOf)) return build(mergeAllOf(schema), opts, depth + 1);
  const branches = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    const nonNull = branches.find((b) => isSchema(b) && b.type !== 'null');
    return build(nonNull ?? branches[0], opts, depth + 1);
  }
  switch (primaryType(schema)) {
    case 'object':
      return objectFor(schema, opts, depth);
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: min }, () => build(schema.items, opts, depth + 1));
    }
    case 'string':
      return stringFor(schema, opts.now);
    case 'integer':
      return Math.ceil(numberFor(schema));
    case 'number':
      return numberFor(schema);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}

function objectFor(schema: Schema, opts: InstanceOptions, depth: number): Record<string, unknown> {
  const properties = (schema.properties as Schema | undefined) ?? {};
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  const out: Record<string, unknown> = {};
  for (const [name, sub] of Object.entries(properties)) {
    const s = isSchema(sub) ? sub : {};
    const hinted = opts.hint?.(name, s);
    if (hinted !== undefined) out[name] = hinted;
    else if (required.has(name) || 'const' in s) out[name] = build(s, opts, depth + 1);
  }
  for (const name of required) if (!(name in out)) out[name] = null;
  return out;
}

/** A minimal instance of `schema`. */
export function instanceOf(schema: unknown, opts: InstanceOptions): unknown {
  return build(schema, opts, 0);
}

/** True when the schema forbids properties beyond those it lists (extra fields would break it). */
export function closesProperties(schema: unknown): boolean {
  return isSchema(schema) && (schema.additionalProperties === false || schema.unevaluatedProperties === false);
}
