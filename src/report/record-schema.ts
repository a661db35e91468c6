/**
 * Reading a saved run record for `report`, `merge` and `verify`: JSON, then the record's schema
 * (schemas/run-record.schema.json). Bad input is an AuthconformError (exit 2) naming the file.
 */
import { AuthconformError } from '../util/errors.ts';
import { SCHEMA_FILES, schemaProblems } from './json-schemas.ts';
import type { RunRecord } from './record.ts';
import { readInput } from './read-input.ts';

export function recordProblems(value: unknown): string[] {
  return schemaProblems(SCHEMA_FILES.runRecord, value);
}

/** @throws AuthconformError AC_USAGE naming the file and the first problem */
export function readRunRecord(file: string, shown = file): RunRecord {
  const text = readInput(file, shown).bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AuthconformError('AC_USAGE', `${shown}: not JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const problems = recordProblems(value);
  if (problems.length > 0) throw new AuthconformError('AC_USAGE', `${shown}: not an authconform run record: ${problems[0]}`);
  return value as RunRecord;
}
