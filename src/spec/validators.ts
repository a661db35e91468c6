/**
 * The JSON Schema validators of the loader: the official OpenAPI 3.1 schema (see
 * openapi-schema.ts) and the x-authconform extension schema (specs/authconform.schema.json).
 * The compiled package loads them precompiled (ajv standalone code written at build time by
 * scripts/build.mjs, `validators.precompiled.cjs` beside this file); from the sources each is
 * compiled on first use, once per process.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { KIND_IDS } from '../kinds/index.ts';
import { specsDir } from './bundled.ts';
import { openApiSchema } from './openapi-schema.ts';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

export const EXTENSION_SCHEMA_FILE = join(specsDir, 'authconform.schema.json');

export interface SchemaValidators {
  /** a whole OpenAPI 3.1 document */
  openapi: ValidateFunction;
  /** the root `x-authconform` object */
  root: ValidateFunction;
  /** `x-authconform` on a components.securitySchemes entry */
  securityScheme: ValidateFunction;
  /** `x-authconform` on an operation */
  operation: ValidateFunction;
  /** the mock seed file */
  seed: ValidateFunction;
}

/** The extension schema as written in specs/ (its kind enum is a copy for editors). */
export function extensionSchemaFile(): AnySchemaObject {
  return require(EXTENSION_SCHEMA_FILE) as AnySchemaObject;
}

/** The extension schema the loader validates with: the file, its kind enum derived from src/kinds/. */
export function extensionSchema(): AnySchemaObject {
  const file = extensionSchemaFile();
  const defs = file.$defs as Record<string, AnySchemaObject>;
  return { ...file, $defs: { ...defs, requirementKind: { ...defs.requirementKind, enum: [...KIND_IDS] } } };
}

const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as typeof standaloneModule.default;

/** The precompiled validators' file name (beside this module in dist/). */
export const PRECOMPILED_FILE = 'validators.precompiled.cjs';

function newAjv(source: boolean): Ajv2020 {
  const a = new Ajv2020({ allErrors: true, verbose: true, strict: false, ...(source ? { code: { source: true } } : {}) });
  addFormats(a);
  // a format the OpenAPI 3.1 schema names but ajv-formats does not define
  a.addFormat('media-range', true);
  return a;
}

let ajv: Ajv2020 | undefined;

function instance(): Ajv2020 {
  ajv ??= newAjv(false);
  return ajv;
}

/** The ajv standalone (CommonJS) module exporting every validator by its SchemaValidators name. */
export function standaloneSource(): string {
  const a = newAjv(true);
  a.addSchema(openApiSchema(), 'openapi');
  const ext = extensionSchema();
  a.addSchema(ext);
  const id = String(ext.$id);
  return standaloneCode(a, {
    openapi: 'openapi',
    root: `${id}#/$defs/root`,
    securityScheme: `${id}#/$defs/securityScheme`,
    operation: `${id}#/$defs/operation`,
    seed: `${id}#/$defs/seed`,
  });
}

/** The precompiled validators when this is the compiled package and the build wrote them. */
function precompiled(): SchemaValidators | undefined {
  const file = fileURLToPath(new URL(PRECOMPILED_FILE, import.meta.url));
  if (!import.meta.url.endsWith('.js') || !existsSync(file)) return undefined;
  return require(file) as SchemaValidators;
}

let openapi: ValidateFunction | undefined;
let extensionId: string | undefined;

function def(name: string): ValidateFunction {
  const a = instance();
  if (extensionId === undefined) {
    const ext = extensionSchema();
    a.addSchema(ext);
    extensionId = String(ext.$id);
  }
  const fn = a.getSchema(`${extensionId}#/$defs/${name}`);
  if (fn === undefined) throw new Error(`extension schema has no $defs/${name}`);
  return fn;
}

/**
 * The validators, each compiled on first use: the large OpenAPI 3.1 schema only when a whole
 * document is validated (not for a seed file, nor for a spec the run already validated).
 */
const validators: SchemaValidators = {
  get openapi() {
    openapi ??= instance().compile(openApiSchema());
    return openapi;
  },
  get root() {
    return def('root');
  },
  get securityScheme() {
    return def('securityScheme');
  },
  get operation() {
    return def('operation');
  },
  get seed() {
    return def('seed');
  },
};

let chosen: SchemaValidators | undefined;

export function getValidators(): SchemaValidators {
  chosen ??= precompiled() ?? validators;
  return chosen;
}
