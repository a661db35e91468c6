/**
 * `npm run bench:run`: what a whole `authconform run` costs against what the same requests cost.
 * Interleaved over ROUNDS rounds (default 5):
 *   run:   `node bin/authconform.js run` (the compiled package; the 5 bundled specs, embedded mocks)
 *   floor: bench/floor.mjs (plain undici) sending the same number of requests per spec to that spec's
 *          mock, served by `authconform mock <spec> --unlimited` processes started once
 *   vitest: bench/vitest-alone.mjs, vitest's Node API started as the run starts it, on one empty
 *          test: the least wall and CPU any run through vitest takes on this machine
 * Each side is measured as a process tree (Linux /proc): CPU user+sys (the run: its process and the
 * children it waited for; the floor: its client process plus the CPU the mock processes used while
 * it ran), wall time from spawn to exit, and peak RSS summed over the tree (the floor's tree
 * includes the mock processes). Prints every round, then min and median, the run/floor ratios, and
 * the load average before and after. Needs `npm run build` first. Not a test.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/spec/bundled.ts';
import { loadContract } from '../src/spec/load.ts';
import { cpuOf, rssKb, serve, TICK_MS, tree } from './proc.ts';

const ROUNDS = Number(process.argv[2] ?? 5);
const BIN = join(repoRoot, 'bin', 'authconform.js');

interface Sample {
  cpuS: number;
  wallS: number;
  rssMB: number;
}

/**
 * Runs `command` under bash, which prints its own /proc stat after the command ends: its cutime
 * and cstime are then the CPU of the command and every descendant it waited for.
 */
async function measure(command: string[], extraPids: number[] = []): Promise<Sample & { stdout: string }> {
  const extraBefore = extraPids.reduce((sum, pid) => sum + cpuOf(pid), 0);
  const script = `${command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')} > /tmp/authconform-bench.out 2>&1; s=$?; cat /proc/$$/stat; cat /tmp/authconform-bench.out >&2; exit $s`;
  const started = performance.now();
  const child = spawn('bash', ['-c', script], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
  let peak = 0;
  const sampler = setInterval(() => {
    const kb = [...tree(child.pid!), ...extraPids].reduce((sum, pid) => sum + rssKb(pid), 0);
    peak = Math.max(peak, kb);
  }, 20);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const wallS = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command.join(' ')} exited ${code}:\n${err}`);
  const f = out.slice(out.lastIndexOf(')') + 2).trim().split(' ');
  const cpuS = ((Number(f[13]) + Number(f[14])) * TICK_MS) / 1000 + extraPids.reduce((sum, pid) => sum + cpuOf(pid), 0) - extraBefore;
  return { cpuS, wallS, rssMB: peak / 1024, stdout: err };
}

/** requests per spec from the run's totals table (`linkt  22  0  0  0  1231  0.5 s`) */
function requestsPerSpec(stdout: string, specs: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (cells.length >= 6 && specs.includes(cells[0]!) && /^\d+$/.test(cells[5]!)) out.set(cells[0]!, Number(cells[5]));
  }
  return out;
}

const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]! };
};

const SPECS = ['linkt', 'linkkit', 'linkit', 'linkfetch', 'linq'];
const mocks = await Promise.all(SPECS.map((spec) => serve([BIN, 'mock', spec, '--unlimited'])));
try {
  // each floor request goes to the spec's first operation, without a credential (the mock's 401 path)
  const paths = await Promise.all(SPECS.map(async (s) => (await loadContract(s)).operations[0]!.path.replace(/\{[^}]+\}/g, 'x')));
  const run: Sample[] = [];
  const floor: Sample[] = [];
  const alone: Sample[] = [];
  const loadBefore = loadAverage();
  const row = (name: string, s: Sample) => `${name.padEnd(6)} cpu ${s.cpuS.toFixed(2).padStart(6)} s  wall ${s.wallS.toFixed(2).padStart(6)} s  rss ${s.rssMB.toFixed(0).padStart(4)} MB`;
  for (let round = 1; round <= ROUNDS; round++) {
    const r = await measure([process.execPath, BIN, 'run', '--junit', '/tmp/authconform-bench-junit.xml']);
    const counts = requestsPerSpec(r.stdout, SPECS);
    const targets = SPECS.map((s, i) => ({ url: `${mocks[i]!.url}${paths[i]}`, count: counts.get(s) ?? 0 }));
    const f = await measure([process.execPath, join(repoRoot, 'bench', 'floor.mjs'), JSON.stringify(targets)], mocks.map((m) => m.child.pid!));
    const v = await measure([process.execPath, join(repoRoot, 'bench', 'vitest-alone.mjs')]);
    run.push(r);
    floor.push(f);
    alone.push(v);
    const total = targets.reduce((sum, t) => sum + t.count, 0);
    console.log(`round ${round} (${total} requests)\n  ${row('run', r)}\n  ${row('floor', f)}\n  ${row('vitest', v)}`);
  }
  for (const key of ['cpuS', 'wallS', 'rssMB'] as const) {
    const a = stats(run.map((s) => s[key]));
    const b = stats(floor.map((s) => s[key]));
    const c = stats(alone.map((s) => s[key]));
    console.log(
      `${key.padEnd(6)} run min ${a.min.toFixed(2)} median ${a.median.toFixed(2)} · floor min ${b.min.toFixed(2)} median ${b.median.toFixed(2)} · ratio min ${(a.min / b.min).toFixed(2)}x median ${(a.median / b.median).toFixed(2)}x · vitest alone min ${c.min.toFixed(2)} median ${c.median.toFixed(2)}`,
    );
  }
  console.log(`load average (1 min) before ${loadBefore}, after ${loadAverage()}`);
} finally {
  for (const m of mocks) m.child.kill('SIGTERM');
}
