/**
 * The mock clock: `clockStart + real time elapsed since the start (or last reset) + advanced offset`.
 *
 * It moves with real time so that rate-limit windows reset for a client developing against
 * `authconform mock`, and jumps forward through the control API (`POST /__authconform/clock`) so
 * probes can cross grace windows and token lifetimes without waiting. Everything time-dependent in
 * the mock (rate-limit windows, grace windows, token expiry, the `Date` header) reads this clock.
 */
export class MockClock {
  readonly startMs: number;
  private realStart: number;
  private offsetMs = 0;

  constructor(
    startMs: number,
    private readonly realNow: () => number = () => performance.now(),
  ) {
    this.startMs = startMs;
    this.realStart = realNow();
  }

  /** the time the clock stands at while frozen */
  private frozenAt: number | undefined;

  /** current mock time, ms since the epoch (integer) */
  now(): number {
    if (this.frozenAt !== undefined) return this.frozenAt;
    return Math.floor(this.startMs + (this.realNow() - this.realStart) + this.offsetMs);
  }

  /** moves the clock forward by `ms` (negative values are refused by the control API) */
  advance(ms: number): number {
    this.offsetMs += ms;
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    return this.now();
  }

  /** stops real time from moving the clock (only `advance` moves it) until the next reset */
  freeze(): number {
    this.frozenAt = this.now();
    return this.frozenAt;
  }

  /** back to `startMs`, real time counted from now, not frozen */
  reset(): void {
    this.realStart = this.realNow();
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }
}
