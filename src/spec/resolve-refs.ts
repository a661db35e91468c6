/**
 * Local `$ref`s (`#/components/...`): finding the dangling ones, following one, and inlining all
 * of them in a JSON schema so that layers above never see a `$ref` into the document.
 */
import type { Finding } from './finding.ts';
import { getAtPointer, joinPointer } from './json-pointer.ts';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function refOf(v: unknown): string | undefined {
  return isObject(v) && typeof v.$ref === 'string' ? v.$ref : undefined;
}

/** The target of a local `$ref`, or undefined when it does not resolve. */
export function resolveRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  return getAtPointer(document, ref);
}

/** Follows `$ref` chains until a value that is not a reference (undefined if one dangles or loops). */
export function deref(document: unknown, value: unknown): unknown {
  const seen = new Set<string>();
  let current = value;
  for (let ref = refOf(current); ref !== undefined; ref = refOf(current)) {
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    current = resolveRef(document, ref);
  }
  return current;
}

/** Every `$ref` in the document that is not local or does not resolve. */
export function danglingRefs(document: unknown): Finding[] {
  const findings: Finding[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, joinPointer(pointer, i)));
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = joinPointer(pointer, key);
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith('#')) {
          findings.push({ pointer: at, message: `$ref "${value}" points outside the file`, hint: 'only local references (#/components/...) are supported; move the definition into this file' });
        } else if (resolveRef(document, value) === undefined) {
          findings.push({ pointer: at, message: `$ref "${value}" does not resolve`, hint: 'define the target in this file or fix the reference' });
        }
      } else {
        walk(value, at);
      }
    }
  };
  walk(document, '');
  return findings;
}

/**
 * A copy of `schema` with every local `$ref` replaced by its target (siblings of `$ref` kept).
 * A reference back into itself (a recursive schema) becomes `{}`: anything is accepted there.
 */
export function inlineRefs(document: unknown, schema: unknown, stack: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(document, item, stack));
  if (!isObject(schema)) return schema;
  const ref = refOf(schema);
  if (ref !== undefined && ref.startsWith('#')) {
    const { $ref: _ref, ...siblings } = schema;
    const rest = inlineRefs(document, siblings, stack) as Json;
    if (stack.has(ref)) return rest;
    const target = inlineRefs(document, resolveRef(document, ref), new Set([...stack, ref]));
    return isObject(target) ? { ...target, ...rest } : target;
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) out[key] = inlineRefs(document, value, stack);
  return out;
}
