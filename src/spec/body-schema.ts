/**
 * JSON Schema 2020-12 validation of response bodies, with each schema compiled once (cache keyed
 * by the schema object, which the contract holds for the whole run).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

// ajv-formats is CommonJS: the default import is module.exports, typed as the namespace
const addFormats = formatsModule as unknown as typeof formatsModule.default;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

const compiled = new WeakMap<object, ValidateFunction>();
/** by content too: a spec loaded again (the CLI, then the worker) compiles nothing new */
const byText = new Map<string, ValidateFunction>();

/** The schema as text; undefined for a recursive schema (resolved `$ref`s may form a cycle). */
function textOf(schema: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(schema);
  } catch {
    return undefined;
  }
}

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    const text = textOf(schema);
    fn = (text !== undefined ? byText.get(text) : undefined) ?? ajv.compile(schema);
    if (text !== undefined) byText.set(text, fn);
    compiled.set(schema, fn);
  }
  return fn;
}

/** "body /code must be equal to constant 401", one per ajv error; [] when the value is valid. */
export function validateBody(value: unknown, schema: Record<string, unknown>): string[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(formatAjvError);
}

function formatAjvError(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'body' : `body ${e.instancePath}`;
  const allowed = e.keyword === 'enum' ? `: ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}` : '';
  const constant = e.keyword === 'const' ? ` ${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)}` : '';
  return `${where} ${e.message ?? 'is invalid'}${constant}${allowed}`;
}
