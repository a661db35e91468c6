/**
 * "Does not cry wolf": an independent, documentation-only Linkt implementation
 * (test/independent/linkt-server.ts) run through the real `authconform run` path must pass every case.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/compiled.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { startServer, type LinktServer } from './linkt-server.ts';
import { tempDir } from '../support/temp-dir.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const ENV_NAMES = [
  'LINKT_INDEP_URL',
  'LINKT_INDEP_KEY',
  'LINKT_INDEP_DELETED_KEY',
  'LINKT_INDEP_READONLY_KEY',
  'LINKT_INDEP_OTHER_ORG_KEY',
  'LINKT_INDEP_ICP_ID',
] as const;

describe('independent Linkt implementation', () => {
  let server: LinktServer;
  let dir: string;

  beforeAll(async () => {
    server = await startServer();
    dir = tempDir('ac-indep-linkt-');
    process.env.LINKT_INDEP_URL = server.url;
    process.env.LINKT_INDEP_KEY = server.keys.valid;
    process.env.LINKT_INDEP_DELETED_KEY = server.keys.deleted;
    process.env.LINKT_INDEP_READONLY_KEY = server.keys.readOnly;
    process.env.LINKT_INDEP_OTHER_ORG_KEY = server.keys.otherOrg;
    process.env.LINKT_INDEP_ICP_ID = server.icpId;
  });

  afterAll(async () => {
    for (const name of ENV_NAMES) delete process.env[name];
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('passes every case of specs/linkt.yaml', { timeout: 120_000 }, async () => {
    const out: string[] = [];
    const err: string[] = [];
    const junit = join(dir, 'junit.xml');
    const summary = await runConformance(
      {
        specs: [{ spec: 'linkt', target: server.url, fixtures: 'test/independent/linkt.fixtures.yaml' }],
        options: { level: 'all', allowLive: true, maxWaitMs: 5000, destructive: process.env.LINKT_INDEP_DESTRUCTIVE === '1' },
        junit,
        color: false,
      },
      { stdout: (l) => void out.push(l), stderr: (l) => void err.push(l), env: process.env, cwd: repoRoot },
    );
    const cases = readJunit(junit).flatMap((s) => s.cases);
    for (const c of cases.filter((c) => c.skipped !== undefined)) console.log(`SKIPPED ${c.name}: ${c.skipped}`);
    const failing = cases.filter((c) => c.failure !== undefined || c.error !== undefined);
    for (const c of failing) console.log(`FAILED ${c.name}\n${c.failure?.text ?? c.error?.text}`);
    console.log([...out, ...err].join('\n'));
    for (const c of cases) console.log(`${c.failure ? 'FAIL' : c.error ? 'ERROR' : c.skipped !== undefined ? 'SKIP' : 'PASS'} ${c.name}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(failing.map((c) => c.name)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });
});
