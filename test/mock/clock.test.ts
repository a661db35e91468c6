/** The mock clock and the fixed-window rate limiter, with an injected real-time source. */
import { describe, expect, it } from 'vitest';
import { MockClock } from '../../src/mock/clock.ts';
import { RateLimiter } from '../../src/mock/rate-limiter.ts';

describe('MockClock', () => {
  it('is clockStart + real time elapsed + advanced offset; reset restarts from clockStart', () => {
    let real = 1_000;
    const clock = new MockClock(Date.parse('2026-01-15T10:00:00Z'), () => real);
    expect(new Date(clock.now()).toISOString()).toBe('2026-01-15T10:00:00.000Z');
    real += 2_500;
    expect(new Date(clock.now()).toISOString()).toBe('2026-01-15T10:00:02.500Z');
    expect(new Date(clock.advance(86_399_000)).toISOString()).toBe('2026-01-16T10:00:01.500Z');
    clock.reset();
    expect(new Date(clock.now()).toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });
});

describe('RateLimiter', () => {
  const limits = {
    windows: [
      { id: 'm', max: 2, windowMs: 60_000, headers: true },
      { id: 'd', max: 3, windowMs: 86_400_000, headers: false },
    ],
  };
  const start = Date.parse('2026-01-15T10:00:00Z');

  it('counts per key in windows aligned to the clock, and refused requests do not count', () => {
    const rl = new RateLimiter();
    const mode = { never: false, sticky: false };
    const at = (ms: number, key = 'a') => rl.take(key, limits, start + ms, mode);
    expect([at(0), at(10_000), at(20_000), at(0, 'b')].map((d) => [d.limited, d.limit, d.remaining, d.resetAt - start])).toEqual([
      [false, 2, 1, 60_000],
      [false, 2, 0, 60_000],
      [true, 2, 0, 60_000],
      [false, 2, 1, 60_000],
    ]);
    expect([at(60_000).limited, at(60_001).limited]).toEqual([false, true]);
    // the day budget (3) is used up: limited until the end of the day, whatever the minute window says
    const d = at(120_000);
    expect([d.limited, d.remaining, d.resetAt]).toEqual([true, 0, Date.parse('2026-01-16T00:00:00Z')]);
  });

  it('holds any windows at once (PT1S, PT1H) and reports the one marked for the headers', () => {
    const rl = new RateLimiter();
    const mode = { never: false, sticky: false };
    const hourly = {
      windows: [
        { id: 's', max: 2, windowMs: 1000, headers: false },
        { id: 'h', max: 3, windowMs: 3_600_000, headers: true },
      ],
    };
    const at = (ms: number) => rl.take('a', hourly, start + ms, mode);
    expect([at(0), at(10), at(20), at(1000), at(2000)].map((d) => [d.limited, d.limit, d.remaining, d.resetAt - start])).toEqual([
      [false, 3, 2, 3_600_000],
      [false, 3, 1, 3_600_000],
      // the per-second window is used up: limited until the second ends, the hour's budget untouched
      [true, 3, 0, 1000],
      [false, 3, 0, 3_600_000],
      [true, 3, 0, 3_600_000],
    ]);
  });

  it('never refuses in `never` mode; stays limited in `sticky` mode', () => {
    const never = new RateLimiter();
    expect([0, 1, 2, 3].map((i) => never.take('a', limits, start + i, { never: true, sticky: false }).limited)).toEqual([false, false, false, false]);
    const sticky = new RateLimiter();
    const mode = { never: false, sticky: true };
    [0, 1, 2].forEach((i) => sticky.take('a', limits, start + i, mode));
    expect(sticky.take('a', limits, start + 61_000, mode).limited).toBe(true);
  });
});
