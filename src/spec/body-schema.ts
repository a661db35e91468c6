/**
 * JSON Schema 2020-12 validation of response bodies, with each schema compiled once (cache keyed
 * by the schema object, which the contract holds for the whole run).
 *
 * Before compiling a schema, ajv checks it against its meta-schema, as ajv's `validateSchema`
 * does: compiling that meta-schema costs a run about 0.1 s of CPU, so the compiled package checks
 * with the standalone code of the very same meta-schema validator, written at build time
 * (`bodyMetaSource`, scripts/build.mjs); the TypeScript sources let ajv compile it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

// ajv-formats is CommonJS: the default import is module.exports, typed as the namespace
const addFormats = formatsModule as unknown as typeof formatsModule.default;

const OPTIONS = { allErrors: true, strict: false } as const;
/** the meta-schema of schemas without `$schema` (Ajv2020's default) */
const META_2020 = 'https://json-schema.org/draft/2020-12/schema';
/** the standalone meta-schema validator's file name (beside this module in dist/) */
export const BODY_META_FILE = 'body-meta.precompiled.cjs';

// schemas are checked by checkSchema, before ajv compiles them
const ajv = new Ajv2020({ ...OPTIONS, validateSchema: false });
addFormats(ajv);

/** The standalone (CommonJS) code of the meta-schema validator this module's ajv would compile. */
export async function bodyMetaSource(): Promise<string> {
  const { default: standalone } = await import('ajv/dist/standalone/index.js');
  const a = new Ajv2020({ ...OPTIONS, code: { source: true } });
  addFormats(a);
  return (standalone as unknown as typeof standalone.default)(a, { meta: META_2020 });
}

let precompiledMeta: ValidateFunction | null | undefined;

/** The build's meta-schema validator, when this is the compiled package and the build wrote it. */
function metaValidator(): ValidateFunction | undefined {
  if (precompiledMeta === undefined) {
    const file = fileURLToPath(new URL(BODY_META_FILE, import.meta.url));
    precompiledMeta = import.meta.url.endsWith('.js') && existsSync(file) ? (createRequire(import.meta.url)(file) as { meta: ValidateFunction }).meta : null;
  }
  return precompiledMeta ?? undefined;
}

/** schemas checked once already: ajv keeps a schema it added before checking it, so it checks each object once */
const checked = new WeakSet<object>();

/** Throws as ajv's compile does for a schema its meta-schema rejects ("schema is invalid: ..."). */
function checkSchema(schema: Record<string, unknown>): void {
  if (checked.has(schema)) return;
  checked.add(schema);
  const meta = metaValidator();
  if (meta === undefined || (schema.$schema !== undefined && schema.$schema !== META_2020)) {
    ajv.validateSchema(schema, true);
    return;
  }
  if (!meta(schema)) throw new Error(`schema is invalid: ${ajv.errorsText(meta.errors)}`);
}

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
    fn = text !== undefined ? byText.get(text) : undefined;
    if (fn === undefined) {
      checkSchema(schema);
      fn = ajv.compile(schema);
    }
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
