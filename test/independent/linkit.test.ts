/**
 * "Does not cry wolf": the real run path against an independent Linkit implementation written only
 * from the vendor's docs. Every case must pass (or skip with a reason).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/compiled.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { fixtureEnv, startServer, type LinkitServer } from './linkit-server.ts';
import { tempDir } from '../support/temp-dir.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let server: LinkitServer;

beforeAll(async () => {
  server = await startServer();
  Object.assign(process.env, fixtureEnv(server));
});

afterAll(async () => {
  await server?.close();
});

describe('independent Linkit implementation', () => {
  it('passes the linkit conformance suite', async () => {
    const junit = join(tempDir('ac-linkit-ind-'), 'junit.xml');
    const out: string[] = [];
    const err: string[] = [];
    const summary = await runConformance(
      {
        specs: [{ spec: 'linkit', target: server.url, fixtures: 'test/independent/linkit.fixtures.yaml' }],
        options: { level: 'all', allowLive: true, maxWaitMs: 5000 },
        junit,
        color: false,
      },
      { stdout: (l) => void out.push(l), stderr: (l) => void err.push(l), env: process.env, cwd: repoRoot },
    );
    const cases = readJunit(junit).flatMap((s) => s.cases);
    for (const c of cases) {
      const verdict = c.failure !== undefined ? 'FAIL' : c.error !== undefined ? 'ERROR' : c.skipped !== undefined ? 'SKIP' : 'PASS';
      console.log(`${verdict.padEnd(5)} ${c.name}`);
    }
    for (const c of cases.filter((x) => x.skipped !== undefined)) {
      console.log(`SKIPPED ${c.name}: ${c.skipped}`);
    }
    const failing = cases.filter((c) => c.failure !== undefined || c.error !== undefined);
    for (const c of failing) {
      console.log(`FAILED ${c.name}\n  ${c.failure?.message ?? c.error?.message}\n${c.failure?.text ?? c.error?.text}`);
    }
    if (summary.exitCode !== 0) console.log([...out, ...err].join('\n'));
    expect(failing.map((c) => c.name)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  }, 120_000);
});
