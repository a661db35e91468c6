/**
 * The mock's lockout (x-authconform.lockout): refused credentials are counted in a sliding window;
 * once `after` of them fall within `within`, every request with a credential is refused with the
 * lockout error until `lasts` has passed. Numbers: mock.lockout where the docs give none, else the
 * spec's own.
 */
import type { Contract, LockoutNumbers } from '../spec/contract.ts';
import type { MockConfig } from '../spec/mock-config.ts';
import { durationMs } from '../spec/duration.ts';

/** The lockout numbers the mock applies; undefined when the spec has no lockout or no numbers. */
export function lockoutNumbers(contract: Contract, mock: Pick<MockConfig, 'lockout'>): LockoutNumbers | undefined {
  const spec = contract.lockout;
  if (spec === undefined) return undefined;
  const m = mock.lockout;
  const after = m?.after ?? spec.after;
  const withinMs = durationMs(m?.within ?? spec.within ?? '');
  const lastsMs = durationMs(m?.lasts ?? spec.lasts ?? '');
  if (after === undefined || withinMs === undefined || lastsMs === undefined) return undefined;
  return { after, withinMs, lastsMs };
}

/** Refused attempts and the end of the current lockout (mock time, ms). */
export class LockoutLedger {
  private attempts: number[] = [];
  private until = -Infinity;

  clear(): void {
    this.attempts = [];
    this.until = -Infinity;
  }

  lockedAt(now: number): boolean {
    return now < this.until;
  }

  /** Counts a refused credential; locks out when `after` fall within `withinMs`. */
  refused(now: number, after: number | undefined, withinMs: number, lastsMs: number): void {
    if (after === undefined) return;
    this.attempts = [...this.attempts.filter((t) => t > now - withinMs), now];
    if (this.attempts.length >= after) {
      this.until = now + lastsMs;
      this.attempts = [];
    }
  }
}
