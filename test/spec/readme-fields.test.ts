/**
 * README "Write a spec for your own API" documents every field a spec author can write: each
 * property name of the x-authconform extension schema (specs/authconform.schema.json, every $def:
 * root, security scheme, operation, mock seed and their nested objects), each string value of its
 * enums (roles, `retryAfter: always`, `respond: list`...) and each requirement kind must occur in
 * the section's YAML examples or inline code. A field added to the schema without a README example
 * fails here, named.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('specs/authconform.schema.json', ROOT), 'utf8')) as { $defs: Record<string, unknown> };

/**
 * The kinds of the bundled profiles (`--profile standards|security`): a spec author does not write
 * them; they are documented in "Profiles and waivers" and docs/profiles.md (checked below).
 */
const PROFILE_KINDS = new Set(
  readdirSync(fileURLToPath(new URL('profiles/', ROOT)))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => (parse(readFileSync(new URL(`profiles/${f}`, ROOT), 'utf8')) as { requirements: Array<{ kind: string }> }).requirements.map((r) => r.kind)),
);

type Found = Map<string, string>;

/** Property names and string enum values under `node`, each with the first $def path it was met at. */
function collect(node: unknown, at: string, props: Found, values: Found): void {
  if (Array.isArray(node)) return node.forEach((n) => collect(n, at, props, values));
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  for (const v of [...(Array.isArray(o.enum) ? o.enum : []), o.const]) if (typeof v === 'string' && !values.has(v)) values.set(v, at);
  if (o.properties !== null && typeof o.properties === 'object') {
    for (const [name, sub] of Object.entries(o.properties)) {
      if (!props.has(name)) props.set(name, at);
      collect(sub, `${at}.${name}`, props, values);
    }
  }
  for (const [key, sub] of Object.entries(o)) if (key !== 'properties' && key !== 'enum') collect(sub, at, props, values);
}

function schemaNames(): { props: Found; values: Found; kinds: string[] } {
  const props: Found = new Map();
  const values: Found = new Map();
  const { requirementKind, ...rest } = schema.$defs;
  for (const [def, node] of Object.entries(rest)) collect(node, def, props, values);
  return { props, values, kinds: (requirementKind as { enum: string[] }).enum };
}

/** The code of README's "Write a spec" section: its fenced blocks and inline code spans. */
function sectionCode(readme: string): string {
  const start = readme.indexOf('\n## Write a spec for your own API\n');
  const end = readme.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(0);
  return [...readme.slice(start, end).matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((m) => m[0]).join('\n');
}

/** The names that occur in `code` as a whole word (letters, digits, `_` and `-` are word characters). */
function unmentioned(names: Iterable<string>, code: string): string[] {
  const word = (n: string) => new RegExp(`(^|[^A-Za-z0-9_-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`);
  return [...names].filter((n) => !word(n).test(code));
}

describe('README "Write a spec for your own API" covers the extension schema', () => {
  const { props, values, kinds } = schemaNames();
  const code = sectionCode(readFileSync(new URL('README.md', ROOT), 'utf8'));

  it('the schema yields the names of every part of the extension', () => {
    for (const name of ['keyAs', 'words', 'refused', 'messagePattern', 'exemptFrom', 'choices', 'revokedAgo', 'bindings', 'waivers', 'contentType']) expect(props.has(name), name).toBe(true);
    for (const value of ['publishable', 'always', 'ietf', 'list', 'application/x-www-form-urlencoded']) expect(values.has(value), value).toBe(true);
    expect(kinds).toContain('credential.lockout');
    expect(props.size).toBeGreaterThan(100);
  });

  it('a name the section never mentions is reported; one inside another word is not a mention', () => {
    expect(unmentioned(['keyAs', 'credential.lockout', 'noSuchField'], code)).toEqual(['noSuchField']);
    expect(unmentioned(['limit', 'x-limit'], '`ratelimit` `x-limited` `rateLimit.limit`')).toEqual(['x-limit']);
  });

  it('every property name of the extension occurs in the section', () => {
    expect(unmentioned(props.keys(), code).map((n) => `${n} (${props.get(n)})`)).toEqual([]);
  });

  it('every enum value (roles, modes, respond kinds...) occurs in the section', () => {
    expect(unmentioned(values.keys(), code).map((n) => `${n} (${values.get(n)})`)).toEqual([]);
  });

  it('every requirement kind a spec author writes occurs in the section; the profiles\' kinds in docs/profiles.md', () => {
    expect(unmentioned(kinds.filter((k) => !PROFILE_KINDS.has(k)), code)).toEqual([]);
    expect(PROFILE_KINDS.size).toBeGreaterThan(0);
    expect(unmentioned(PROFILE_KINDS, readFileSync(new URL('docs/profiles.md', ROOT), 'utf8'))).toEqual([]);
  });
});
