/**
 * "Catches what it did not write": the independent Linq server (linq-server.ts) is started with one
 * deliberate fault at a time and the linq spec runs through the real run path exactly as in
 * linq.test.ts (level all, destructive). Every row must fail the run (exit 1) and blame exactly
 * the requirement(s) the fault breaks — no more, no fewer.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/runner/run-conformance.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { startServer, type LinqFault } from './linq-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

interface Outcome {
  exitCode: number;
  failing: string[];
  messages: string[];
}

async function runWithFault(fault: LinqFault): Promise<Outcome> {
  const server = await startServer([fault]);
  try {
    // per-run environment (not process.env) so that the scenarios can run concurrently
    const env = {
      ...process.env,
      LINQ_INDEP_URL: server.url,
      LINQ_INDEP_TOKEN: server.tokens.valid,
      LINQ_INDEP_RO_TOKEN: server.tokens.scoped,
      LINQ_INDEP_ORG_B_TOKEN: server.tokens.other_tenant,
      LINQ_INDEP_CHAT_ID: server.chatId,
      LINQ_INDEP_RATE: String(server.rateLimitPerMinute),
    };
    const junit = join(await mkdtemp(join(tmpdir(), `ac-broken-linq-${fault}-`)), 'junit.xml');
    const summary = await runConformance(
      {
        specs: [{ spec: 'linq', target: server.url, fixtures: 'test/independent/linq.fixtures.yaml' }],
        options: { level: 'all', allowLive: true, destructive: true, maxWaitMs: 5000 },
        junit,
        color: false,
      },
      { stdout: () => {}, stderr: () => {}, env, cwd: ROOT },
    );
    const failed = readJunit(junit)
      .flatMap((s) => s.cases)
      .filter((c) => c.failure !== undefined || c.error !== undefined);
    return {
      exitCode: summary.exitCode,
      failing: [...new Set(failed.map((c) => c.name.split(' ')[0]!))].sort(),
      messages: failed.map((c) => `${c.name}: ${c.failure?.message ?? c.error?.message}`),
    };
  } finally {
    await server.close();
  }
}

const outcomes = new Map<LinqFault, Outcome>();
beforeAll(async () => {
  const results = await Promise.all(ROWS.map((r) => runWithFault(r.fault)));
  ROWS.forEach((r, i) => outcomes.set(r.fault, results[i]!));
}, 120_000);

describe('linq: the suite catches faults in an independent server', () => {
  it.each(ROWS)('fault $fault → fails $failing', ({ fault, failing }) => {
    const o = outcomes.get(fault)!;
    for (const m of o.messages) console.log(`[${fault}] ${m}`);
    expect(new Set(o.failing)).toEqual(new Set(failing));
    expect(o.exitCode).toBe(1);
  });
});
