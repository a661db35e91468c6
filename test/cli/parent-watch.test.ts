/**
 * `authconform mock` stops and frees its port when what started it is gone, in the process trees
 * `npx` and CI runners make: the shell between npm and node killed outright (the mock orphaned),
 * npm killed outright (the shell orphaned, the mock's parent alive), and the parent dead but never
 * reaped (a zombie, which `kill(pid, 0)` still reports alive).
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ARGS } from '../support/cli-bin.ts';
import { tempDir } from '../support/temp-dir.ts';

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const MOCK = [process.execPath, ...CLI_ARGS, 'mock', 'linkfetch', '--port', '0'].map(quote).join(' ');

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** runs `sh -c script` in its own process group; resolves with the shell's PID and the mock's port */
function startTree(script: string): Promise<{ pid: number; port: number }> {
  const sh = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(sh.pid!);
  let out = '';
  return new Promise((resolve, reject) => {
    sh.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = / on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ pid: sh.pid!, port: Number(m[1]) });
    });
    sh.once('exit', () => setTimeout(() => reject(new Error(`the mock did not start: ${out}`)), 100));
  });
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

/** polls until the port refuses connections; no time limit of its own (the test's timeout is the bound) */
async function untilFreed(port: number): Promise<true> {
  while (!(await refused(port))) await new Promise((r) => setTimeout(r, 100));
  return true;
}

// POSIX process trees (sh, signals, /proc or kill -0): not run on Windows, where none of these exist
describe.skipIf(process.platform === 'win32')(`authconform mock outlives nothing that started it${process.platform === 'win32' ? ' (skipped: needs POSIX sh and signals)' : ''}`, () => {
  it('the shell between npm and the mock is killed (the mock is orphaned)', async () => {
    const { pid, port } = await startTree(`${MOCK}; :`);
    expect(await refused(port)).toBe(false);
    process.kill(pid, 'SIGKILL');
    expect(await untilFreed(port)).toBe(true);
  }, 60_000);

  it("npm is killed and the shell stays (the mock's parent is alive, orphaned)", async () => {
    const { pid, port } = await startTree(`sh -c ${quote(`${MOCK}; :`)}; :`);
    expect(await refused(port)).toBe(false);
    process.kill(pid, 'SIGKILL');
    expect(await untilFreed(port)).toBe(true);
  }, 60_000);

  it('the parent exits and is never reaped (a zombie)', async () => {
    // the outer shell becomes `sleep`, which never waits for the inner shell; the inner shell exits
    // once the mock has printed its URL and stays a zombie while the mock runs
    const log = join(tempDir('ac-zombie-'), 'mock.out');
    const inner = `${MOCK} > ${quote(log)} & until grep -q ' on http' ${quote(log)}; do sleep 0.1; done; cat ${quote(log)}; exit 0`;
    const { port } = await startTree(`sh -c ${quote(inner)} & exec sleep 120`);
    expect(await untilFreed(port)).toBe(true);
  }, 60_000);
});
