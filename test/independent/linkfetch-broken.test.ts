/**
 * Does authconform catch faults in a LinkFetch server it did not write? Each row starts the
 * independent implementation (linkfetch-server.ts) with one realistic defect, runs the real run
 * path exactly as linkfetch.test.ts does (every row's server one spec entry of the same run), and requires a failed run whose failing requirement ids
 * are exactly the ones the defect breaks (docs/requirements.md) — no miss, no collateral blame.
 */
import { describe, expect } from 'vitest';
import { startServer, type Fault } from './linkfetch-server.ts';
import { FAULT_BATCH_TIMEOUT_MS, faultTest, runOf } from './support/run-with-fault.ts';

const ROWS: Array<{ fault: Fault; expected: string[] }> = [
  { fault: 'missing-as-invalid', expected: ['LINKFETCH-AUTH-02'] },
  { fault: 'wrong-scheme-500', expected: ['LINKFETCH-AUTH-03'] },
  { fault: 'revoked-never-expires', expected: ['LINKFETCH-KEY-02'] },
  { fault: 'scope-not-enforced', expected: ['LINKFETCH-SCOPE-01'] },
  { fault: 'no-rate-limit', expected: ['LINKFETCH-RATE-01'] },
  { fault: 'prefix-always-live', expected: ['LINKFETCH-PREFIX-01'] },
];

/** One run of every row's server, each carrying its fault. */
const it = faultTest({
  spec: 'linkfetch',
  fixtures: 'test/independent/linkfetch.fixtures.yaml',
  faults: ROWS.map((r) => r.fault),
  start: (fault) => startServer([fault]),
  env: ({ credentials: c }) => ({
    LF_INDEP_KEY: c.valid,
    LF_INDEP_TEST_KEY: c.test_mode,
    LF_INDEP_GRACE_KEY: c.revoked_in_grace,
    LF_INDEP_REVOKED_KEY: c.revoked_expired,
    LF_INDEP_SCOPED_KEY: c.scoped,
    LF_INDEP_OTHER_KEY: c.other_tenant,
    LF_INDEP_PER_MINUTE: String(c.perMinute),
  }),
});

describe('independent LinkFetch implementation with injected faults', { timeout: FAULT_BATCH_TIMEOUT_MS }, () => {
  it.for(ROWS)('catches $fault (fails exactly $expected)', ({ fault, expected }, { runs }) => {
    const { exitCode, cases, failingIds, log } = runOf(runs, fault);
    if (exitCode !== 1) console.log(log);
    expect(cases.length).toBeGreaterThan(0);
    expect(exitCode).toBe(1);
    expect(failingIds).toEqual([...expected].sort());
  });
});
