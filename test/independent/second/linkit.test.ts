/**
 * Does authconform cry wolf on a second, equally conformant reading of the Linkit page?
 * linkit-server.ts was written from the vendor page alone and takes its free choices differently
 * from the spec author (see its header); it must pass with 0 failures.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf } from './rows.ts';

const it = apiTest('linkit', false);

describe('second Linkit reading, through the real run path', { timeout: BATCH_TIMEOUT_MS }, () => {
  it('conformant: no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linkit', 'conformant'));
  });
});
