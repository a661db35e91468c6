/**
 * Does authconform cry wolf on a second, equally conformant reading of the Linq page?
 * linq-server.ts was written from the vendor page alone and takes its free choices differently
 * from the spec author (see its header); it must pass with 0 failures, read-only and with writes.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf } from './rows.ts';

const it = apiTest('linq', false);

describe('second Linq reading, through the real run path', { timeout: BATCH_TIMEOUT_MS }, () => {
  // issue 13 cause 1: the spec fixes listChats as the scoped token's allowed operation; this
  // server's scoped token is send-only, so LINQ-SCOPE-01 fails, and LINQ-RATE-02 too, which borrows
  // the scoped token as "another token" on listChats.
  it.fails('conformant, read-only: no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linq', 'conformant'));
  });
  // issue 13 causes 2 and 1. Cause 2: LINQ-SCOPE-02 sends the spec's example numbers
  // (+12025550101 as the assigned one); this organization's numbers are +1312555014x, so the
  // "assigned" send is refused 2006 and LINQ-SCOPE-01's create from the example number gets 2006,
  // not 2005. No fixture can supply body values. Cause 1 as above.
  it.fails('conformant, writes allowed: no failure', ({ writeVerdicts }) => {
    expectRow(writeVerdicts, rowOf('linq', 'conformant', 'writes'));
  });
});
