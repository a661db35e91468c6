/**
 * "Catches what it did not write": the independent Linkkit server (linkkit-server.ts) is started with one
 * deliberate fault at a time and the linkkit spec runs through the real run path exactly as in
 * linkkit.test.ts (level all, destructive). Every row must fail the run (exit 1) and blame exactly
 * the requirement(s) the fault breaks — no more, no fewer.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/runner/run-conformance.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { startServer, type LinkkitFault } from './linkkit-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Row {
  fault: LinkkitFault;
  /** requirement ids of the failing JUnit testcases */
  failing: string[];
}

const ROWS: Row[] = [
  { fault: 'missing-key-403', failing: ['LINKKIT-AUTH-03'] },
  { fault: 'wrong-scheme-500', failing: ['LINKKIT-AUTH-04'] },
  { fault: 'scoped-create', failing: ['LINKKIT-SCOPE-01'] },
  { fault: 'no-rate-limit', failing: ['LINKKIT-RATE-01'] },
  // SHOULD, but the run is at level all, where a SHOULD failure fails the run (not a warning)
  { fault: 'content-type-not-checked', failing: ['LINKKIT-AUTH-02'] },
];

interface Outcome {
  exitCode: number;
  failing: string[];
  messages: string[];
}

async function runWithFault(fault: LinkkitFault): Promise<Outcome> {
  const server = await startServer([fault]);
  try {
    // per-run environment (not process.env) so that the scenarios can run concurrently
    const env = {
      ...process.env,
      LINKKIT_INDEP_URL: server.url,
      LINKKIT_INDEP_KEY: server.keys.full,
      LINKKIT_INDEP_READONLY_KEY: server.keys.readOnly,
    };
    const junit = join(await mkdtemp(join(tmpdir(), `ac-broken-linkkit-${fault}-`)), 'junit.xml');
    const summary = await runConformance(
      {
        specs: [{ spec: 'linkkit', target: server.url, fixtures: 'test/independent/linkkit.fixtures.yaml' }],
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

const outcomes = new Map<LinkkitFault, Outcome>();
beforeAll(async () => {
  const results = await Promise.all(ROWS.map((r) => runWithFault(r.fault)));
  ROWS.forEach((r, i) => outcomes.set(r.fault, results[i]!));
}, 120_000);

describe('linkkit: the suite catches faults in an independent server', () => {
  it.each(ROWS)('fault $fault → fails $failing', ({ fault, failing }) => {
    const o = outcomes.get(fault)!;
    for (const m of o.messages) console.log(`[${fault}] ${m}`);
    expect(new Set(o.failing)).toEqual(new Set(failing));
    expect(o.exitCode).toBe(1);
  });
});
