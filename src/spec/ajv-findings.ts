/**
 * Ajv errors → findings a person can act on: `unknown key "foo" in x-authconform.requirements[3]`,
 * `level must be one of MUST, SHOULD, MAY, got "MUSTT"`, `requirement ACME-AUTH-01 has no "source"`.
 */
import type { ErrorObject } from 'ajv';
import type { Finding } from './finding.ts';
import { displayPointer, fromPointer, getAtPointer, joinPointer } from './json-pointer.ts';

const REQUIREMENT_ITEM = /^\/x-authconform\/requirements\/(\d+)$/;

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The name of the field a pointer ends in: `level`, `roles[2]`. */
function fieldName(pointer: string): string {
  const segments = fromPointer(pointer);
  const last = segments.at(-1);
  if (last === undefined) return 'document';
  if (/^\d+$/.test(last)) return `${segments.at(-2) ?? ''}[${last}]`;
  return last;
}

/** What an object pointer is, for "has no" messages: `requirement ACME-AUTH-01`. */
function subject(pointer: string, root: unknown): string {
  if (REQUIREMENT_ITEM.test(pointer)) {
    const id = getAtPointer(root, `${pointer}/id`);
    if (typeof id === 'string') return `requirement ${id}`;
  }
  return displayPointer(pointer);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] ?? 0;
}

function unknownKeyHint(key: string, parentSchema: unknown): string {
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  const allowed = props === undefined ? [] : Object.keys(props);
  if (allowed.length === 0) return 'remove it or check the spelling';
  const near = allowed.filter((a) => editDistance(a.toLowerCase(), key.toLowerCase()) <= 2);
  const guess = near.length > 0 ? ` (did you mean "${near[0]}"?)` : '';
  return `remove it or check the spelling${guess}; allowed: ${allowed.join(', ')}`;
}

function describe(e: ErrorObject, pointer: string, root: unknown): Finding {
  const p = e.params as Record<string, unknown>;
  const name = fieldName(pointer);
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      return {
        pointer: joinPointer(pointer, key),
        at: 'key',
        message: `unknown key "${key}" in ${displayPointer(pointer)}`,
        hint:
          (e.data as Record<string, unknown> | null)?.[key] === null
            ? `${unknownKeyHint(key, e.parentSchema)}; if it came from a comma in an unquoted value inside { }, quote that value`
            : unknownKeyHint(key, e.parentSchema),
      };
    }
    case 'required':
      return {
        pointer,
        at: 'key',
        message: `${subject(pointer, root)} has no "${String(p.missingProperty)}"`,
        hint: `add "${String(p.missingProperty)}"`,
      };
    case 'dependentRequired':
      return {
        pointer: joinPointer(pointer, String(p.property)),
        at: 'key',
        message: `${displayPointer(pointer)} has "${String(p.property)}" but no "${String(p.missingProperty)}"`,
        hint: `add "${String(p.missingProperty)}" next to "${String(p.property)}"`,
      };
    case 'enum':
      return {
        pointer,
        message: `${name} must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}, got ${show(e.data)}`,
      };
    case 'const':
      return { pointer, message: `${name} must be ${show(p.allowedValue)}, got ${show(e.data)}` };
    case 'type':
      return {
        pointer,
        message: `${name} must be ${String(p.type).split(',').join(' or ')}, got ${typeOf(e.data)}`,
      };
    case 'pattern':
      if (e.schemaPath.includes('/$defs/duration/')) {
        return { pointer, message: `${name} must be an ISO 8601 duration such as PT24H, got ${show(e.data)}` };
      }
      if (e.schemaPath.includes('/$defs/requirement/properties/id/')) {
        return {
          pointer,
          message: `requirement id ${show(e.data)} is not of the form SPEC-AREA-01`,
          hint: `upper-case words joined by dashes, matching ${String(p.pattern)}`,
        };
      }
      return { pointer, message: `${name} ${show(e.data)} does not match ${String(p.pattern)}` };
    case 'format':
      return { pointer, message: `${name} must be a valid ${String(p.format)}, got ${show(e.data)}` };
    case 'anyOf':
      return { pointer, message: `${displayPointer(pointer)} matches none of the allowed shapes` };
    default:
      return { pointer, message: `${name} ${e.message ?? `fails ${e.keyword}`}` };
  }
}

/**
 * `anyOf` branches that only differ by a required key (`requirements` or `untestable`) become one
 * finding; otherwise the branch errors are kept and the bare `anyOf` line dropped.
 */
function collapseAnyOf(errors: ErrorObject[], root: unknown, base: string): Finding[] {
  const out: Finding[] = [];
  const consumed = new Set<ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf') continue;
    const branch = errors.filter((b) => b !== e && b.instancePath === e.instancePath && b.schemaPath.startsWith(`${e.schemaPath}/`));
    if (branch.length > 0 && branch.every((b) => b.keyword === 'required')) {
      const keys = branch.map((b) => `"${String((b.params as { missingProperty?: unknown }).missingProperty)}"`);
      const pointer = base + e.instancePath;
      out.push({ pointer, at: 'key', message: `${subject(pointer, root)} needs one of ${keys.join(', ')}`, hint: `add ${keys.join(' or ')}` });
      for (const b of branch) consumed.add(b);
    }
    consumed.add(e);
  }
  for (const e of errors) if (!consumed.has(e)) out.push(describe(e, base + e.instancePath, root));
  return out;
}

/**
 * Findings for the errors of one validation. `base` is the pointer of the validated value inside
 * `root` (the whole document), so messages can name e.g. the requirement's id.
 */
export function ajvFindings(errors: ErrorObject[] | null | undefined, base: string, root: unknown): Finding[] {
  const relevant = (errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'false schema');
  const seen = new Set<string>();
  return collapseAnyOf(relevant, root, base).filter((f) => {
    const key = `${f.pointer}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
