import { describe, expect, it } from 'vitest';
import {
  formatHttpDate,
  isImfFixdate,
  isStrictRetryAfter,
  parseHttpDate,
  parseRetryAfter,
} from '../../src/transport/http-date.ts';
import { resetDelaySeconds } from '../../src/transport/reset.ts';

const T = Date.UTC(1994, 10, 6, 8, 49, 37); // Sun, 06 Nov 1994 08:49:37 GMT

describe('parseHttpDate', () => {
  it('accepts the three formats of RFC 9110', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(T);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(2025, 0, 1))).toBe(T);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(T);
  });

  it('reads a two-digit RFC 850 year more than 50 years ahead as the previous century', () => {
    const now = Date.UTC(2025, 0, 1);
    const year = (v: string): number => new Date(parseHttpDate(v, now) ?? NaN).getUTCFullYear();
    expect(year('Tuesday, 01-Jan-75 00:00:00 GMT')).toBe(2075); // exactly 50 years ahead: kept
    expect(year('Thursday, 01-Jan-76 00:00:00 GMT')).toBe(1976); // more than 50 years ahead: last century
    expect(new Date(parseHttpDate('Monday, 01-Jan-80 00:00:00 GMT', now) ?? NaN).getUTCFullYear()).toBe(1980);
    expect(new Date(parseHttpDate('Tuesday, 01-Jan-30 00:00:00 GMT', now) ?? NaN).getUTCFullYear()).toBe(2030);
  });

  it('rejects what is not an HTTP-date', () => {
    expect(parseHttpDate('')).toBeUndefined();
    expect(parseHttpDate('2024-01-01T00:00:00Z')).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 UTC')).toBeUndefined();
    expect(parseHttpDate('Sun, 30 Feb 1994 08:49:37 GMT')).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Nov 1994 24:00:00 GMT')).toBeUndefined();
    expect(parseHttpDate('Xyz, 06 Nov 1994 08:49:37 GMT')).toBeUndefined();
  });

  it('formats IMF-fixdate', () => {
    expect(formatHttpDate(T)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
    expect(isImfFixdate(formatHttpDate(T))).toBe(true);
  });
});

describe('Retry-After', () => {
  it('parses delay-seconds', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });

  it('measures an HTTP-date against the response Date, not the local clock', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:50:37 GMT', T)).toBe(60);
    expect(parseRetryAfter('Sun Nov  6 08:49:47 1994', T)).toBe(10);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:30 GMT', T)).toBe(0); // in the past
  });

  it('falls back to the local clock without a Date header', () => {
    const inOneMinute = formatHttpDate(Math.ceil(Date.now() / 1000) * 1000 + 60_000);
    const s = parseRetryAfter(inOneMinute);
    expect(s !== undefined && s >= 59 && s <= 61).toBe(true);
  });

  it('returns undefined for garbage', () => {
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-5')).toBeUndefined();
    expect(parseRetryAfter('1.5')).toBeUndefined();
  });

  it('isStrictRetryAfter: 1*DIGIT or IMF-fixdate only', () => {
    expect(isStrictRetryAfter('120')).toBe(true);
    expect(isStrictRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(true);
    expect(isStrictRetryAfter('Mon, 06 Nov 1994 08:49:37 GMT')).toBe(false); // wrong day name
    expect(isStrictRetryAfter('sun, 06 nov 1994 08:49:37 GMT')).toBe(false); // case-sensitive
    expect(isStrictRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(false); // obsolete
    expect(isStrictRetryAfter('Sun Nov  6 08:49:37 1994')).toBe(false); // obsolete
    expect(isStrictRetryAfter(' 120')).toBe(false);
    expect(isStrictRetryAfter('1.5')).toBe(false);
    expect(isStrictRetryAfter('')).toBe(false);
  });
});

describe('resetDelaySeconds', () => {
  it('delta-seconds are taken as is', () => {
    expect(resetDelaySeconds('30', 'delta-seconds', undefined)).toBe(30);
    expect(resetDelaySeconds('0', 'delta-seconds', T)).toBe(0);
  });

  it('epoch-seconds are measured against the response Date', () => {
    expect(resetDelaySeconds(String(T / 1000 + 42), 'epoch-seconds', T)).toBe(42);
    expect(resetDelaySeconds(String(T / 1000 - 10), 'epoch-seconds', T)).toBe(0);
  });

  it('epoch-seconds fall back to the local clock without a Date header', () => {
    const s = resetDelaySeconds(String(Math.floor(Date.now() / 1000) + 100), 'epoch-seconds', undefined);
    expect(s !== undefined && s > 98 && s <= 100).toBe(true);
  });

  it('rejects non-numbers', () => {
    expect(resetDelaySeconds('soon', 'delta-seconds', undefined)).toBeUndefined();
    expect(resetDelaySeconds('-1', 'epoch-seconds', T)).toBeUndefined();
    expect(resetDelaySeconds('', 'delta-seconds', T)).toBeUndefined();
  });
});
