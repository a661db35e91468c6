/**
 * Does authconform cry wolf on a second, equally conformant reading of the LinkFetch page?
 * linkfetch-server.ts was written from the vendor page alone and takes its free choices
 * differently from the spec author (see its header); it must pass with 0 failures.
 *
 * Does authconform catch single faults in a LinkFetch server it was not written against? Each
 * twin is the second reading (linkfetch-server.ts) with one documented statement broken; it must
 * fail exactly the requirement ids in rows.ts, nothing more.
 *
 * Both in ONE conformance run per kind of run (the conformant servers beside the broken twins),
 * so the conformance worker starts once, not once per file.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf } from './rows.ts';

const it = apiTest('linkfetch');

describe('second LinkFetch reading, through the real run path', { timeout: BATCH_TIMEOUT_MS }, () => {
  // issue 13 cause 1 (fixed): this server's scoped key may call getProfilePosts (the 501 stub) and
  // lacks getProfile; its fixtures' `scopes:` say so.
  it('conformant: no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linkfetch', 'conformant'));
  });
});

const row = (name: string) => rowOf('linkfetch', name);

describe('second LinkFetch reading with one fault', { timeout: BATCH_TIMEOUT_MS }, () => {
  // issue 13 cause 4 (fixed): the invalid-credential family sends the bare key (`Authorization: KEY`).
  it('bare-key-accepted fails exactly LINKFETCH-AUTH-03', ({ verdicts }) => {
    expectRow(verdicts, row('bare-key-accepted'));
  });
  it('scope-not-enforced fails exactly LINKFETCH-SCOPE-01', ({ verdicts }) => {
    expectRow(verdicts, row('scope-not-enforced'));
  });
  it('no-grace fails exactly LINKFETCH-KEY-01', ({ verdicts }) => {
    expectRow(verdicts, row('no-grace'));
  });
  it('test-prefix-as-live fails exactly LINKFETCH-PREFIX-01', ({ verdicts }) => {
    expectRow(verdicts, row('test-prefix-as-live'));
  });
  it('missing-as-invalid fails exactly LINKFETCH-AUTH-02', ({ verdicts }) => {
    expectRow(verdicts, row('missing-as-invalid'));
  });
  it('rate-limit-as-403 fails exactly LINKFETCH-RATE-01', ({ verdicts }) => {
    expectRow(verdicts, row('rate-limit-as-403'));
  });
});
