/**
 * Does authconform catch single faults in a Linkkit server it was not written against? Each twin
 * is the second reading (linkkit-server.ts, Content-Type tolerated) with one documented statement
 * broken; it must fail exactly the requirement ids in rows.ts, nothing more.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf } from './rows.ts';

const it = apiTest('linkkit', true);
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
