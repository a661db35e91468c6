/**
 * `authconform mock` started through a wrapper (as npx starts it: npm exec → sh → node) stops
 * and frees its port when the wrapper is killed: the signal is not passed on, so the mock notices
 * that its parent is gone.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/spec/bundled.ts';
import { CLI_ARGS } from '../support/cli-bin.ts';

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

describe('authconform mock under a wrapper process', () => {
  it('stops and frees its port when the wrapper gets SIGTERM', async () => {
    const command = [process.execPath, ...CLI_ARGS, 'mock', 'linkfetch', '--port', '0'].map((a) => `'${a}'`).join(' ');
    // `; true` keeps sh as the parent (no exec of the last command)
    const wrapper = spawn('sh', ['-c', `${command}; true`], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    wrapper.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      wrapper.stdout.on('data', () => {
        const m = / on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      wrapper.once('exit', () => reject(new Error(`the mock did not start: ${out}`)));
    });
    expect(await refused(port)).toBe(false);
    wrapper.kill('SIGTERM');
    // the mock polls its parent every 500 ms; wait for the port to be released
    let freed = false;
    for (let i = 0; i < 100 && !freed; i++) {
      await new Promise((r) => setTimeout(r, 100));
      freed = await refused(port);
    }
    expect(freed).toBe(true);
  }, 60_000);
});
