/**
 * "Catches the wolf": the independent Linkt implementation (test/independent/linkt-server.ts), started
 * with one deliberate fault at a time, run through the real `authconform run` path (`runConformance`,
 * the same options as linkt.test.ts) must fail the run, and blame exactly the requirement(s) the fault
 * breaks — no fewer, no more. level is 'all', so a broken SHOULD fails the run too (failure type SHOULD).
 *
 * The scenarios run concurrently, one lane per core (one server and one conformance vitest each); every scenario gets its
 * own environment object, so process.env is never touched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance, type RunSummary } from '../../src/runner/run-conformance.ts';
import { readJunit, type JunitCase } from '../reporters/parse-junit.ts';
import { startServer, type Fault } from './linkt-server.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

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

interface Outcome {
  summary: RunSummary;
  cases: JunitCase[];
  log: string;
}

async function runWithFault(fault: Fault, dir: string): Promise<Outcome> {
  const server = await startServer([fault]);
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LINKT_INDEP_URL: server.url,
      LINKT_INDEP_KEY: server.keys.valid,
      LINKT_INDEP_DELETED_KEY: server.keys.deleted,
      LINKT_INDEP_READONLY_KEY: server.keys.readOnly,
      LINKT_INDEP_OTHER_ORG_KEY: server.keys.otherOrg,
      LINKT_INDEP_ICP_ID: server.icpId,
    };
    const out: string[] = [];
    const junit = join(dir, `${fault}.xml`);
    const summary = await runConformance(
      {
        specs: [{ spec: 'linkt', target: server.url, fixtures: 'test/independent/linkt.fixtures.yaml' }],
        options: { level: 'all', allowLive: true, maxWaitMs: 5000, destructive: process.env.LINKT_INDEP_DESTRUCTIVE === '1' },
        junit,
        color: false,
      },
      { stdout: (l) => void out.push(l), stderr: (l) => void out.push(l), env, cwd: repoRoot },
    );
    return { summary, cases: readJunit(junit).flatMap((s) => s.cases), log: out.join('\n') };
  } finally {
    await server.close();
  }
}

const idOf = (c: JunitCase): string => c.name.split(' ')[0]!;
const isFailing = (c: JunitCase): boolean => c.failure !== undefined || c.error !== undefined;

describe('independent Linkt implementation with one fault', () => {
  let dir: string;
  const outcomes = new Map<Fault, Outcome | Error>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ac-indep-linkt-broken-'));
    // each scenario is a CPU-bound vitest run: more lanes than cores only slows every one of them down
    const queue = ROWS.map((r) => r.fault);
    const lane = async (): Promise<void> => {
      for (let fault = queue.shift(); fault !== undefined; fault = queue.shift()) {
        outcomes.set(fault, await runWithFault(fault, dir).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
      }
    };
    await Promise.all(Array.from({ length: Math.max(2, Math.min(ROWS.length, availableParallelism())) }, lane));
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(ROWS)('$fault → fails exactly $failing ($level)', ({ fault, failing, level }) => {
    const outcome = outcomes.get(fault);
    if (outcome instanceof Error) throw outcome;
    expect(outcome).toBeDefined();
    const { summary, cases } = outcome!;
    const failed = cases.filter(isFailing);
    for (const c of failed) console.log(`[${fault}] FAILED ${c.name}\n${c.failure?.text ?? c.error?.text}`);
    console.log(`[${fault}] ${outcome!.log.split('\n').filter((l) => l.startsWith('total:')).join('')}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(summary.exitCode).toBe(1);
    expect(new Set(failed.map(idOf))).toEqual(new Set(failing));
    // a conformance verdict, not a tool error, and at the requirement's documented level
    expect(failed.map((c) => c.failure?.type)).toEqual(failed.map(() => level));
  });
});
