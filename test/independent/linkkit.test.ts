/**
 * "Does authconform cry wolf?" — an independent Linkkit implementation written from the vendor's docs
 * only (linkkit-server.ts) must pass the real run path with every case, destructive ones included.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/compiled.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { startServer, type LinkkitServer } from './linkkit-server.ts';
import { tempDir } from '../support/temp-dir.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('independent Linkkit implementation', () => {
  let server: LinkkitServer;
  beforeAll(async () => {
    server = await startServer();
    process.env.LINKKIT_INDEP_URL = server.url;
    process.env.LINKKIT_INDEP_KEY = server.keys.full;
    process.env.LINKKIT_INDEP_READONLY_KEY = server.keys.readOnly;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('passes every case of specs/linkkit.yaml (level all, destructive)', async () => {
    const junit = join(tempDir('ac-indep-linkkit-'), 'junit.xml');
    const out: string[] = [];
    const err: string[] = [];
    const summary = await runConformance(
      {
        specs: [{ spec: 'linkkit', target: server.url, fixtures: 'test/independent/linkkit.fixtures.yaml' }],
        options: { level: 'all', allowLive: true, destructive: true, maxWaitMs: 5000 },
        junit,
        color: false,
      },
      { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: process.env, cwd: repoRoot },
    );
    const cases = readJunit(junit).flatMap((s) => s.cases);
    for (const c of cases) console.log(`case: ${c.name} — ${c.failure ? 'failed' : c.error ? 'error' : c.skipped !== undefined ? 'skipped' : 'passed'}`);
    for (const c of cases.filter((x) => x.skipped !== undefined)) console.log(`skipped: ${c.name} — ${c.skipped}`);
    const failing = cases.filter((c) => c.failure !== undefined || c.error !== undefined);
    for (const c of failing) console.log(`FAILED: ${c.name}\n  ${c.failure?.message ?? c.error?.message}\n${c.failure?.text ?? c.error?.text}`);
    if (summary.exitCode !== 0) console.log(out.join('\n'), err.join('\n'));
    expect(cases.length).toBeGreaterThan(0);
    expect(failing.map((c) => c.name)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  }, 120_000);
});
