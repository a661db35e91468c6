/**
 * Does authconform cry wolf on second, equally conformant readings of the Linkkit page?
 * linkkit-server.ts was written from the vendor page alone and takes its free choices differently
 * from the spec author (see its header): it serves requests without Content-Type (the page obliges
 * the client; it documents no refusal), and the variant refuses them. Both must pass.
 *
 * Does authconform catch single faults in a Linkkit server it was not written against? Each twin
 * is the second reading (linkkit-server.ts, Content-Type tolerated) with one documented statement
 * broken; it must fail exactly the requirement ids in rows.ts, nothing more.
 *
 * Both in ONE conformance run per kind of run (the conformant servers beside the broken twins),
 * so the conformance worker starts once, not once per file.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf } from './rows.ts';

const it = apiTest('linkkit');

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

const row = (name: string) => rowOf('linkkit', name);

describe('second Linkkit reading with one fault', { timeout: BATCH_TIMEOUT_MS }, () => {
  // issue 13 cause 4 (fixed): the invalid-credential family sends the bare key (`Authorization: KEY`).
  it('bare-key-accepted fails exactly LINKKIT-AUTH-04', ({ verdicts }) => {
    expectRow(verdicts, row('bare-key-accepted'));
  });
  it('invalid-as-403 fails exactly LINKKIT-AUTH-04', ({ verdicts }) => {
    expectRow(verdicts, row('invalid-as-403'));
  });
  it('no-rate-limit fails exactly LINKKIT-RATE-01', ({ verdicts }) => {
    expectRow(verdicts, row('no-rate-limit'));
  });
  it('other-scheme-500 fails exactly LINKKIT-AUTH-04', ({ verdicts }) => {
    expectRow(verdicts, row('other-scheme-500'));
  });
  // The fixtures name this server's choice (listLinks refused, a read), so no write is needed.
  it('scope-not-enforced fails exactly LINKKIT-SCOPE-01', ({ verdicts }) => {
    expectRow(verdicts, row('scope-not-enforced'));
  });
});
