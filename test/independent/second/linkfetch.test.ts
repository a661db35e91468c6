/**
 * Does authconform cry wolf on a second, equally conformant reading of the LinkFetch page?
 * linkfetch-server.ts was written from the vendor page alone and takes its free choices
 * differently from the spec author (see its header); it must pass with 0 failures.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf } from './rows.ts';

const it = apiTest('linkfetch', false);

describe('second LinkFetch reading, through the real run path', { timeout: BATCH_TIMEOUT_MS }, () => {
  // issue 13 cause 1 (fixed): this server's scoped key may call getProfilePosts (the 501 stub) and
  // lacks getProfile; its fixtures' `scopes:` say so.
  it('conformant: no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linkfetch', 'conformant'));
  });
});
