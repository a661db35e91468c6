/**
 * Progress people can see (issue 15 item 7): a wait longer than 2 s on a terminal is one line
 * rewritten in place once a second (carriage return, clear line) and cleared by the next line;
 * with NO_COLOR, --no-color, or stdout not a terminal it is one line per wait. Driven through a
 * pseudo-TTY stand-in (a stream with isTTY = true) and fake timers: the exact bytes, no clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserConsoleLog } from 'vitest';
import ConsoleReporter, { CLEAR_LINE } from '../../reporters/console-reporter.ts';
import { liveOf } from '../../src/cli/main.ts';
import { liveOutput } from '../../src/runner/run-conformance.ts';
import { SecretSet } from '../../src/secrets/index.ts';

/** a terminal as the process has it: isTTY and write(), every byte kept */
class FakeTty {
  readonly isTTY = true;
  bytes = '';
  write(text: string): boolean {
    this.bytes += text;
    return true;
  }
}

const notice = (ms: number): UserConsoleLog =>
  ({ content: `\u0000authconform-wait ${JSON.stringify({ where: 'linkt › rate-limits', ms, what: 'the rate-limit window (Reset)' })}\n`, type: 'stdout', time: 0, size: 1 }) as UserConsoleLog;

const DIM = (text: string): string => `\u001b[2m${text}\u001b[22m`;
const waiting = (s: number): string => `${CLEAR_LINE}${DIM(`  linkt › rate-limits  waiting ${s} s for the rate-limit window (Reset)`)}`;

describe('a wait on a terminal', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('is one line counted down in place once a second, and cleared before the next line', () => {
    const tty = new FakeTty();
    const lines: string[] = [];
    const reporter = new ConsoleReporter({ write: (line) => lines.push(line), color: true, live: tty });
    reporter.onUserConsoleLog(notice(3_200));
    expect(tty.bytes).toBe(waiting(4));
    vi.advanceTimersByTime(1_000);
    expect(tty.bytes).toBe(waiting(4) + waiting(3));
    vi.advanceTimersByTime(5_000);
    // 2.2 s, 1.2 s, then the last second: the countdown stops at 1 s
    expect(tty.bytes).toBe(waiting(4) + waiting(3) + waiting(2) + waiting(1));
    expect(vi.getTimerCount()).toBe(0);
    expect(lines).toEqual([]);
    reporter.onTestRunEnd([], [], 'passed');
    expect(tty.bytes).toBe(waiting(4) + waiting(3) + waiting(2) + waiting(1) + CLEAR_LINE);
  });

  it('a second wait replaces the first; a short one (2 s or less) is not shown', () => {
    const tty = new FakeTty();
    const reporter = new ConsoleReporter({ write: () => {}, color: true, live: tty });
    reporter.onUserConsoleLog(notice(60_000));
    vi.advanceTimersByTime(1_000);
    reporter.onUserConsoleLog(notice(2_500));
    expect(tty.bytes).toBe(waiting(60) + waiting(59) + CLEAR_LINE + waiting(3));
    expect(vi.getTimerCount()).toBe(1);
    reporter.onTestRunEnd([], [], 'passed');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('without a terminal: one line per wait, nothing rewritten', () => {
    const lines: string[] = [];
    const reporter = new ConsoleReporter({ write: (line) => lines.push(line), color: false });
    reporter.onUserConsoleLog(notice(39_000));
    vi.advanceTimersByTime(10_000);
    expect(lines).toEqual(['  linkt › rate-limits  waiting 39 s for the rate-limit window (Reset)']);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('who gets the terminal', () => {
  it('stdout that is a TTY writes in place, masked; a file or a pipe does not', () => {
    const tty = new FakeTty();
    const secrets = new SecretSet(['sk_live_4eC39HqLyjWDarjtT1zdp7dc']);
    liveOf(tty, secrets).live!(`${CLEAR_LINE}key sk_live_4eC39HqLyjWDarjtT1zdp7dc`);
    expect(tty.bytes.startsWith(CLEAR_LINE)).toBe(true);
    expect(tty.bytes).not.toContain('4eC39HqLyjWDarjtT1zdp7dc');
    expect(liveOf({ isTTY: false, write: () => true }, secrets)).toEqual({});
    expect(liveOf({ write: () => true }, secrets)).toEqual({});
  });

  it('--no-color and NO_COLOR turn the in-place line off: one line per wait then', () => {
    const written: string[] = [];
    const live = (text: string): void => {
      written.push(text);
    };
    liveOutput({}, { live, env: {} }).live?.write('line 1');
    expect(liveOutput({ color: false }, { live, env: {} })).toEqual({});
    expect(liveOutput({}, { live, env: { NO_COLOR: '1' } })).toEqual({});
    // an empty NO_COLOR does not count (no-color.org)
    liveOutput({}, { live, env: { NO_COLOR: '' } }).live?.write('line 2');
    expect(written).toEqual(['line 1', 'line 2']);
    expect(liveOutput({}, { env: {} })).toEqual({});
  });
});
