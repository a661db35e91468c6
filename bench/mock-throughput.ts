/**
 * `npm run bench`: throughput of the LinkFetch mock against a bare node:http server answering a
 * small JSON. Every server runs in its own process (`authconform mock linkfetch --unlimited`, the
 * compiled package, in both dispatch modes; a bare `node:http` script), and the load comes from
 * autocannon in another process (50 connections, keep-alive, DURATION s each, a valid key).
 * Rounds are interleaved (bare, mock, mock via msw, bare, ...); prints every round, then per server
 * the median and range of req/s and of server CPU per request (from /proc), and the median ratios.
 * Needs `npm run build` first. Usage: npx tsx bench/mock-throughput.ts [rounds] [seconds]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../src/spec/bundled.ts';
import { loadSpec } from '../src/spec/load.ts';
import { cpuOf, serve } from './proc.ts';

const ROUNDS = Number(process.argv[2] ?? 5);
const DURATION = Number(process.argv[3] ?? 5);
const CONNECTIONS = 50;
const PATH = '/v1/profiles?url=linkedin.com/in/ada-lovelace';
const BIN = join(repoRoot, 'bin', 'authconform.js');
const AUTOCANNON = join(repoRoot, 'node_modules', 'autocannon', 'autocannon.js');

const BARE = `
const body = JSON.stringify({ name: 'Ada Lovelace', headline: 'Analyst of engines' });
const server = require('node:http').createServer({ keepAlive: true }, (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

interface Sample {
  rps: number;
  requests: number;
  cpuUsPerRequest: number;
}

function load(url: string, pid: number, key: string): Sample {
  const before = cpuOf(pid);
  const r = spawnSync(process.execPath, [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(DURATION), '-j', '-H', `authorization=Bearer ${key}`, url], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const cpu = cpuOf(pid) - before;
  const json = JSON.parse(r.stdout) as { requests: { average: number; total: number }; non2xx: number };
  if (json.non2xx > 0) throw new Error(`${url}: ${json.non2xx} answers were not 2xx`);
  return { rps: json.requests.average, requests: json.requests.total, cpuUsPerRequest: (cpu * 1e6) / json.requests.total };
}

const key = (await loadSpec('linkfetch')).mock.credentials.find((c) => c.role === 'valid')!.value;
const servers = [
  { name: 'bare node:http', ...(await serve(['-e', BARE])), path: '/' },
  { name: 'mock (direct)', ...(await serve([BIN, 'mock', 'linkfetch', '--unlimited'])), path: PATH },
  { name: 'mock (msw)', ...(await serve([BIN, 'mock', 'linkfetch', '--unlimited', '--dispatch', 'msw'])), path: PATH },
];
try {
  const samples = new Map<string, Sample[]>(servers.map((s) => [s.name, []]));
  for (const s of servers) load(s.url + s.path, s.child.pid!, key); // warm-up
  console.log(`node ${process.version}; autocannon ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} interleaved rounds`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const s of servers) {
      const sample = load(s.url + s.path, s.child.pid!, key);
      samples.get(s.name)!.push(sample);
      console.log(`round ${round}  ${s.name.padEnd(15)} ${Math.round(sample.rps).toString().padStart(6)} req/s  server CPU ${sample.cpuUsPerRequest.toFixed(1)} µs/request`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const range = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
  const bare = samples.get('bare node:http')!;
  for (const [name, xs] of samples) {
    const rps = xs.map((x) => x.rps);
    const cpu = xs.map((x) => x.cpuUsPerRequest);
    console.log(
      `${name.padEnd(15)} req/s median ${Math.round(median(rps))} (${range(rps, 0)}), ratio ${(median(rps) / median(bare.map((x) => x.rps))).toFixed(2)}` +
        ` · CPU/request median ${median(cpu).toFixed(1)} µs (${range(cpu, 1)}), ratio ${(median(cpu) / median(bare.map((x) => x.cpuUsPerRequest))).toFixed(2)}`,
    );
  }
} finally {
  for (const s of servers) s.child.kill('SIGTERM');
}
