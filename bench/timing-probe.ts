/**
 * The timing probe's statistics on real sockets: two server processes (bench/timing-server.ts), one
 * conformant and one that answers known keys DELAY ms later, driven from this process over one
 * keep-alive undici connection each, sequentially, in the interleaved order of src/stats. Rounds
 * alternate between the two servers. Not a test: prints per-request latency (min, median), the
 * verdict of every round and the shift estimates (min, median).
 * Run: `npx tsx bench/timing-probe.ts [rounds=20] [delayMs=5] [perClass=60]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { compareTimings, interleave, type TimingVerdict } from '../src/stats/index.ts';

const ROUNDS = Number(process.argv[2] ?? 20);
const DELAY_MS = Number(process.argv[3] ?? 5);
const PER_CLASS = Number(process.argv[4] ?? 60);
const WARMUP = 10;

async function startServer(delayMs: number): Promise<{ port: number; child: ChildProcess }> {
  const file = fileURLToPath(new URL('./timing-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file], { env: { ...process.env, DELAY_MS: String(delayMs) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { port: Number(chunk.toString().trim()), child };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function timeOne(agent: Agent, port: number, key: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await request(`http://127.0.0.1:${port}/v1/items`, { dispatcher: agent, headers: { authorization: key } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6; // to response headers
  await res.body.dump();
  return ms;
}

async function round(port: number, agent: Agent, n: number) {
  const random = () => Math.random().toString(36).slice(2, 14);
  for (let i = 0; i < WARMUP; i++) await timeOne(agent, port, `unknown_${random()}`);
  const samples = { unknown: [] as number[], known: [] as number[] };
  for (const r of interleave(['unknown', 'known'] as const, PER_CLASS)) {
    samples[r.class].push(await timeOne(agent, port, `${r.class}_${random()}_${n}`));
  }
  return { samples, comparison: compareTimings(samples.unknown, samples.known) };
}

const servers = { conformant: await startServer(0), delayed: await startServer(DELAY_MS) };
const agents = { conformant: new Agent({ connections: 1, keepAliveTimeout: 30_000 }), delayed: new Agent({ connections: 1, keepAliveTimeout: 30_000 }) };
const results = { conformant: [] as ReturnType<typeof compareTimings>[], delayed: [] as ReturnType<typeof compareTimings>[] };
const latencies = { conformant: [] as number[], delayed: [] as number[] };
try {
  for (let n = 0; n < ROUNDS; n++) {
    for (const mode of n % 2 === 0 ? (['conformant', 'delayed'] as const) : (['delayed', 'conformant'] as const)) {
      const { samples, comparison } = await round(servers[mode].port, agents[mode], n);
      results[mode].push(comparison);
      latencies[mode].push(...samples.unknown, ...(mode === 'conformant' ? samples.known : []));
    }
  }
} finally {
  for (const s of Object.values(servers)) s.child.kill('SIGTERM');
  await Promise.all(Object.values(agents).map((a) => a.close()));
}

const fmt = (v: number) => v.toFixed(3);
console.log(`rounds ${ROUNDS} per server, ${PER_CLASS} requests per class per round, defect delay ${DELAY_MS} ms`);
for (const mode of ['conformant', 'delayed'] as const) {
  const verdicts: Record<TimingVerdict, number> = { difference: 0, 'small-difference': 0, 'no-difference': 0 };
  for (const c of results[mode]) verdicts[c.verdict]++;
  const shifts = results[mode].map((c) => c.shiftMs);
  console.log(
    `${mode.padEnd(10)} latency of undelayed answers ms: min ${fmt(Math.min(...latencies[mode]))} median ${fmt(median(latencies[mode]))}` +
      ` | shift ms: min ${fmt(Math.min(...shifts))} median ${fmt(median(shifts))}` +
      ` | verdicts: difference ${verdicts.difference}, small ${verdicts['small-difference']}, none ${verdicts['no-difference']}`,
  );
}
