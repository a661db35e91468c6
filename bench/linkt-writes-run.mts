/**
 * Issue 13 cause 3, done-when: a run with writes allowed and quotas not spent (`--writes`, not
 * `--spend-quota`) completes the Linkt catalogue against a 60/min, 1,000/day target in under a
 * minute. Each run gets a fresh second Linkt reading (test/independent/second/linkt-server.ts) in
 * its OWN process (bench/linkt-server.mts, started with tsx), and goes through the real run path.
 * Rounds interleave `writes` (at the default --max-wait, so the reset is really waited for) and
 * `destructive` (writes + spend-quota; with a 5 s wait bound, else the daily quota alone takes
 * ~17 min: its case skips at the first wait). Prints each run, then min and median wall time.
 * Usage: npx tsx bench/linkt-writes-run.mts [rounds]
 */
import { spawn } from 'node:child_process';
import { runBatch, type Reading } from '../test/independent/second/harness.ts';
import { fixturesOf } from '../test/independent/second/readings.ts';
import { SUITE_DEFAULTS } from '../src/runner/options.ts';
import { repoRoot } from '../src/spec/bundled.ts';

const rounds = Number(process.argv[2] ?? 3);
const kinds = {
  writes: { writes: true, maxWaitMs: SUITE_DEFAULTS.maxWaitMs },
  destructive: { destructive: true, maxWaitMs: 5000 },
} as const;
type Kind = keyof typeof kinds;

/** Starts bench/linkt-server.mts in a child process (node --import tsx) and reads its first line. */
function startServerProcess(): Promise<Reading> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/linkt-server.mts'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const line = text.split('\n')[0];
      if (!text.includes('\n') || line === undefined) return;
      const { url, env } = JSON.parse(line) as { url: string; env: Record<string, string> };
      resolve({ url, env, close: () => (child.kill('SIGTERM'), exited) });
    });
    child.once('exit', (code) => reject(new Error(`bench/linkt-server.mts exited ${code}`)));
  });
}

const times: Record<Kind, number[]> = { writes: [], destructive: [] };
for (let i = 0; i < rounds; i++) {
  for (const kind of (i % 2 === 0 ? ['writes', 'destructive'] : ['destructive', 'writes']) as Kind[]) {
    const t = performance.now();
    const v = await runBatch('linkt', fixturesOf('linkt'), [{ name: 'conformant', start: startServerProcess }], { ...kinds[kind] });
    const ms = performance.now() - t;
    times[kind].push(ms);
    const cases = v.get('conformant')!.cases;
    const count = (status: string) => cases.filter((c) => c.status === status).length;
    const daily = cases.find((c) => / per day /.test(c.name));
    console.log(
      `${kind}: ${Math.round(ms)} ms, ${cases.length} cases (${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped), daily case ${daily?.status}`,
    );
    for (const c of cases.filter((c) => c.status !== 'passed')) console.log(`  ${c.status}: ${c.name}: ${c.message ?? ''}`);
  }
}
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${Math.round(s[0]!)} ms, median ${Math.round(s[Math.floor(s.length / 2)]!)} ms`;
};
for (const [k, xs] of Object.entries(times)) console.log(`${k}: ${stat(xs)} over ${xs.length} rounds`);
