/**
 * "Does not cry wolf": the linq spec runs through the real run path (destructive, every level)
 * against an independent implementation of the Linq docs (linq-server.ts); every case must pass.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/compiled.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { startServer, type LinqServer } from './linq-server.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let server: LinqServer;
beforeAll(async () => {
  server = await startServer();
  process.env.LINQ_INDEP_URL = server.url;
  process.env.LINQ_INDEP_TOKEN = server.tokens.valid;
  process.env.LINQ_INDEP_RO_TOKEN = server.tokens.scoped;
  process.env.LINQ_INDEP_ORG_B_TOKEN = server.tokens.other_tenant;
  process.env.LINQ_INDEP_CHAT_ID = server.chatId;
  process.env.LINQ_INDEP_RATE = String(server.rateLimitPerMinute);
});
afterAll(async () => {
  await server?.close();
});

describe('linq: an independent implementation of the docs', () => {
  it('passes every case of the real run path', async () => {
    const junit = join(tempDir('ac-indep-linq-'), 'junit.xml');
    const out: string[] = [];
    const err: string[] = [];
    const summary = await runConformance(
      {
        specs: [{ spec: 'linq', target: server.url, fixtures: 'test/independent/linq.fixtures.yaml' }],
        options: { level: 'all', allowLive: true, destructive: true, maxWaitMs: 5000 },
        junit,
        color: false,
      },
      { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: process.env, cwd: ROOT },
    );
    const cases = readJunit(junit).flatMap((s) => s.cases);
    for (const c of cases) console.log(`CASE ${c.failure || c.error ? 'FAIL' : c.skipped !== undefined ? 'SKIP' : 'PASS'} ${c.name}`);
    for (const c of cases.filter((c) => c.skipped !== undefined)) console.log(`SKIPPED ${c.name}: ${c.skipped}`);
    const failing = cases.filter((c) => c.failure !== undefined || c.error !== undefined);
    for (const c of failing) console.log(`FAILED ${c.name}: ${c.failure?.message ?? c.error?.message}\n${c.failure?.text ?? c.error?.text}`);
    if (summary.exitCode !== 0) console.log(out.join('\n'), err.join('\n'));
    expect(cases.length).toBeGreaterThan(0);
    expect(failing.map((c) => c.name)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  }, 120_000);
});
