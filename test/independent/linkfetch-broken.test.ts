/**
 * Does authconform catch faults in a LinkFetch server it did not write? Each row starts the
 * independent implementation (linkfetch-server.ts) with one realistic defect, runs the real run
 * path exactly as linkfetch.test.ts does, and requires a failed run whose failing requirement ids
 * are exactly the ones the defect breaks (docs/requirements.md) — no miss, no collateral blame.
 */
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/runner/run-conformance.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { startServer, type Fault } from './linkfetch-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const ROWS: Array<{ fault: Fault; expected: string[] }> = [
  { fault: 'missing-as-invalid', expected: ['LINKFETCH-AUTH-02'] },
  { fault: 'wrong-scheme-500', expected: ['LINKFETCH-AUTH-03'] },
  { fault: 'revoked-never-expires', expected: ['LINKFETCH-KEY-02'] },
  { fault: 'scope-not-enforced', expected: ['LINKFETCH-SCOPE-01'] },
  { fault: 'no-rate-limit', expected: ['LINKFETCH-RATE-01'] },
  { fault: 'prefix-always-live', expected: ['LINKFETCH-PREFIX-01'] },
];

/** Each run forks a vitest worker: more runs at once than cores only makes every one slower. */
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

/** One run against a server carrying `fault`; its own env so the rows can run concurrently. */
const runWithFault = (fault: Fault) => withSlot(() => runWithFaultNow(fault));
async function runWithFaultNow(fault: Fault) {
  const server = await startServer([fault]);
  try {
    const c = server.credentials;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LF_INDEP_KEY: c.valid,
      LF_INDEP_TEST_KEY: c.test_mode,
      LF_INDEP_GRACE_KEY: c.revoked_in_grace,
      LF_INDEP_REVOKED_KEY: c.revoked_expired,
      LF_INDEP_SCOPED_KEY: c.scoped,
      LF_INDEP_OTHER_KEY: c.other_tenant,
      LF_INDEP_PER_MINUTE: String(c.perMinute),
    };
    const junit = join(await mkdtemp(join(tmpdir(), `ac-indep-linkfetch-${fault}-`)), 'junit.xml');
    const out: string[] = [];
    const err: string[] = [];
    const summary = await runConformance(
      {
        specs: [{ spec: 'linkfetch', target: server.url, fixtures: 'test/independent/linkfetch.fixtures.yaml' }],
        options: { level: 'all', allowLive: true, maxWaitMs: 5000 },
        junit,
        color: false,
      },
      { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env, cwd: ROOT },
    );
    const cases = readJunit(junit).flatMap((s) => s.cases);
    const failing = cases.filter((x) => x.failure !== undefined || x.error !== undefined);
    for (const x of failing) console.log(`[${fault}] FAILED ${x.name}\n  ${x.failure?.message ?? x.error?.message}`);
    return { summary, cases, failing, out, err };
  } finally {
    await server.close();
  }
}

describe('independent LinkFetch implementation with injected faults', () => {
  it.concurrent.each(ROWS)(
    'catches $fault (fails exactly $expected)',
    async ({ fault, expected }) => {
      const { summary, cases, failing, out, err } = await runWithFault(fault);
      if (summary.exitCode !== 1) console.log(out.join('\n'), '\n', err.join('\n'));
      expect(cases.length).toBeGreaterThan(0);
      expect(summary.exitCode).toBe(1);
      const ids = [...new Set(failing.map((x) => x.name.split(' ')[0]!))].sort();
      expect(ids).toEqual([...expected].sort());
    },
    120_000,
  );
});
