/**
 * "Catches what it did not write": the independent Linq server (linq-server.ts) is started with one
 * deliberate fault at a time and the linq spec runs through the real run path exactly as in
 * linq.test.ts (level all, destructive). Every row must fail the run (exit 1) and blame exactly
 * the requirement(s) the fault breaks — no more, no fewer.
 */
import { describe, expect } from 'vitest';
import { startServer, type LinqFault } from './linq-server.ts';
import { FAULT_BATCH_TIMEOUT_MS, faultTest, runOf } from './support/run-with-fault.ts';

interface Row {
  fault: LinqFault;
  /** requirement ids of the failing JUnit testcases */
  failing: string[];
}

const ROWS: Row[] = [
  { fault: 'unassigned-from', failing: ['LINQ-SCOPE-02'] },
  { fault: 'scope-not-enforced', failing: ['LINQ-SCOPE-01'] },
  { fault: 'cross-org-chat', failing: ['LINQ-TENANT-01'] },
  { fault: 'missing-token-2005', failing: ['LINQ-AUTH-02'] },
  { fault: 'rate-429-no-code', failing: ['LINQ-RATE-01'] },
  { fault: 'no-rate-limit', failing: ['LINQ-RATE-01'] },
];

/** One run of every row's server, each carrying its fault. */
const it = faultTest({
  spec: 'linq',
  fixtures: 'test/independent/linq.fixtures.yaml',
  faults: ROWS.map((r) => r.fault),
  start: (fault) => startServer([fault]),
  env: (server) => ({
    LINQ_INDEP_URL: server.url,
    LINQ_INDEP_TOKEN: server.tokens.valid,
    LINQ_INDEP_RO_TOKEN: server.tokens.scoped,
    LINQ_INDEP_ORG_B_TOKEN: server.tokens.other_tenant,
    LINQ_INDEP_CHAT_ID: server.chatId,
    LINQ_INDEP_RATE: String(server.rateLimitPerMinute),
  }),
  options: { destructive: true },
});

describe('linq: the suite catches faults in an independent server', { timeout: FAULT_BATCH_TIMEOUT_MS }, () => {
  it.for(ROWS)('fault $fault → fails $failing', ({ fault, failing }, { runs }) => {
    const o = runOf(runs, fault);
    expect(new Set(o.failingIds)).toEqual(new Set(failing));
    expect(o.exitCode).toBe(1);
  });
});
