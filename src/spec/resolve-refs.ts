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

/** Most schema nodes a schema may stand for with its `$ref`s followed (a `$ref` bomb is refused). */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * `schema` with every local `$ref` replaced by its target (siblings of `$ref` kept). Targets are
 * resolved once and shared (a graph, not a copied tree), so a document whose schemas reference
 * each other many times over resolves in time linear in its size. A reference back into itself
 * (a recursive schema) becomes `{}`: anything is accepted there.
 */
export function inlineRefs(document: unknown, schema: unknown): unknown {
  const done = new Map<string, unknown>();
  const stack = new Set<string>();
  let cycles = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const ref = refOf(node);
    if (ref !== undefined && ref.startsWith('#')) {
      const { $ref: _ref, ...siblings } = node;
      const rest = walk(siblings) as Json;
      let target: unknown;
      if (stack.has(ref)) {
        cycles += 1;
        return rest;
      }
      if (done.has(ref)) target = done.get(ref);
      else {
        const before = cycles;
        stack.add(ref);
        target = walk(resolveRef(document, ref));
        stack.delete(ref);
        // a target cut short by a cycle depends on the path taken: not shared
        if (cycles === before) done.set(ref, target);
      }
      return isObject(target) ? (Object.keys(rest).length === 0 ? target : { ...target, ...rest }) : target;
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    return out;
  };
  return walk(schema);
}

/**
 * The first `$ref` whose target stands for more than {@link MAX_EXPANDED_NODES} schema nodes once
 * references are followed (each schema referencing the next one twice doubles it per level).
 * Counted with one memo per reference: linear in the document.
 */
export function refBombFindings(document: unknown): Finding[] {
  const sizes = new Map<string, number>();
  const onStack = new Set<string>();
  const size = (node: unknown): number => {
    if (Array.isArray(node)) return node.reduce<number>((n, item) => Math.min(n + size(item), MAX_EXPANDED_NODES + 1), 1);
    if (!isObject(node)) return 1;
    const ref = refOf(node);
    let n = 1;
    if (ref !== undefined && ref.startsWith('#')) n += sizeOfRef(ref);
    for (const [key, value] of Object.entries(node)) if (key !== '$ref') n = Math.min(n + size(value), MAX_EXPANDED_NODES + 1);
    return n;
  };
  const sizeOfRef = (ref: string): number => {
    const known = sizes.get(ref);
    if (known !== undefined) return known;
    if (onStack.has(ref)) return 1;
    onStack.add(ref);
    const n = Math.min(size(resolveRef(document, ref)), MAX_EXPANDED_NODES + 1);
    onStack.delete(ref);
    sizes.set(ref, n);
    return n;
  };
  const findings: Finding[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (findings.length > 0) return;
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, joinPointer(pointer, i)));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = joinPointer(pointer, key);
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#') && sizeOfRef(value) > MAX_EXPANDED_NODES) {
        findings.push({
          pointer: at,
          message: `$ref "${value}" stands for more than ${MAX_EXPANDED_NODES} schema nodes once its references are followed`,
          hint: 'a schema that references the next one several times over doubles per level; reference a shared schema once',
        });
        return;
      }
      walk(value, at);
    }
  };
  walk(document, '');
  return findings;
}
