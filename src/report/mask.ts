/**
 * The one place reports get their masking from. Every format is written through `maskRecord`
 * (every string of the record) and `maskText` (the rendered file, once more); swapping the
 * masking implementation touches this file only.
 */
import { createRedactor } from '../runner/redactor.ts';
import type { RunRecord } from './record.ts';

export type Mask = (text: string) => string;

/** A mask for the run's secrets and for anything shaped like a key with one of the record's prefixes. */
export function recordMask(record: RunRecord, secrets: readonly string[]): Mask {
  return createRedactor([...secrets], record.specs.flatMap((s) => s.keyPrefixes));
}

/** The record with every string masked (keys of objects are ours, never secret). */
export function maskRecord(record: RunRecord, secrets: readonly string[]): RunRecord {
  const mask = recordMask(record, secrets);
  return mapStrings(record, mask) as RunRecord;
}

function mapStrings(value: unknown, mask: Mask): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, mask));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, mask)]));
  }
  return value;
}
