/**
 * The invalid-attempt budget of a target that locks clients out (x-authconform.lockout with
 * numbers from the fixtures): refused credentials are counted per run, and before a request that
 * presents a credential the pacer waits until fewer than `after − 2` refusals fall within the
 * lockout window (a margin of one for servers that count the attempt that trips the lockout, one
 * for an off-by-one), so the suite's own invalid-credential cases never lock the valid key out and
 * blame unrelated requirements. A sliding window bounds a fixed one too. The lockout case turns
 * pacing off (`tripping`) once it has waited the window out (`settle`).
 * Against the mock (control API) nothing is paced: the mock is reset before every case.
 */
import type { Contract, LockoutNumbers } from '../spec/contract.ts';
import type { ProbeRequest, ProbeResponse } from '../transport/types.ts';
import { SkipCase } from './skip-case.ts';

/** Kinds whose errors are refusals of a presented credential (what a lockout counts). */
const REFUSAL_KINDS = new Set(['credential.invalid', 'key.revoked', 'credential.refused-prefix', 'credential.refused-scheme']);

/** What the pacer's waits wait for (the wait notice names it). */
export const INVALID_ATTEMPT_WINDOW = 'earlier refused credentials to leave the lockout window';

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  maxWaitMs: number;
}

export class RefusalPacer {
  private refusals: number[] = [];
  /** the lockout case is tripping the lockout on purpose: no pacing */
  tripping = false;
  private readonly statuses: Set<number>;

  constructor(
    private readonly contract: Contract,
    readonly numbers: LockoutNumbers,
  ) {
    const refusal = contract.requirements.filter((r) => REFUSAL_KINDS.has(r.kind)).flatMap((r) => r.errors);
    // 403 too: a target may refuse unknown keys with it (a fault credential.invalid reports), and
    // its lockout still counts them; counting a scope denial as well only paces more
    this.statuses = new Set([401, 403, ...refusal.flatMap((e) => [e.status, ...(e.statuses ?? []).filter((s): s is number => typeof s === 'number')])]);
  }

  /** refusals a run may spend within one lockout window */
  get budget(): number {
    return Math.max(1, this.numbers.after - 2);
  }

  private live(now: number): number[] {
    this.refusals = this.refusals.filter((t) => t > now - this.numbers.withinMs);
    return this.refusals;
  }

  /** Waits until a refusal more fits in the budget (before a request presenting a credential). */
  async before(req: ProbeRequest, clock: PacerClock): Promise<void> {
    if (this.tripping || !presentsCredential(this.contract, req)) return;
    const live = this.live(clock.now());
    if (live.length < this.budget) return;
    await this.waitUntil(live[live.length - this.budget]! + this.numbers.withinMs + 1000, clock);
  }

  /** Waits until no counted refusal is within the lockout window. */
  async settle(clock: PacerClock): Promise<void> {
    const live = this.live(clock.now());
    if (live.length > 0) await this.waitUntil(live[live.length - 1]! + this.numbers.withinMs + 1000, clock);
  }

  after(req: ProbeRequest, res: ProbeResponse, now: number): void {
    if (this.statuses.has(res.status) && presentsCredential(this.contract, req)) this.refusals.push(now);
  }

  private async waitUntil(at: number, clock: PacerClock): Promise<void> {
    const ms = Math.max(0, at - clock.now());
    if (ms > clock.maxWaitMs) {
      throw new SkipCase(
        `the lockout budget (${this.budget} refused credentials per ${Math.round(this.numbers.withinMs / 1000)} s, fixtures.lockout) is spent; the next fits in ${Math.ceil(ms / 1000)} s, beyond the wait bound (--max-wait: ${Math.round(clock.maxWaitMs / 1000)} s)`,
      );
    }
    await clock.sleep(ms);
  }
}

/** Whether a request carries something in one of the contract's credential places (header, query parameter, cookie). */
export function presentsCredential(contract: Contract, req: ProbeRequest): boolean {
  const headers = new Map(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const query = new URL(req.url).searchParams;
  return contract.schemes.some((s) => {
    if (s.type === 'query') return query.has(s.header);
    if (s.type === 'cookie') return (headers.get('cookie') ?? '').split(';').some((c) => c.trim().startsWith(`${s.header}=`));
    return (headers.get(s.header.toLowerCase()) ?? '') !== '';
  });
}
