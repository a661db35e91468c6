/** JSON pointers (RFC 6901): building, splitting, reading, and a readable dotted form for messages. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `['paths', '/v1/x', 'get']` → `/paths/~1v1~1x/get` */
export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${escapeSegment(s)}`).join('');
}

/** `/paths/~1v1~1x/get` → `['paths', '/v1/x', 'get']`; `''` → `[]` */
export function fromPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? decodeURIComponent(pointer.slice(1)) : pointer;
  return body.slice(1).split('/').map(unescapeSegment);
}

/** Appends segments to a pointer. */
export function joinPointer(base: string, ...segments: Array<string | number>): string {
  return base + toPointer(segments);
}

/** The value at a pointer, or undefined when any segment is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const segment of fromPointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** `/x-authconform/requirements/3/level` → `x-authconform.requirements[3].level`; `''` → `document` */
export function displayPointer(pointer: string): string {
  const segments = fromPointer(pointer);
  if (segments.length === 0) return 'document';
  let out = '';
  for (const s of segments) {
    if (/^(0|[1-9]\d*)$/.test(s)) out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
