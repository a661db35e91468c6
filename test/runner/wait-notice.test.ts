import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserConsoleLog } from 'vitest';
import ConsoleReporter from '../../reporters/console-reporter.ts';
import { announceWait, waitNoticeLine } from '../../src/runner/wait-notice.ts';

afterEach(() => vi.restoreAllMocks());

describe('wait notices', () => {
  it('announces a wait longer than 2 s, as one console line the console reporter prints', () => {
    const logged: string[] = [];
    vi.spyOn(console, 'info').mockImplementation((text: string) => void logged.push(text));
    announceWait({ where: 'linkt › rate-limits', ms: 38_200, what: 'the rate-limit window (Reset)' });
    announceWait({ where: 'linkt › rate-limits', ms: 2_000, what: 'the rate-limit window (Reset)' });
    expect(logged).toHaveLength(1);
    expect(waitNoticeLine(logged[0]!)).toBe('  linkt › rate-limits  waiting 39 s for the rate-limit window (Reset)');

    const out: string[] = [];
    const reporter = new ConsoleReporter({ write: (line) => out.push(line), color: false, secrets: [] });
    reporter.onUserConsoleLog({ content: `${logged[0]!}\n`, type: 'stdout', time: 0, size: 1 } as UserConsoleLog);
    reporter.onUserConsoleLog({ content: 'a test of its own logging\n', type: 'stdout', time: 0, size: 1 } as UserConsoleLog);
    expect(out).toEqual(['  linkt › rate-limits  waiting 39 s for the rate-limit window (Reset)']);
  });

  it('announces a long exhaustion about to start with its estimated minutes', () => {
    const logged: string[] = [];
    vi.spyOn(console, 'info').mockImplementation((text: string) => void logged.push(text));
    announceWait({ where: 'linkt › rate-limits', ms: 17 * 60_000, what: 'exhaust the P1D limit (1000 requests at 60 per PT1M)', doing: 'spending' });
    expect(logged.map((l) => waitNoticeLine(l))).toEqual(['  linkt › rate-limits  about 17 min to exhaust the P1D limit (1000 requests at 60 per PT1M)']);
  });
});
