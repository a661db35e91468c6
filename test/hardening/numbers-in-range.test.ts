/**
 * Red team B8/B9: numbers that reach a timer or a Date. `--timeout 2147483648` or a huge
 * `--max-wait` was accepted and every case failed at once (Node timers overflow past 2^31-1 ms);
 * `POST /__authconform/clock {"advanceMs":1e308}` answered 200 and every later response carried
 * `Date: Invalid Date`. Now: exit 2 with one line, or 400 with one line.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.ts';
import { startMock } from '../../src/mock/server.ts';
import { caseTimeoutMs } from '../../src/runner/options.ts';
import { resolveTransportOptions } from '../../src/transport/defaults.ts';
import { cli } from './support/run.ts';

describe('B8: duration and count options are integers a timer can hold', () => {
  it.each([
    [['--timeout', '2147483648'], '--timeout must be an integer from 1 to 2147483647, got "2147483648"'],
    [['--max-wait', '99999999999999'], '--max-wait must be an integer from 0 to 2147483647, got "99999999999999"'],
    [['--timeout', '0'], '--timeout must be an integer from 1 to 2147483647, got "0"'],
    [['--timeout', '1e3'], '--timeout must be an integer from 1 to 2147483647, got "1e3"'],
    [['--concurrency', '100000'], '--concurrency must be an integer from 1 to 1024, got "100000"'],
    [['--max-requests', '1.5'], '--max-requests must be an integer ≥ 0, got "1.5"'],
  ])('run linkfetch %j → exit 2, one line', async (args, message) => {
    const run = await cli(['run', 'linkfetch', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^authconform: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; usage: `));
  });

  it('mock --port 70000 → exit 2, one line', async () => {
    const run = await cli(['mock', 'linkfetch', '--port', '70000']);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/^authconform: --port must be an integer from 0 to 65535, got "70000"; usage: /);
  });

  it('the largest valid options never make a timer past 2^31-1 ms (the case timeout and the transport deadline are capped)', () => {
    expect(caseTimeoutMs({ maxWaitMs: 2 ** 31 - 1, timeoutMs: 2 ** 31 - 1 })).toBe(2 ** 31 - 1);
    expect(resolveTransportOptions({ timeoutMs: 2 ** 31 - 1 }).deadlineMs).toBe(2 ** 31 - 1);
  });
});

describe('B9: the mock clock moves only within what a Date can show', () => {
  it.each([1e308, -1, 1.5, 'soon', 8.64e15])('advanceMs %j → 400 with one line; the Date header stays valid', async (advanceMs) => {
    const mock = await startMock(await loadSpec('linkfetch'), { port: 0, control: true });
    try {
      const res = await fetch(`${mock.url}/__authconform/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs }) });
      const body = (await res.json()) as { error?: { message?: string } } & Record<string, unknown>;
      expect(res.status).toBe(400);
      expect(JSON.stringify(body)).toMatch(/advanceMs must be an integer from 0 to \d+ \(ms the clock moves, within what a Date can show\)/);
      const after = await fetch(`${mock.url}/__authconform/clock`);
      expect(after.status).toBe(200);
      const date = after.headers.get('date') ?? '';
      expect(Number.isNaN(Date.parse(date))).toBe(false);
      expect(date).not.toContain('Invalid');
    } finally {
      await mock.close();
    }
  });
});
