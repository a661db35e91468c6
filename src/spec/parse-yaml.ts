/**
 * YAML text → plain value, keeping the parsed Document so that a JSON pointer into the value can
 * be mapped back to the line and column of the key or value it names.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Problem } from '../util/errors.ts';
import { fromPointer } from './json-pointer.ts';

export interface Position {
  line: number;
  column: number;
}

/** Which part of a map entry a pointer is located at: the key (`level:`) or its value (`MUSTT`). */
export type Anchor = 'key' | 'value';

export interface ParsedYaml {
  /** the file as shown in problems */
  file: string;
  value: unknown;
  /** syntax errors; when non-empty, `value` must not be used */
  problems: Problem[];
  /** line:column of what the pointer names, or of its deepest existing ancestor */
  locate(pointer: string, anchor?: Anchor): Position;
}

function firstLine(message: string): string {
  return message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').split('\n')[0] ?? message;
}

/** Most alias uses a document may expand (an alias bomb is refused). */
export const MAX_ALIAS_COUNT = 1000;
/** Deepest nesting of mappings and sequences a document may have. */
export const MAX_DEPTH = 128;

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, lineCounter, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0].line ?? 1,
    column: e.linePos?.[0].col ?? 1,
    message: /call stack/i.test(e.message)
      ? `nesting deeper than the YAML parser can follow (the limit is ${MAX_DEPTH} levels)`
      : `YAML syntax error: ${e.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document (---); a spec is one document' : firstLine(e.message)}`,
    hint: /call stack/i.test(e.message)
      ? 'a spec never needs this depth'
      : "fix the YAML syntax (quote values that contain ': ' or ' #', or start with {, [, *, &); nothing else is checked until the file parses",
  }));
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      // the yaml package refuses an alias bomb; a stack overflow is nesting too deep
      const at = lineCounter.linePos(firstAliasOffset(doc));
      const why = /alias/i.test((err as Error).message)
        ? `YAML aliases expand to more than ${MAX_ALIAS_COUNT} nodes (an alias bomb)`
        : `nesting deeper than the limit of ${MAX_DEPTH} levels`;
      problems.push({ file, line: at.line, column: at.col, message: why, hint: 'write the values out, or reference a shared definition with $ref' });
    }
  }
  if (problems.length === 0) {
    const deep = tooDeep(value);
    if (deep !== undefined) {
      const at = locateInDocument(doc, lineCounter, deep, 'value');
      problems.push({ file, ...at, message: `nesting deeper than the limit of ${MAX_DEPTH} levels`, hint: 'a spec never needs this depth' });
      value = undefined;
    }
  }
  return {
    file,
    value,
    problems,
    locate: (pointer, anchor = 'value') => locateInDocument(doc, lineCounter, pointer, anchor),
  };
}

function startOf(node: Node | null | undefined, lineCounter: LineCounter): Position | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function deref(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function locateInDocument(doc: Document, lineCounter: LineCounter, pointer: string, anchor: Anchor): Position {
  let node: unknown = doc.contents;
  // position of the key (or sequence item) through which `node` was reached
  let keyPos: Position | undefined = startOf(doc.contents as Node | null, lineCounter);
  let best: Position = keyPos ?? { line: 1, column: 1 };
  for (const segment of fromPointer(pointer)) {
    node = deref(doc, node);
    let next: unknown;
    let nextKeyPos: Position | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === segment);
      if (pair === undefined) return best;
      nextKeyPos = startOf(pair.key as Node, lineCounter);
      next = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (!/^\d+$/.test(segment) || item === undefined) return best;
      nextKeyPos = startOf(item as Node, lineCounter);
      next = item;
    } else {
      return best;
    }
    keyPos = nextKeyPos;
    best = keyPos ?? best;
    node = next;
  }
  if (anchor === 'key') return keyPos ?? best;
  return startOf(node as Node | null, lineCounter) ?? keyPos ?? best;
}

/** Offset of the first alias (`*name`) in the document, or 0. */
function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** A JSON pointer to a node nested deeper than {@link MAX_DEPTH}, found without recursion. */
function tooDeep(value: unknown): string | undefined {
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length > 0) {
    const [node, pointer, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_DEPTH) return pointer;
    for (const [key, child] of Object.entries(node)) stack.push([child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1]);
  }
  return undefined;
}
