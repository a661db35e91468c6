/**
 * The time the example servers read. A run against a real target uses the wall clock; the
 * self-tests pass a manual clock and move it (no sleeps, no timed assertions).
 */
export interface Clock {
  now(): number;
}

export const wallClock: Clock = { now: () => Date.now() };

/** A clock that stands still until it is moved. */
export class ManualClock implements Clock {
  constructor(private t: number = Date.UTC(2026, 0, 15, 10, 17, 23)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
}

/** The HTTP Date of `ms` (RFC 9110 IMF-fixdate), so responses date themselves by the server's clock. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString();
