/**
 * "Catches the wolf": the independent Linkt implementation (test/independent/linkt-server.ts), started
 * with one deliberate fault at a time, run through the real `authconform run` path (`runConformance`,
 * the same options as linkt.test.ts) must fail the run, and blame exactly the requirement(s) the fault
 * breaks — no fewer, no more. level is 'all', so a broken SHOULD fails the run too (failure type SHOULD).
 *
 * Every faulty server is one spec entry of the same run (support/run-with-fault.ts): the conformance
 * worker starts once for the file; every server reads its own variables, process.env is never touched.
 */
import { describe, expect } from 'vitest';
import { startServer, type Fault } from './linkt-server.ts';
import { FAULT_BATCH_TIMEOUT_MS, faultTest, runOf } from './support/run-with-fault.ts';

interface Row {
  fault: Fault;
  /** ids of the failing testcases, exactly */
  failing: string[];
  /** requirement level of those ids (docs/requirements.md) = the JUnit failure type */
  level: 'MUST' | 'SHOULD';
}

const ROWS: Row[] = [
  { fault: 'bearer-accepted', failing: ['LINKT-AUTH-02'], level: 'MUST' },
  { fault: 'malformed-key-500', failing: ['LINKT-AUTH-03'], level: 'MUST' },
  { fault: 'deleted-key-works', failing: ['LINKT-KEY-01'], level: 'MUST' },
  { fault: 'cross-org-icp', failing: ['LINKT-TENANT-01'], level: 'MUST' },
  { fault: 'limit-not-plan', failing: ['LINKT-RATE-02'], level: 'MUST' },
  { fault: 'remaining-frozen', failing: ['LINKT-RATE-03'], level: 'SHOULD' },
  // the 429 body's shape is RATE-05's; RATE-06 skips on that precondition instead of failing too
  { fault: 'no-retry-after-body', failing: ['LINKT-RATE-05'], level: 'MUST' },
  // the unit is RATE-04's; Retry-After and recovery read the Reset tolerantly
  { fault: 'reset-delta-seconds', failing: ['LINKT-RATE-04'], level: 'SHOULD' },
];

const it = faultTest({
  spec: 'linkt',
  fixtures: 'test/independent/linkt.fixtures.yaml',
  faults: ROWS.map((r) => r.fault),
  start: (fault) => startServer([fault]),
  env: (server) => ({
    LINKT_INDEP_URL: server.url,
    LINKT_INDEP_KEY: server.keys.valid,
    LINKT_INDEP_DELETED_KEY: server.keys.deleted,
    LINKT_INDEP_READONLY_KEY: server.keys.readOnly,
    LINKT_INDEP_OTHER_ORG_KEY: server.keys.otherOrg,
    LINKT_INDEP_ICP_ID: server.icpId,
  }),
  options: { destructive: process.env.LINKT_INDEP_DESTRUCTIVE === '1' },
});

describe('independent Linkt implementation with one fault', { timeout: FAULT_BATCH_TIMEOUT_MS }, () => {
  it.for(ROWS)('$fault → fails exactly $failing ($level)', ({ fault, failing, level }, { runs }) => {
    const { cases, failing: failed, failingIds, exitCode } = runOf(runs, fault);
    expect(cases.length).toBeGreaterThan(0);
    expect(exitCode).toBe(1);
    expect(new Set(failingIds)).toEqual(new Set(failing));
    // a conformance verdict, not a tool error, and at the requirement's documented level
    expect(failed.map((c) => c.failure?.type)).toEqual(failed.map(() => level));
  });
});
