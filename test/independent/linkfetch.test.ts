/**
 * Does authconform cry wolf on LinkFetch? An independent, documentation-only implementation of
 * LinkFetch's API auth (linkfetch-server.ts) must pass every case of specs/linkfetch.yaml through
 * the real run path.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/compiled.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { startServer } from './linkfetch-server.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('independent LinkFetch implementation', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
    const c = server.credentials;
    process.env.LF_INDEP_KEY = c.valid;
    process.env.LF_INDEP_TEST_KEY = c.test_mode;
    process.env.LF_INDEP_GRACE_KEY = c.revoked_in_grace;
    process.env.LF_INDEP_REVOKED_KEY = c.revoked_expired;
    process.env.LF_INDEP_SCOPED_KEY = c.scoped;
    process.env.LF_INDEP_OTHER_KEY = c.other_tenant;
    process.env.LF_INDEP_PER_MINUTE = String(c.perMinute);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('passes every authconform case (no false failures)', async () => {
    const junit = join(tempDir('ac-indep-linkfetch-'), 'junit.xml');
    const out: string[] = [];
    const err: string[] = [];
    const summary = await runConformance(
      {
        specs: [{ spec: 'linkfetch', target: server.url, fixtures: 'test/independent/linkfetch.fixtures.yaml' }],
        options: { level: 'all', allowLive: true, maxWaitMs: 5000 },
        junit,
        color: false,
      },
      { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: process.env, cwd: ROOT },
    );
    const cases = readJunit(junit).flatMap((s) => s.cases);
    const skipped = cases.filter((c) => c.skipped !== undefined);
    for (const c of skipped) console.log(`SKIPPED ${c.name}: ${c.skipped}`);
    const failing = cases.filter((c) => c.failure !== undefined || c.error !== undefined);
    for (const c of failing) console.log(`FAILED ${c.name}\n  ${c.failure?.message ?? c.error?.message}\n${c.failure?.text ?? c.error?.text}`);
    if (summary.exitCode !== 0) console.log(out.join('\n'), '\n', err.join('\n'));
    expect(cases.length).toBeGreaterThan(0);
    expect(failing.map((c) => c.name)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  }, 120_000);
});
