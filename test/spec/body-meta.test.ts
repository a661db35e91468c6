/**
 * The meta-schema check the build precompiles for the body validators (body-meta.precompiled.cjs)
 * gives the same verdicts and error texts as ajv's own `validateSchema`, on every body schema of
 * the bundled specs and on broken schemas.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { presentBundledSpecs, repoRoot } from '../../src/spec/bundled.ts';
import { bodyMetaSource } from '../../src/spec/body-schema.ts';
import { loadContract } from '../../src/spec/load.ts';

const addFormats = formatsModule as unknown as typeof formatsModule.default;

// inside the checkout, so that the generated code's require('ajv/...') resolves
const cache = join(repoRoot, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'ac-body-meta-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BROKEN: Array<Record<string, unknown>> = [
  { type: 'strng' },
  { properties: { a: { minimum: 'x' } } },
  { $defs: { x: { type: 3 } }, items: [1] },
  { format: 5, required: 'a', $ref: 3, pattern: 4 },
  { type: 'object', properties: { id: { type: 'string', enum: 'a' } }, additionalProperties: 'no' },
];

async function bodySchemas(): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (const name of presentBundledSpecs()) {
    const contract = await loadContract(name);
    for (const op of contract.operations) if (op.successSchema !== undefined) out.push(op.successSchema);
    for (const e of Object.values(contract.errors)) if (e.schema !== undefined) out.push(e.schema);
  }
  return out;
}

describe('precompiled meta-schema check of body schemas', async () => {
  const file = join(dir, 'body-meta.precompiled.cjs');
  writeFileSync(file, await bodyMetaSource());
  const meta = (createRequire(import.meta.url)(file) as { meta: ValidateFunction }).meta;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const schemas = await bodySchemas();

  it('the bundled specs have body schemas to check', () => {
    expect(schemas.length).toBeGreaterThan(0);
  });

  it.each([...schemas, ...BROKEN].map((s, i) => [i, s]))('schema %i: same verdict and error text as ajv', (_i, schema) => {
    const ok = meta(schema);
    const expected = ajv.validateSchema(schema);
    expect({ ok, errors: ok ? '' : ajv.errorsText(meta.errors) }).toEqual({ ok: expected, errors: expected ? '' : ajv.errorsText(ajv.errors) });
  });

  it('the broken schemas are refused', () => {
    expect(BROKEN.map((s) => meta(s))).toEqual(BROKEN.map(() => false));
  });
});
