/**
 * Does authconform cry wolf on a second, equally conformant reading of the Linkit page?
 * linkit-server.ts was written from the vendor page alone and takes its free choices differently
 * from the spec author (see its header); it must pass with 0 failures.
 *
 * Does authconform catch single faults in a Linkit server it was not written against? Each twin is
 * the second reading (linkit-server.ts) with one documented statement broken; it must fail exactly
 * the requirement ids in rows.ts, nothing more.
 *
 * Both in ONE conformance run per kind of run (the conformant servers beside the broken twins),
 * so the conformance worker starts once, not once per file.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf, ROWS } from './rows.ts';

const it = apiTest('linkit');

describe('second Linkit reading, through the real run path', { timeout: BATCH_TIMEOUT_MS }, () => {
  it('conformant: no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linkit', 'conformant'));
  });
});

describe('second Linkit reading with one fault', { timeout: BATCH_TIMEOUT_MS }, () => {
  for (const row of ROWS.filter((r) => r.api === 'linkit' && r.expected.length > 0)) {
    it(`${row.name} fails exactly ${row.expected.join(', ')}`, ({ verdicts }) => {
      expectRow(verdicts, row);
    });
  }
});
