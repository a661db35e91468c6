/**
 * Hostile targets through the real `run` path (`main(['run', ...])`): servers that never answer,
 * stall, drip, reset, cut the body, send 50 MB, invalid JSON, an HTML error page, redirects
 * (another origin, plain http, a loop), 500s, an untrusted certificate, a port with nothing
 * listening, and bytes that are not HTTP. In every case the affected cases fail with a one-line
 * reason naming what gave out (which timer fired, which limit was hit), the run finishes (vitest's
 * test timeout is the hang guard: no wall-clock bound is asserted, the suite runs on loaded
 * machines), sends exactly one request per case, exits 1, leaves no unhandled rejection and no
 * stack trace, and the credential never reaches anything it should not.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/spec/bundled.ts';
import { junitCases, type JunitCaseResult } from './support/junit.ts';
import { canaryKey, cli, FIXTURES, HOSTILE_SPEC, STACK_LINE, removeTempDirs, tempDir, watchingRejections } from './support/run.ts';
import { freePort, makeSelfSigned, startHttp, startHttps, startTcp, type Hostile, type SelfSigned } from './support/servers.ts';
import { CLI_ARGS } from '../support/cli-bin.ts';

afterAll(removeTempDirs);

/**
 * --timeout of the scenarios about timers: short enough that they give out quickly, long enough that
 * a loaded machine's stalls do not move the expiry to another phase (at 500 ms, load ~30 made a
 * stalled body read as missing headers and a dripping body as a stalled one)
 */
const TIMEOUT_MS = 2_000;
/**
 * --timeout of every other scenario: a target that answers at once must never be timed out, even
 * when a loaded machine stalls the run for longer than TIMEOUT_MS (it did: "no response headers
 * within 500 ms" for a redirect served at once)
 */
const ANSWERING_TIMEOUT_MS = 30_000;
/** the transport's overall deadline of one request: 2 × --timeout */
const DEADLINE_MS = 2 * TIMEOUT_MS;
/** the hang guard of one run: vitest fails the test if a run has not finished by then */
const RUN_GUARD_MS = 180_000;
/** the cases of acme-hostile.yaml, in plan order, and the request each sends */
const CASES = [
  { id: 'ACME-AUTH-01', note: 'valid credential' },
  { id: 'ACME-AUTH-02', note: 'no credentials' },
  { id: 'ACME-AUTH-02', note: 'valid key in the undocumented Authorization header' },
] as const;
const LABEL = 'GET /v1/widgets';
const MB = 1024 * 1024;

interface Started {
  server: Hostile;
  /** the failure reason of each case, in plan order */
  reasons: Array<string | RegExp>;
  /** what else must hold afterwards (at the server, in the evidence) */
  check?: (cases: JunitCaseResult[]) => void;
}

interface Scenario {
  name: string;
  /** --timeout for the run: TIMEOUT_MS where a timer is what the scenario is about */
  timeoutMs?: number;
  start(): Promise<Started>;
}

const same = (reason: string | RegExp): Array<string | RegExp> => CASES.map(() => reason);
/** the probes' verdict for a status the API does not document, per case */
const unexpectedStatus = (status: number, accepted = `Expected 200, got ${status}`): string[] => [
  `${accepted} for ${LABEL} (valid credential)`,
  `Expected 401 with code missing_key, got ${status} for ${LABEL} (no credentials)`,
  `Expected 401 with code missing_key, got ${status} for ${LABEL} (valid key in the undocumented Authorization header)`,
];

function json(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

let tls: SelfSigned;
/** where redirects point: nothing may ever arrive here */
let trap: Hostile;

beforeAll(async () => {
  tls = await makeSelfSigned();
  trap = await startHttp((_req, res) => json(res, 200, '{"widgets":[]}'));
});

afterAll(async () => {
  await trap?.close();
  if (tls !== undefined) rmSync(tls.dir, { recursive: true, force: true });
});

const SCENARIOS: Scenario[] = [
  {
    name: 'never answers',
    timeoutMs: TIMEOUT_MS,
    async start() {
      const server = await startHttp(() => undefined);
      return { server, reasons: same(`no response headers within ${TIMEOUT_MS} ms for ${LABEL}`) };
    },
  },
  {
    name: 'sends headers, then stalls',
    timeoutMs: TIMEOUT_MS,
    async start() {
      const server = await startHttp((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"widg');
      });
      return { server, reasons: same(`response body stalled for more than ${TIMEOUT_MS} ms for ${LABEL}`) };
    },
  },
  {
    name: 'drips the body one byte at a time',
    timeoutMs: TIMEOUT_MS,
    async start() {
      const server = await startHttp((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        // a byte every 20 ms: never idle long enough for the body timeout, never finished
        const drip = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(drip));
      });
      const port = server.port;
      return {
        server,
        reasons: same(`response body from 127.0.0.1:${port} not complete within the ${DEADLINE_MS} ms overall deadline for ${LABEL}`),
      };
    },
  },
  {
    name: 'resets the connection',
    async start() {
      const server = await startHttp((req) => req.socket.resetAndDestroy());
      // an RST is ECONNRESET; undici may see the close first and call it UND_ERR_SOCKET
      const reason = new RegExp(
        `^connection to 127\\.0\\.0\\.1:${server.port} closed before response headers were received \\((ECONNRESET|UND_ERR_SOCKET)\\) for GET /v1/widgets$`,
      );
      return { server, reasons: same(reason) };
    },
  },
  {
    name: 'closes the connection mid-body',
    async start() {
      const server = await startHttp((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"widgets":[', () => req.socket.destroy());
      });
      return { server, reasons: same(`connection closed before the body was complete for ${LABEL}`) };
    },
  },
  {
    name: 'sends a 50 MB body',
    async start() {
      const streams: Array<{ sent: number; finished: boolean }> = [];
      const server = await startHttp((_req, res) => {
        const stream = { sent: 0, finished: false };
        streams.push(stream);
        res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length to refuse up front
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = (): void => {
          while (stream.sent < 50 * MB && !res.destroyed) {
            stream.sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!res.destroyed) {
            stream.finished = true;
            res.end();
          }
        };
        pump();
      });
      return {
        server,
        reasons: same(`response body exceeded 1048576 bytes for ${LABEL}`),
        check() {
          // the client stopped reading at the cap: no stream got anywhere near 50 MB
          expect(streams).toHaveLength(CASES.length);
          for (const s of streams) {
            expect(s.finished).toBe(false);
            expect(s.sent).toBeLessThan(16 * MB);
          }
        },
      };
    },
  },
  {
    name: 'sends invalid JSON under application/json',
    async start() {
      const server = await startHttp((_req, res) => json(res, 200, '{"widgets": [1, 2,'));
      return {
        server,
        reasons: unexpectedStatus(
          200,
          'Expected 200 with a body matching the listWidgets response schema, got 200 (body is not valid JSON: unexpected end of input (18 bytes))',
        ),
      };
    },
  },
  {
    name: 'sends an HTML error page',
    async start() {
      const page = [
        '<!DOCTYPE html>',
        '<html><head><title>502 Bad Gateway</title></head>',
        '<body><h1>Bad Gateway</h1><pre>Error: upstream timed out',
        '    at Proxy.forward (/srv/gateway/proxy.js:120:11)</pre></body></html>',
      ].join('\n');
      const server = await startHttp((_req, res) => {
        res.writeHead(502, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      });
      return {
        server,
        reasons: unexpectedStatus(502),
        check(cases) {
          // the page is evidence, every line marked as the target's: its stack never reads as ours
          expect(cases[0]!.failureText).toContain('\n< <!DOCTYPE html>\n');
          expect(cases[0]!.failureText).toContain('\n<     at Proxy.forward (/srv/gateway/proxy.js:120:11)</pre></body></html>');
        },
      };
    },
  },
  {
    name: 'redirects to another origin',
    async start() {
      const server = await startHttp((req, res) => {
        res.writeHead(302, { location: `${trap.url}${req.url ?? '/'}` });
        res.end();
      });
      return {
        server,
        reasons: unexpectedStatus(302),
        check(cases) {
          expect(trap.seen).toEqual([]);
          expect(cases[0]!.failureText).toMatch(new RegExp(`\\n< location: ${trap.url}/v1/widgets$`));
        },
      };
    },
  },
  {
    name: 'redirects in a loop',
    async start() {
      const server = await startHttp((req, res) => {
        res.writeHead(307, { location: req.url ?? '/' });
        res.end();
      });
      return {
        server,
        reasons: unexpectedStatus(307),
        // one request per case: the redirect is reported, never followed
        check: () => expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual(CASES.map(() => 'GET /v1/widgets')),
      };
    },
  },
  {
    name: 'answers 500',
    async start() {
      const server = await startHttp((_req, res) => json(res, 500, '{"error":"internal"}'));
      return { server, reasons: unexpectedStatus(500) };
    },
  },
  {
    name: 'serves TLS with an untrusted self-signed certificate',
    async start() {
      const server = await startHttps((_req, res) => json(res, 200, '{"widgets":[]}'), tls);
      return {
        server,
        reasons: same(`TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT) for ${LABEL}`),
        // the handshake failed, so no request (and no key) ever reached the server
        check: () => expect(server.seen).toEqual([]),
      };
    },
  },
  {
    name: 'has nothing listening on the port',
    async start() {
      const port = await freePort();
      const server: Hostile = { url: `http://127.0.0.1:${port}`, port, connections: 0, seen: [], close: async () => undefined };
      return { server, reasons: same(`connection refused by 127.0.0.1:${port} for ${LABEL}`) };
    },
  },
  {
    name: 'answers with bytes that are not HTTP',
    async start() {
      const server = await startTcp((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n')));
      return { server, reasons: same(`invalid HTTP response from 127.0.0.1:${server.port} (HTTPParserError) for ${LABEL}`) };
    },
  },
];

describe.concurrent('hostile targets: every case fails with a one-line reason, the run finishes, exit 1', () => {
  it.each(SCENARIOS)('$name', async (scenario) => {
    const { server, reasons, check } = await scenario.start();
    try {
      const junit = join(tempDir('hostile'), 'junit.xml');
      const key = canaryKey();
      const { value: run, rejections } = await watchingRejections(() =>
        cli(
          ['run', HOSTILE_SPEC, '--target', server.url, '--fixtures', FIXTURES, '--timeout', String(scenario.timeoutMs ?? ANSWERING_TIMEOUT_MS), '--junit', junit, '--allow-live', '--no-color'],
          { HOSTILE_VALID_KEY: key },
        ),
      );
      expect(rejections).toEqual([]);
      expect(run.stderr).toEqual([]);
      expect(run.code).toBe(1);

      const cases = junitCases(junit);
      const expected = reasons.map((r) => (typeof r === 'string' ? r : expect.stringMatching(r)));
      expect(cases.map((c) => c.failure)).toEqual(expected);
      // the console says the same, one line per case
      expect(run.stdout.filter((l) => l.startsWith('    ✗ '))).toEqual(cases.map((c, i) => `    ✗ ${CASES[i]!.id} MUST  ${c.failure}`));
      // the run went on to the end: the totals and the JUnit line
      // one request per case, none retried
      expect(run.stdout.at(-2)).toMatch(new RegExp(`^total: 0 passed, 3 failed, 0 warnings, 0 skipped · ${CASES.length} requests · `));
      expect(run.stdout.at(-1)).toBe(`JUnit: ${junit}`);

      const xml = readFileSync(junit, 'utf8');
      for (const text of [run.stdout.join('\n'), xml]) {
        expect(text).not.toMatch(STACK_LINE);
        expect(text).not.toContain(key);
      }
      check?.(cases);
    } finally {
      await server.close();
    }
  }, RUN_GUARD_MS);
});

describe('hostile targets through the binary', () => {
  // NODE_EXTRA_CA_CERTS is read when node starts: the trusted-TLS target needs a process of its own
  it('an https target (trusted) that redirects to plain http: reported, never followed, exit 1', async () => {
    const server = await startHttps((req, res) => {
      res.writeHead(301, { location: `${trap.url}${req.url ?? '/'}` });
      res.end();
    }, tls);
    try {
      const junit = join(tempDir('plain-redirect'), 'junit.xml');
      const key = canaryKey();
      const child = spawn(
        process.execPath,
        [...CLI_ARGS, 'run', HOSTILE_SPEC, '--target', server.url, '--fixtures', FIXTURES,
          '--timeout', String(ANSWERING_TIMEOUT_MS), '--junit', junit, '--allow-live', '--no-color'],
        { cwd: repoRoot, env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: tls.certFile, HOSTILE_VALID_KEY: key } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(junitCases(junit).map((c) => c.failure)).toEqual(unexpectedStatus(301));
      expect(server.seen).toHaveLength(CASES.length); // TLS was trusted: the requests arrived
      expect(trap.seen).toEqual([]);
      const xml = readFileSync(junit, 'utf8');
      expect(junitCases(junit)[0]!.failureText).toMatch(new RegExp(`\\n< location: ${trap.url}/v1/widgets$`));
      for (const text of [stdout, stderr, xml]) {
        expect(text).not.toMatch(STACK_LINE);
        expect(text).not.toContain(key);
      }
      expect(stdout).toMatch(new RegExp(`\\ntotal: 0 passed, 3 failed, 0 warnings, 0 skipped · ${CASES.length} requests · `));
    } finally {
      await server.close();
    }
  }, RUN_GUARD_MS);
});
