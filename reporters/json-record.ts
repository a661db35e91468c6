/** Run record → its JSON file (the bytes an attestation's record digest covers). */
import type { RunRecord } from '../src/report/record.ts';

export function renderRunRecord(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
