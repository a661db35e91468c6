/**
 * Every requirement kind is one definition (src/kinds/) from which the rest is derived: the
 * schema's kind enum, the family that plans it, the parts of x-authconform it needs, the fields
 * it reads, the mock defects that break it. This enumerates the kinds and checks each derivation;
 * a kind used by a bundled spec has its row in the defect matrix (test/matrix runs those rows).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDefects } from '../../src/mock/defects.ts';
import { loadSpecWithProfiles } from '../../src/spec/layer-profiles.ts';
import type { LoadedSpec } from '../../src/spec/mock-config.ts';
import { KINDS, KIND_IDS, kindsOfFamily } from '../../src/kinds/index.ts';
import { FAMILY_IDS, STATEMENTS } from '../../src/kinds/kind.ts';
import { FAMILIES, planOf } from '../../src/probes/registry.ts';
import { bundledSpecPath, presentBundledSpecs } from '../../src/spec/bundled.ts';
import { extensionSchema, extensionSchemaFile } from '../../src/spec/validators.ts';
import { join } from 'node:path';
import { MATRIX_EXAMPLES } from '../../src/selftest/matrix-specs.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { repoRoot } from '../../src/spec/bundled.ts';

const kindEnum = (schema: Record<string, unknown>): unknown =>
  (schema.$defs as Record<string, { enum?: unknown }>).requirementKind?.enum;

let bundled: LoadedSpec[] = [];
beforeAll(async () => {
  // the profile kinds (std.*, sec.*) have their rows in the bundled profiles, layered onto the specs
  bundled = await Promise.all(presentBundledSpecs().map((name) => loadSpecWithProfiles(name, ['standards', 'security'])));
  // kinds no bundled spec uses have their rows in the matrix examples (src/selftest/matrix-specs.ts)
  bundled.push(...(await Promise.all(MATRIX_EXAMPLES.map((p) => loadSpec(join(repoRoot, p))))));
});

describe.each(KINDS.map((k) => [k.kind, k] as const))('kind %s', (kind, def) => {
  it('has a requirement in a bundled spec or profile (its defect matrix row), each with at least one defect', () => {
    const rows = bundled.flatMap((c) => c.contract.requirements.filter((r) => r.kind === kind).map((r) => ({ c, r })));
    expect(rows.length).toBeGreaterThan(0);
    for (const { c, r } of rows) {
      expect(listDefects(c).filter((d) => d.requirement === r.id).map((d) => d.id)[0]).toBe(r.id);
    }
  });

  it('is in the schema enum the loader validates with, and in the copy for editors', () => {
    expect(kindEnum(extensionSchema())).toContain(kind);
    expect(kindEnum(extensionSchemaFile())).toContain(kind);
  });

  it('is planned by the probe function of its family', () => {
    expect(planOf(kind)?.family.id).toBe(def.family);
    expect(kindsOfFamily(def.family)).toContain(kind);
  });

  it('names a known statement when it covers one, and needs a sub-part only with its section', () => {
    if (def.covers !== undefined) expect(Object.keys(STATEMENTS)).toContain(def.covers);
    expect(def.needs.every((n) => !n.includes('.') || def.needs.includes(n.split('.')[0] as never))).toBe(true);
  });
});

describe('kind registry', () => {
  it('has unique ids, and the families in run order', () => {
    expect(new Set(KIND_IDS).size).toBe(KIND_IDS.length);
    expect(FAMILIES.map((f) => f.id)).toEqual([...FAMILY_IDS]);
  });

  it('bundled specs use only the fields their kinds read', () => {
    const common = new Set(['id', 'level', 'kind', 'statement', 'source', 'note']);
    const stray: string[] = [];
    for (const name of presentBundledSpecs()) {
      const doc = parse(readFileSync(bundledSpecPath(name), 'utf8')) as { 'x-authconform': { requirements: Array<Record<string, unknown>> } };
      for (const r of doc['x-authconform'].requirements) {
        const def = KINDS.find((k) => k.kind === r.kind);
        const reads = new Set<string>([...common, ...(def?.fields ?? [])]);
        for (const field of Object.keys(r)) if (!reads.has(field)) stray.push(`${name} ${String(r.id)} ${field}`);
      }
    }
    expect(stray).toEqual([]);
  });
});
