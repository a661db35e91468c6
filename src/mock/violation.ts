/**
 * A planned way to make a success body break its documented schema (for the credential.accepted
 * defect), chosen from the schema alone and avoiding `protectedFields` (fields other probes read,
 * such as the list field tenant-isolation probes take ids from).
 */
import { closesProperties, primaryType } from './instance.ts';
import type { Schema } from './instance.ts';

export type Violation =
  | { kind: 'drop'; field: string }
  | { kind: 'retype'; field: string; value: unknown }
  | { kind: 'add'; field: string };

const WRONG_VALUE: Record<string, unknown> = {
  string: 12345,
  integer: 'not-a-number',
  number: 'not-a-number',
  boolean: 'yes',
  array: { not: 'an array' },
  object: 'not-an-object',
  null: 'not-null',
};

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function planViolation(schema: Schema | undefined, protectedFields: ReadonlySet<string>): Violation | undefined {
  if (schema === undefined || primaryType(schema) !== 'object') return undefined;
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const droppable = required.find((f) => !protectedFields.has(f));
  if (droppable !== undefined) return { kind: 'drop', field: droppable };
  for (const [field, sub] of Object.entries(properties)) {
    if (protectedFields.has(field) || !isSchema(sub)) continue;
    const type = primaryType(sub);
    if (type === undefined || 'const' in sub || Array.isArray(sub.enum)) continue;
    const value = WRONG_VALUE[type];
    if (value !== undefined) return { kind: 'retype', field, value };
  }
  if (closesProperties(schema)) return { kind: 'add', field: 'x_undocumented' };
  return undefined;
}

export function describeViolation(v: Violation): string {
  if (v.kind === 'drop') return `required field "${v.field}" dropped`;
  if (v.kind === 'retype') return `field "${v.field}" of the wrong type`;
  return `undocumented field "${v.field}" added`;
}

export function applyViolation(body: unknown, v: Violation): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if (v.kind === 'drop') delete out[v.field];
  else if (v.kind === 'retype') out[v.field] = v.value;
  else out[v.field] = true;
  return out;
}
