/**
 * `{field, equals}` rules (resource.where, mock get.public): `field` is a property name, or a
 * JSON pointer when it starts with `/`; the value must equal `equals` exactly (same JSON type).
 */
import type { FieldEquals } from './contract.ts';
import { getAtPointer } from './json-pointer.ts';

/** The value of `field` in an item. */
export function fieldOf(item: unknown, field: string): unknown {
  if (field.startsWith('/')) return getAtPointer(item, field);
  return typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>)[field] : undefined;
}

/** Whether an item's field equals the rule's value. */
export function fieldEquals(item: unknown, rule: FieldEquals): boolean {
  return fieldOf(item, rule.field) === rule.equals;
}
