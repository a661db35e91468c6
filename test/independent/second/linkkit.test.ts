/**
 * Does authconform cry wolf on second, equally conformant readings of the Linkkit page?
 * linkkit-server.ts was written from the vendor page alone and takes its free choices differently
 * from the spec author (see its header): it serves requests without Content-Type (the page obliges
 * the client; it documents no refusal), and the variant refuses them. Both must pass.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf } from './rows.ts';

const it = apiTest('linkkit', false);

describe('second Linkkit reading, through the real run path', { timeout: BATCH_TIMEOUT_MS }, () => {
  // issue 13 causes 6 and 1 (fixed). Cause 6: the Content-Type obligation is the client's; without
  // the header the answer is informational (MAY), so tolerating it is no failure. Cause 1: this
  // server's scoped key may create links but not list them (fixtures `scopes:`).
  it('conformant (Content-Type tolerated): no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linkkit', 'conformant'));
  });
  it('variant content-type-enforced: no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linkkit', 'variant:content-type-enforced'));
  });
});
