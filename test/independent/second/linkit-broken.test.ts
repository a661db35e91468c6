/**
 * Does authconform catch single faults in a Linkit server it was not written against? Each twin is
 * the second reading (linkit-server.ts) with one documented statement broken; it must fail exactly
 * the requirement ids in rows.ts, nothing more.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { ROWS } from './rows.ts';

const it = apiTest('linkit', true);

describe('second Linkit reading with one fault', { timeout: BATCH_TIMEOUT_MS }, () => {
  for (const row of ROWS.filter((r) => r.api === 'linkit' && r.expected.length > 0)) {
    it(`${row.name} fails exactly ${row.expected.join(', ')}`, ({ verdicts }) => {
      expectRow(verdicts, row);
    });
  }
});
