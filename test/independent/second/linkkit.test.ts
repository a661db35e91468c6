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
  // issue 13 causes 6 and 1. Cause 6: LINKKIT-AUTH-02 checks the client's Content-Type obligation
  // as a server refusal, so a server that tolerates its absence fails it (level all / --strict).
  // Cause 1: the spec fixes listLinks as the scoped key's allowed operation; this server's scoped
  // key may create links but not list them, so LINKKIT-SCOPE-01 fails.
  it.fails('conformant (Content-Type tolerated): no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linkkit', 'conformant'));
  });
  // issue 13 cause 1, as above.
  it.fails('variant content-type-enforced: no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linkkit', 'variant:content-type-enforced'));
  });
});
