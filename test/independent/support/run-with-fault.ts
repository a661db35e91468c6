/**
 * One run of a bundled spec through the real run path (`runConformance`, level all, live keys
 * allowed) against an independent server started with one deliberate fault: its own server, env
 * and JUnit file (process.env untouched), so the rows of a broken-server test can run
 * concurrently — at most as many at once as there are cores (each run forks a vitest worker).
 */
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runConformance, type RunSummary } from '../../../src/runner/run-conformance.ts';
import type { SuiteOptions } from '../../../src/runner/options.ts';
import { readJunit, type JunitCase } from '../../reporters/parse-junit.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface FaultRun {
  summary: RunSummary;
  cases: JunitCase[];
  /** the failing (failure or error) testcases */
  failing: JunitCase[];
  /** requirement ids of the failing testcases, sorted, once each */
  failingIds: string[];
  /** stdout and stderr of the run */
  log: string;
}

export interface FaultRunSpec<S extends { url: string; close(): Promise<void> }> {
  spec: string;
  /** fixtures file, relative to the repository */
  fixtures: string;
  /** the fault, for the JUnit file name and the log lines */
  fault: string;
  start(): Promise<S>;
  /** the variables the fixtures file reads */
  env(server: S): Record<string, string | undefined>;
  options?: Partial<SuiteOptions>;
}

const SLOTS = Math.max(2, availableParallelism());
let busy = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (busy >= SLOTS) await new Promise<void>((r) => waiting.push(r));
  else busy += 1;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else busy -= 1;
  }
}

/** Runs the spec against a server carrying the fault; prints each failing case (`[fault] FAILED name`). */
export function runWithFault<S extends { url: string; close(): Promise<void> }>(o: FaultRunSpec<S>): Promise<FaultRun> {
  return withSlot(async () => {
    const server = await o.start();
    try {
      const junit = join(await mkdtemp(join(tmpdir(), `ac-broken-${o.spec}-${o.fault}-`)), 'junit.xml');
      const out: string[] = [];
      const summary = await runConformance(
        {
          specs: [{ spec: o.spec, target: server.url, fixtures: o.fixtures }],
          options: { level: 'all', allowLive: true, maxWaitMs: 5000, ...o.options },
          junit,
          color: false,
        },
        { stdout: (l) => void out.push(l), stderr: (l) => void out.push(l), env: { ...process.env, ...o.env(server) }, cwd: ROOT },
      );
      const cases = readJunit(junit).flatMap((s) => s.cases);
      const failing = cases.filter((c) => c.failure !== undefined || c.error !== undefined);
      for (const c of failing) console.log(`[${o.fault}] FAILED ${c.name}\n  ${c.failure?.message ?? c.error?.message}`);
      return { summary, cases, failing, failingIds: [...new Set(failing.map((c) => c.name.split(' ')[0]!))].sort(), log: out.join('\n') };
    } finally {
      await server.close();
    }
  });
}
