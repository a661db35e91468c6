import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/spec/contract.ts';
import { KIND_IDS } from '../../src/kinds/index.ts';
import { durationMs } from '../../src/spec/duration.ts';
import { displayPointer, fromPointer, getAtPointer, toPointer } from '../../src/spec/json-pointer.ts';
import { locateSpec } from '../../src/spec/locate.ts';
import { parseYaml } from '../../src/spec/parse-yaml.ts';
import { deref, inlineRefs } from '../../src/spec/resolve-refs.ts';
import { extensionSchema, extensionSchemaFile, getValidators } from '../../src/spec/validators.ts';
import { bundledSpecPath, specsDir } from '../../src/spec/bundled.ts';
import { AuthconformError } from '../../src/util/errors.ts';

describe('json pointers', () => {
  it('escape and unescape ~ and /', () => {
    expect(toPointer(['paths', '/v1/a~b', 'get'])).toBe('/paths/~1v1~1a~0b/get');
    expect(fromPointer('/paths/~1v1~1a~0b/get')).toEqual(['paths', '/v1/a~b', 'get']);
    expect(fromPointer('#/components/schemas/A')).toEqual(['components', 'schemas', 'A']);
  });

  it('read values and display a dotted path', () => {
    expect(getAtPointer({ a: [{ b: 1 }] }, '/a/0/b')).toBe(1);
    expect(getAtPointer({ a: [] }, '/a/x')).toBeUndefined();
    expect(displayPointer('/x-authconform/requirements/3/level')).toBe('x-authconform.requirements[3].level');
    expect(displayPointer('/paths/~1v1/get')).toBe('paths["/v1"].get');
    expect(displayPointer('')).toBe('document');
  });
});

describe('durations', () => {
  it.each([
    ['PT24H', 86_400_000],
    ['P1D', 86_400_000],
    ['PT23H59M', 86_340_000],
    ['PT24H0M1S', 86_401_000],
    ['P2W', 1_209_600_000],
    ['PT0.5S', 500],
  ])('%s is %d ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each(['24h', 'P', 'PT', 'P1DT', 'PT1HOUR', '-PT1H', 'P1DX'])('%s is not a duration', (text) => {
    expect(durationMs(text)).toBeUndefined();
  });
});

describe('parseYaml', () => {
  const text = 'a:\n  b: [x, y]\n  c: { d: 1 }\nlist:\n  - id: one\n    level: MUSTT\n';
  const parsed = parseYaml(text, 'f.yaml');

  it('locates keys and values by pointer', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.locate('/a/b/1')).toEqual({ line: 2, column: 10 });
    expect(parsed.locate('/a/c/d', 'key')).toEqual({ line: 3, column: 8 });
    expect(parsed.locate('/list/0/level')).toEqual({ line: 6, column: 12 });
    expect(parsed.locate('/list/0', 'key')).toEqual({ line: 5, column: 5 });
  });

  it('falls back to the deepest existing ancestor', () => {
    expect(parsed.locate('/a/c/missing/deeper')).toEqual({ line: 3, column: 3 });
  });

  it('reports syntax errors with line and column', () => {
    expect(parseYaml('a: 1\na: 2\n', 'g.yaml').problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 1, 'YAML syntax error: Map keys must be unique'],
    ]);
  });
});

describe('references', () => {
  const doc = { components: { schemas: { A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } }, B: { type: 'string' }, Self: { properties: { next: { $ref: '#/components/schemas/Self' } } } } } };

  it('inlines local $refs and cuts recursion', () => {
    expect(inlineRefs(doc, { $ref: '#/components/schemas/A' })).toEqual({ type: 'object', properties: { b: { type: 'string' } } });
    expect(inlineRefs(doc, { $ref: '#/components/schemas/Self' })).toEqual({ properties: { next: {} } });
    expect(deref(doc, { $ref: '#/components/schemas/B' })).toEqual({ type: 'string' });
  });
});

describe('locateSpec', () => {
  it('finds bundled names and paths with or without extension', () => {
    expect(locateSpec('linkfetch')).toBe(bundledSpecPath('linkfetch'));
    expect(locateSpec('linkfetch', '/')).toBe(bundledSpecPath('linkfetch'));
    expect(locateSpec('specs/linkfetch', `${specsDir}/..`)).toBe(bundledSpecPath('linkfetch'));
  });

  it('names the bundled specs when nothing is found', () => {
    let caught: unknown;
    try {
      locateSpec('nope', '/tmp');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AuthconformError);
    expect((caught as AuthconformError).code).toBe('AC_SPEC_NOT_FOUND');
    expect((caught as AuthconformError).message).toBe(
      'spec "nope" not found (looked for /tmp/nope.yaml, /tmp/nope.yml); bundled specs: linkt, linkkit, linkit, linkfetch, linq',
    );
  });
});

describe('extension schema', () => {
  it('keeps the role enum equal to ROLES, and the kind enum of the file (for editors) equal to src/kinds/', () => {
    const defs = extensionSchemaFile().$defs as Record<string, { enum: string[] }>;
    expect(defs.role?.enum).toEqual([...ROLES]);
    expect(defs.requirementKind?.enum).toEqual([...KIND_IDS]);
  });

  it('validates requirement kinds against src/kinds/', () => {
    const defs = extensionSchema().$defs as Record<string, { enum: string[] }>;
    expect(defs.requirementKind?.enum).toEqual([...KIND_IDS]);
  });

  it('compiles the validators once per process', () => {
    expect(getValidators()).toBe(getValidators());
  });

  it('requires resetUnit whenever rate-limit headers are given', () => {
    const validate = getValidators().root;
    const base = {
      version: 1,
      sources: { a: { title: 't', file: 'f' } },
      roles: ['valid'],
      errors: { e: { status: 429 } },
      requirements: [{ id: 'X-RATE-01', level: 'MUST', kind: 'ratelimit.headers', statement: 's', source: { doc: 'a', section: 's' } }],
      traceability: [{ doc: 'a', section: 's', quote: 'q', requirements: ['X-RATE-01'] }],
    };
    const headers = { limit: 'L', remaining: 'R', reset: 'S' };
    expect(validate({ ...base, rateLimit: { error: 'e', headers } })).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword} ${String(e.params.missingProperty)}`)).toEqual([
      '/rateLimit dependentRequired resetUnit',
    ]);
    expect(validate({ ...base, rateLimit: { error: 'e', headers, resetUnit: 'delta-seconds' } })).toBe(true);
    expect(validate({ ...base, rateLimit: { error: 'e' } })).toBe(true);
  });
});
