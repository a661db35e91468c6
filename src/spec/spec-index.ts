/**
 * What cross-reference checks and normalization need to look up in a raw (possibly invalid)
 * document: its operations, security schemes, and the named things of x-authconform. Reads
 * defensively: anything of the wrong shape is skipped (the schemas report it).
 */
import { joinPointer } from './json-pointer.ts';
import { deref } from './resolve-refs.ts';

export type Json = Record<string, unknown>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function asObject(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export interface IndexedOperation {
  operationId?: string;
  method: string;
  path: string;
  /** pointer of the operation object */
  pointer: string;
  raw: Json;
  /** the operation's x-authconform, if an object */
  ext?: Json;
}

export interface IndexedScheme {
  name: string;
  pointer: string;
  /** the scheme object, `$ref` followed */
  raw: Json;
  ext?: Json;
}

export interface SpecIndex {
  document: unknown;
  /** the root x-authconform object ({} when absent or not an object) */
  ext: Json;
  operations: IndexedOperation[];
  operationIds: Set<string>;
  schemes: IndexedScheme[];
  schemeNames: Set<string>;
  errorIds: Set<string>;
  sourceIds: Set<string>;
  roles: Set<string>;
}

function indexOperations(document: unknown): IndexedOperation[] {
  const out: IndexedOperation[] = [];
  const paths = asObject(asObject(document)?.paths) ?? {};
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = asObject(deref(document, item));
    if (pathItem === undefined) continue;
    for (const method of HTTP_METHODS) {
      const raw = asObject(pathItem[method]);
      if (raw === undefined) continue;
      const op: IndexedOperation = { method, path, pointer: joinPointer('/paths', path, method), raw };
      const id = asString(raw.operationId);
      if (id !== undefined) op.operationId = id;
      const ext = asObject(raw['x-authconform']);
      if (ext !== undefined) op.ext = ext;
      out.push(op);
    }
  }
  return out;
}

function indexSchemes(document: unknown): IndexedScheme[] {
  const schemes = asObject(asObject(asObject(document)?.components)?.securitySchemes) ?? {};
  const out: IndexedScheme[] = [];
  for (const [name, value] of Object.entries(schemes)) {
    const raw = asObject(deref(document, value));
    if (raw === undefined) continue;
    const scheme: IndexedScheme = { name, pointer: joinPointer('/components/securitySchemes', name), raw };
    const ext = asObject(raw['x-authconform']);
    if (ext !== undefined) scheme.ext = ext;
    out.push(scheme);
  }
  return out;
}

export function indexSpec(document: unknown): SpecIndex {
  const ext = asObject(asObject(document)?.['x-authconform']) ?? {};
  const operations = indexOperations(document);
  const schemes = indexSchemes(document);
  return {
    document,
    ext,
    operations,
    operationIds: new Set(operations.flatMap((o) => (o.operationId === undefined ? [] : [o.operationId]))),
    schemes,
    schemeNames: new Set(schemes.map((s) => s.name)),
    errorIds: new Set(Object.keys(asObject(ext.errors) ?? {})),
    sourceIds: new Set(Object.keys(asObject(ext.sources) ?? {})),
    roles: new Set(asArray(ext.roles).filter((r): r is string => typeof r === 'string')),
  };
}

/** The security requirement list that applies to an operation (its own, else the root one). */
export function securityOf(document: unknown, op: Json): unknown[] {
  if (Array.isArray(op.security)) return op.security;
  return asArray(asObject(document)?.security);
}
