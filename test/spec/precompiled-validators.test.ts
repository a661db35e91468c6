/**
 * The validators the build precompiles (ajv standalone code in dist/) give the same verdicts and
 * errors as the ones compiled at run time, on every bundled spec and every broken spec.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledSpecPath, presentBundledSpecs, repoRoot } from '../../src/spec/bundled.ts';
import { getValidators, standaloneSource, type SchemaValidators } from '../../src/spec/validators.ts';

// inside the checkout, so that the generated code's require('ajv-formats/...') resolves
const cache = join(repoRoot, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'ac-standalone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BROKEN = join(repoRoot, 'test', 'fixtures', 'broken-specs');
const files = [
  ...presentBundledSpecs().map(bundledSpecPath),
  ...readdirSync(BROKEN).filter((f) => f.endsWith('.yaml')).map((f) => join(BROKEN, f)),
];

function verdict(v: SchemaValidators, doc: unknown) {
  const fn = v.openapi;
  const root = (doc as { 'x-authconform'?: unknown } | null)?.['x-authconform'];
  const okDoc = fn(doc);
  const docErrors = (fn.errors ?? []).map((e) => [e.instancePath, e.keyword, e.message]);
  const okRoot = root === undefined ? undefined : v.root(root);
  const rootErrors = (v.root.errors ?? []).map((e) => [e.instancePath, e.keyword, e.message]);
  return { okDoc, docErrors, okRoot, rootErrors: root === undefined ? [] : rootErrors };
}

describe('precompiled validators', () => {
  const file = join(dir, 'validators.precompiled.cjs');
  writeFileSync(file, standaloneSource());
  const standalone = createRequire(import.meta.url)(file) as SchemaValidators;

  it.each(files.map((f) => [f.slice(repoRoot.length), f]))('%s: same verdict and errors', (_name, path) => {
    let doc: unknown;
    try {
      doc = parse(readFileSync(path, 'utf8'));
    } catch {
      return; // a YAML syntax error never reaches the validators
    }
    expect(verdict(standalone, doc)).toEqual(verdict(getValidators(), doc));
  });
});
