/**
 * Does authconform cry wolf on a second, equally conformant reading of the Linq page?
 * linq-server.ts was written from the vendor page alone and takes its free choices differently
 * from the spec author (see its header); it must pass with 0 failures, read-only and with writes.
 *
 * Does authconform catch single faults in a Linq server it was not written against? Each twin is
 * the second reading (linq-server.ts) with one documented statement broken; it must fail exactly
 * the requirement ids in rows.ts, nothing more.
 *
 * Both in ONE conformance run per kind of run (the conformant servers beside the broken twins),
 * so the conformance worker starts once, not once per file.
 */
import { describe } from 'vitest';
import { apiTest, BATCH_TIMEOUT_MS, expectRow } from './batches.ts';
import { rowOf } from './rows.ts';

const it = apiTest('linq');

describe('second Linq reading, through the real run path', { timeout: BATCH_TIMEOUT_MS }, () => {
  // issue 13 cause 1 (fixed): this server's scoped token is send-only (fixtures `scopes:`), and
  // LINQ-RATE-02's other token is a second token of the organization (role other_key).
  it('conformant, read-only: no failure', ({ verdicts }) => {
    expectRow(verdicts, rowOf('linq', 'conformant'));
  });
  // issue 13 causes 2 and 1 (fixed): the sending and the unassigned number are this
  // organization's (fixtures resources, the spec's {fixture:NAME} body placeholders).
  it('conformant, writes allowed: no failure', ({ writeVerdicts }) => {
    expectRow(writeVerdicts, rowOf('linq', 'conformant', 'writes'));
  });
});

const row = (name: string) => rowOf('linq', name);

describe('second Linq reading with one fault', { timeout: BATCH_TIMEOUT_MS }, () => {
  // issue 13 cause 4 (fixed): the invalid-credential family sends the bare key (`Authorization: KEY`).
  it('bare-key-accepted fails exactly LINQ-AUTH-03', ({ verdicts }) => {
    expectRow(verdicts, row('bare-key-accepted'));
  });
  it('foreign-chat-served fails exactly LINQ-TENANT-01', ({ verdicts }) => {
    expectRow(verdicts, row('foreign-chat-served'));
  });
  it('rate-limit-code-2004 fails exactly LINQ-RATE-01', ({ verdicts }) => {
    expectRow(verdicts, row('rate-limit-code-2004'));
  });
  // The fixtures name this server's choice (listChats refused, a read), so no write is needed.
  it('scope-not-enforced fails exactly LINQ-SCOPE-01', ({ verdicts }) => {
    expectRow(verdicts, row('scope-not-enforced'));
  });
  // issue 13 cause 5 (fixed): a server that takes the token only from x-api-key fails
  // LINQ-AUTH-01/-02; SCOPE, TENANT and RATE cases skip with a pointer to LINQ-AUTH-01.
  it('token-in-x-api-key-only fails exactly LINQ-AUTH-01 and LINQ-AUTH-02', ({ verdicts }) => {
    expectRow(verdicts, row('token-in-x-api-key-only'));
  });
  // issue 13 causes 2 and 1 (fixed): the numbers come from the fixtures.
  it('unassigned-number-allowed (writes allowed) fails exactly LINQ-SCOPE-02', ({ writeVerdicts }) => {
    expectRow(writeVerdicts, rowOf('linq', 'unassigned-number-allowed', 'writes'));
  });
});
