/**
 * The JSON Schemas kept in schemas/ (ours and vendored ones), compiled once each with the ajv
 * class their `$schema` names (2020-12 or draft-07). `schemaProblems` returns `<pointer> <message>`
 * lines, empty when the value validates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { repoRoot } from '../spec/bundled.ts';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

/** schemas/ at the package root (from the sources and from the compiled dist/ alike) */
export const SCHEMAS_DIR = join(repoRoot, 'schemas');

/** File names in schemas/. */
export const SCHEMA_FILES = {
  runRecord: 'run-record.schema.json',
  sarif: 'sarif-2.1.0.schema.json',
  inTotoStatement: 'in-toto-statement-v1.schema.json',
  dsseEnvelope: 'dsse-envelope.schema.json',
} as const;

const compiled = new Map<string, ValidateFunction>();

function validatorFor(file: string): ValidateFunction {
  let validate = compiled.get(file);
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')) as { $schema?: string };
    const ajv = schema.$schema?.includes('2020-12') === true ? new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false }) : new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
    compiled.set(file, validate);
  }
  return validate;
}

export function schemaProblems(file: string, value: unknown): string[] {
  const validate = validatorFor(file);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
