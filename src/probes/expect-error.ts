/**
 * Does a response match a documented error, at the precision the docs give (see ErrorSpec):
 * status; `code` as a value anywhere in the JSON body (or a whole word of a non-JSON body);
 * `schema` validated with ajv (extra fields allowed unless the schema says otherwise); and the
 * headers the docs require on the error.
 */
import type { ErrorSpec } from '../spec/contract.ts';
import type { ProbeResponse } from '../transport/types.ts';
import { validateBody } from './schema-validator.ts';
import { describeStatus, statusMatches } from '../spec/status-set.ts';

/** Mismatches between the response and one documented error; [] when it matches. */
export function checkError(res: ProbeResponse, spec: ErrorSpec): string[] {
  const out: string[] = [];
  if (!statusMatches(spec, res.status)) out.push(`status ${res.status}, expected ${describeStatus(spec)}`);
  if (spec.code !== undefined && !bodyHasCode(res, spec.code)) {
    out.push(res.json === undefined ? `body does not contain the word ${spec.code}` : `body has no value ${spec.code}`);
  }
  if (spec.schema !== undefined) {
    if (res.json === undefined) out.push(res.jsonError ?? 'body is not JSON');
    else out.push(...validateBody(res.json, spec.schema));
  }
  for (const name of spec.headers ?? []) {
    if (res.headers[name.toLowerCase()] === undefined) out.push(`no ${name} header`);
  }
  out.push(...headerEqualsMismatches(res, spec));
  return out;
}

/** The error's `headerEquals` headers the response lacks or carries with another value; [] when all match (or none is documented). */
export function headerEqualsMismatches(res: Pick<ProbeResponse, 'headers'>, spec: ErrorSpec): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(spec.headerEquals ?? {})) {
    const sent = res.headers[name]?.trim();
    if (sent !== value) out.push(sent === undefined ? `no ${name} header (expected ${name}: ${value})` : `${name}: ${sent}, expected ${value}`);
  }
  return out;
}

export interface ErrorMatch {
  ok: boolean;
  /** the documented error the response matches, or the closest one (fewest mismatches, status first) */
  spec?: ErrorSpec;
  mismatches: string[];
}

/** Passes when the response matches any of the errors; otherwise reports the closest. */
export function checkOneOf(res: ProbeResponse, specs: ErrorSpec[]): ErrorMatch {
  let best: ErrorMatch | undefined;
  let bestScore = Infinity;
  for (const spec of specs) {
    const mismatches = checkError(res, spec);
    if (mismatches.length === 0) return { ok: true, spec, mismatches };
    const score = (statusMatches(spec, res.status) ? 0 : 100) + mismatches.length;
    if (score < bestScore) {
      bestScore = score;
      best = { ok: false, spec, mismatches };
    }
  }
  return best ?? { ok: false, mismatches: ['no documented error to compare with'] };
}

/** "401 with code missing_key", "403 with the documented body", "429". */
export function describeError(spec: ErrorSpec): string {
  if (spec.code !== undefined) return `${describeStatus(spec)} with code ${spec.code}`;
  if (spec.schema !== undefined) return `${describeStatus(spec)} with the documented ${spec.id} body`;
  return describeStatus(spec);
}

/** "401 with code invalid_key or 401 with code missing_key or 404" (duplicates removed). */
export function describeErrors(specs: ErrorSpec[], statuses: number[] = []): string {
  const parts = [...specs.map(describeError), ...statuses.map(String)];
  return [...new Set(parts)].join(' or ');
}

/** True when the JSON body holds the code as a value at any depth, or a text body has it as a whole word. */
export function bodyHasCode(res: Pick<ProbeResponse, 'json' | 'body'>, code: string | number): boolean {
  const wanted = String(code);
  if (res.json !== undefined) return hasValue(res.json, wanted, 0);
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`).test(res.body);
}

function hasValue(value: unknown, wanted: string, depth: number): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string' || typeof value === 'number') return String(value) === wanted;
  if (Array.isArray(value)) return value.some((v) => hasValue(v, wanted, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.values(value).some((v) => hasValue(v, wanted, depth + 1));
  }
  return false;
}
