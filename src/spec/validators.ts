/**
 * The JSON Schema validators of the loader, compiled once per process on first use: the official
 * OpenAPI 3.1 schema (see openapi-schema.ts) and the
 * x-authconform extension schema (specs/authconform.schema.json).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
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

let compiled: SchemaValidators | undefined;

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

function compile(): SchemaValidators {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  addFormats(ajv);
  // a format the OpenAPI 3.1 schema names but ajv-formats does not define
  ajv.addFormat('media-range', true);
  const openapi = ajv.compile(openApiSchema());
  const ext = extensionSchema();
  ajv.addSchema(ext);
  const id = String(ext.$id);
  const def = (name: string): ValidateFunction => {
    const fn = ajv.getSchema(`${id}#/$defs/${name}`);
    if (fn === undefined) throw new Error(`extension schema has no $defs/${name}`);
    return fn;
  };
  return {
    openapi,
    root: def('root'),
    securityScheme: def('securityScheme'),
    operation: def('operation'),
    seed: def('seed'),
  };
}

export function getValidators(): SchemaValidators {
  compiled ??= compile();
  return compiled;
}
