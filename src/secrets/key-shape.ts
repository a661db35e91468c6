/**
 * Text shaped like a key with a documented prefix (`sk_live_` + 8 or more key characters) is
 * masked even when the key is not one of the run's secrets (a key the target made up and sent
 * back). The pattern is built from the spec's public prefixes only, never from a secret value,
 * and has no nested quantifier (linear matching).
 */

/** Characters a key body is made of after its prefix. */
const KEY_BODY = '[A-Za-z0-9_\\-]{8,}';

/** Prefixes shorter than this would match ordinary words. */
const MIN_SHAPE_PREFIX = 3;

export function keyShape(prefixes: readonly string[]): RegExp | undefined {
  const usable = [...new Set(prefixes.filter((p) => p.length >= MIN_SHAPE_PREFIX))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return undefined;
  return new RegExp(`(?:${usable.map(escapeRegExp).join('|')})${KEY_BODY}`, 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
