/**
 * "Catches what it did not write": the independent Linq server (linq-server.ts) is started with one
 * deliberate fault at a time and the linq spec runs through the real run path exactly as in
 * linq.test.ts (level all, destructive). Every row must fail the run (exit 1) and blame exactly
 * the requirement(s) the fault breaks — no more, no fewer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type LinqFault } from './linq-server.ts';
import { runWithFault, type FaultRun } from './support/run-with-fault.ts';

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

const outcomes = new Map<LinqFault, FaultRun>();
beforeAll(async () => {
  const results = await Promise.all(
    ROWS.map(({ fault }) =>
      runWithFault({
        spec: 'linq',
        fixtures: 'test/independent/linq.fixtures.yaml',
        fault,
        start: () => startServer([fault]),
        env: (server) => ({
          LINQ_INDEP_URL: server.url,
          LINQ_INDEP_TOKEN: server.tokens.valid,
          LINQ_INDEP_RO_TOKEN: server.tokens.scoped,
          LINQ_INDEP_ORG_B_TOKEN: server.tokens.other_tenant,
          LINQ_INDEP_CHAT_ID: server.chatId,
          LINQ_INDEP_RATE: String(server.rateLimitPerMinute),
        }),
        options: { destructive: true },
      }),
    ),
  );
  ROWS.forEach((r, i) => outcomes.set(r.fault, results[i]!));
}, 120_000);

describe('linq: the suite catches faults in an independent server', () => {
  it.each(ROWS)('fault $fault → fails $failing', ({ fault, failing }) => {
    const o = outcomes.get(fault)!;
    expect(new Set(o.failingIds)).toEqual(new Set(failing));
    expect(o.summary.exitCode).toBe(1);
  });
});
