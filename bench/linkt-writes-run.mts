/**
 * Issue 13 cause 3, done-when: a run with writes allowed and quotas not spent (`--writes`, not
 * `--spend-quota`) completes the Linkt catalogue against a 60/min, 1,000/day target. Runs the
 * second Linkt reading (test/independent/second/linkt-server.ts, its own process-level server)
 * through the real run path, a few interleaved rounds of `writes` vs `destructive` with a 5 s wait
 * bound, and prints min and median wall time of each. Usage: npx tsx bench/linkt-writes-run.mts [rounds]
 */
import { runBatch } from '../test/independent/second/harness.ts';
import { fixturesOf, linktReading } from '../test/independent/second/readings.ts';

const rounds = Number(process.argv[2] ?? 3);
const kinds = { writes: { writes: true }, destructive: { destructive: true } } as const;
const times: Record<keyof typeof kinds, number[]> = { writes: [], destructive: [] };
for (let i = 0; i < rounds; i++) {
  for (const kind of (i % 2 === 0 ? ['writes', 'destructive'] : ['destructive', 'writes']) as Array<keyof typeof kinds>) {
    const t = performance.now();
    const v = await runBatch('linkt', fixturesOf('linkt'), [{ name: 'conformant', start: () => linktReading() }], { ...kinds[kind] });
    const ms = performance.now() - t;
    times[kind].push(ms);
    const cases = v.get('conformant')!.cases;
    const daily = cases.find((c) => / per day /.test(c.name));
    console.log(`${kind}: ${Math.round(ms)} ms, ${cases.length} cases, daily case ${daily?.status}`);
  }
}
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${Math.round(s[0]!)} ms, median ${Math.round(s[Math.floor(s.length / 2)]!)} ms`;
};
for (const [k, xs] of Object.entries(times)) console.log(`${k}: ${stat(xs)} over ${xs.length} rounds`);
