/**
 * Safety rails through the real CLI: a real credential never goes over plain http to a host other
 * than this machine (without --allow-insecure), live-prefixed keys need --allow-live on every
 * target but the embedded mock (a local port can be a tunnel to production; the spec's own mock
 * seed keys are fake and exempt), and --max-requests is a hard cap, counted at the server.
 *
 * 198.51.100.7 (TEST-NET-2) only appears in runs that must stop before any connection: refused
 * by a rail, or with a request budget of 0.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { junitCases } from './support/junit.ts';
import { canaryKey, cli, FIXTURES, HOSTILE_SPEC, MANY_SPEC, STACK_LINE, removeTempDirs, tempDir, watchingRejections } from './support/run.ts';
import { startHttp, type Hostile } from './support/servers.ts';

afterAll(removeTempDirs);

const REMOTE = '198.51.100.7';
/** the key of the hostile spec's mock seed (test/fixtures/hostile/_seeds/acme.yaml) */
const SEED_KEY = 'acme_live_seedvalid0001';

/** An API that behaves as the hostile specs document, for one valid key. */
function conformingApi(key: string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const sent = req.headers['x-acme-key'];
    const status = sent === key ? 200 : 401;
    const body = status === 200 ? { widgets: [] } : { error: sent === undefined || sent === '' ? 'missing_key' : 'invalid_key' };
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

describe('rails that stop the run before any connection: exit 2, one line', () => {
  const key = canaryKey();
  const base = ['run', HOSTILE_SPEC, '--fixtures', FIXTURES, '--no-color'];
  it.each([
    [
      'a real key over plain http to a remote host',
      ['--target', `http://${REMOTE}`],
      `authconform: refusing to send credentials over plain http to ${REMOTE}: use an https target, or pass --allow-insecure`,
    ],
    [
      'a real key over plain http to a remote host, even with --allow-live',
      ['--target', `http://${REMOTE}:8080/api`, '--allow-live'],
      `authconform: refusing to send credentials over plain http to ${REMOTE}:8080: use an https target, or pass --allow-insecure`,
    ],
    [
      'a live key to a remote https host without --allow-live',
      ['--target', `https://${REMOTE}`],
      `authconform: ${FIXTURES}: credentials.valid is a live key (acme_live_…) and ${REMOTE} is not local: pass --allow-live to probe production keys`,
    ],
    [
      'a live key over plain http with --allow-insecure but without --allow-live',
      ['--target', `http://${REMOTE}`, '--allow-insecure'],
      `authconform: ${FIXTURES}: credentials.valid is a live key (acme_live_…) and ${REMOTE} is not local: pass --allow-live to probe production keys`,
    ],
    [
      'a live key to a loopback target without --allow-live (a local port can be a tunnel)',
      ['--target', 'http://127.0.0.1:9'],
      `authconform: ${FIXTURES}: credentials.valid is a live key (acme_live_…) and 127.0.0.1:9 is not the embedded mock (a local port can be a tunnel to production): pass --allow-live to probe live keys`,
    ],
  ])('%s', async (_name, flags, line) => {
    const run = await cli([...base, ...flags, '--junit', join(tempDir('rail'), 'junit.xml')], { HOSTILE_VALID_KEY: key });
    expect(run.stderr).toEqual([line]);
    expect(run.stdout).toEqual([]); // nothing started
    expect(run.code).toBe(2);
    expect(run.stderr.join('\n')).not.toContain(key);
  });

  it('with --allow-insecure and --allow-live the rails let the run through; --max-requests 0 keeps it off the network', async () => {
    const junit = join(tempDir('rail-open'), 'junit.xml');
    const { value: run, rejections } = await watchingRejections(() =>
      cli([...base, '--target', `http://${REMOTE}`, '--allow-insecure', '--allow-live', '--max-requests', '0', '--junit', junit], {
        HOSTILE_VALID_KEY: key,
      }),
    );
    expect(rejections).toEqual([]);
    // every case skipped: one warning line names the reason they share
    expect(run.stderr).toEqual(['warning: 3 of 3 cases skipped; main reason (3 cases): request budget exhausted: request budget of 0 exhausted (--max-requests)']);
    expect(run.code).toBe(0);
    expect(run.stdout.at(-2)).toMatch(/^total: 0 passed, 0 failed, 0 warnings, 3 skipped · 0 requests · /);
    expect(junitCases(junit).map((c) => c.skipped)).toEqual([
      'request budget exhausted: request budget of 0 exhausted (--max-requests)',
      'request budget exhausted: request budget of 0 exhausted (--max-requests)',
      'request budget exhausted: request budget of 0 exhausted (--max-requests)',
    ]);
  }, 60_000);
});

describe('rails that let local runs through', () => {
  let api: Hostile;
  beforeAll(async () => {
    api = await startHttp(conformingApi(SEED_KEY));
  });
  afterAll(async () => {
    await api?.close();
  });

  it("the spec's own mock seed key needs no --allow-live on a loopback target (it is fake by construction)", async () => {
    const junit = join(tempDir('seed'), 'junit.xml');
    const { value: run, rejections } = await watchingRejections(() =>
      cli(['run', HOSTILE_SPEC, '--target', api.url, '--fixtures', FIXTURES, '--junit', junit, '--no-color'], { HOSTILE_VALID_KEY: SEED_KEY }),
    );
    expect(rejections).toEqual([]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(junitCases(junit).map((c) => c.failure ?? c.skipped ?? 'pass')).toEqual(['pass', 'pass', 'pass']);
    expect(api.seen.map((s) => s.headers['x-acme-key'] ?? s.headers['authorization'] ?? '-')).toEqual([SEED_KEY, '-', `Bearer ${SEED_KEY}`]);
  }, 60_000);
});

describe('--max-requests is never exceeded (counted at the server, 27 planned cases of one request each)', () => {
  it.concurrent.each([0, 1, 5, 17])('--max-requests %i', async (max) => {
    const key = canaryKey();
    const api = await startHttp(conformingApi(key));
    try {
      const junit = join(tempDir(`budget-${max}`), 'junit.xml');
      const { value: run, rejections } = await watchingRejections(() =>
        cli(
          ['run', MANY_SPEC, '--target', api.url, '--fixtures', FIXTURES, '--max-requests', String(max), '--concurrency', '8', '--allow-live',
            '--junit', junit, '--no-color'],
          { HOSTILE_VALID_KEY: key },
        ),
      );
      expect(rejections).toEqual([]);
      // more than half skipped (max 0, 1, 5): one warning line naming the main reason; none at 17 (10 of 27 skipped)
      expect(run.stderr).toEqual(
        27 - max > 27 / 2
          ? [`warning: ${27 - max} of 27 cases skipped; main reason (${27 - max} cases): request budget exhausted: request budget of ${max} exhausted (--max-requests)`]
          : [],
      );
      expect(api.seen).toHaveLength(max);
      const cases = junitCases(junit);
      expect(cases).toHaveLength(27);
      // the first `max` cases ran (and pass against a conforming API), every later one is skipped
      expect(cases.slice(0, max).map((c) => c.failure ?? c.skipped ?? 'pass')).toEqual(Array(max).fill('pass'));
      expect(cases.slice(max).map((c) => c.skipped)).toEqual(
        Array(27 - max).fill(`request budget exhausted: request budget of ${max} exhausted (--max-requests)`),
      );
      expect(run.code).toBe(0);
      expect(run.stdout.at(-2)).toMatch(new RegExp(`^total: ${max} passed, 0 failed, 0 warnings, ${27 - max} skipped · ${max} requests · `));
      expect(run.stdout.join('\n')).not.toMatch(STACK_LINE);
    } finally {
      await api.close();
    }
  }, 60_000);
});
