/**
 * Options of a conformance run, with every default in this one place. `authconform run` fills
 * them from flags; a generated suite passes them to `defineConformanceSuite`.
 */
import type { Level } from '../spec/contract.ts';
import { MAX_TIMER_MS } from '../util/ranges.ts';

/** `--level`: which cases are generated and whether SHOULD failures fail the run. */
export type LevelOption = 'must' | 'should' | 'all';

export interface SuiteOptions {
  /**
   * Unset: every case runs and only MUST failures fail the run (SHOULD/MAY failures are warnings).
   * `must`: only MUST cases run. `should`: MUST and SHOULD cases run, and SHOULD failures fail.
   * `all`: every case runs, and SHOULD failures fail (MAY failures never do).
   * @default undefined
   */
  level: LevelOption | undefined;
  /**
   * SHOULD failures fail the run, whatever the level.
   * @default false
   */
  strict: boolean;
  /**
   * concurrent requests per origin (the transport's limit); cases themselves run one at a time
   * @default 4
   */
  concurrency: number;
  /**
   * the most requests the whole run may send, across all specs; unlimited when undefined
   * @default undefined
   */
  maxRequests: number | undefined;
  /**
   * connect/headers/body timeout of one request, ms
   * @default 10000
   */
  timeoutMs: number;
  /**
   * the longest a case may wait for a rate-limit reset on a real target, ms
   * @default 65000
   */
  maxWaitMs: number;
  /**
   * allow requests that change state (writes) on real targets
   * @default false
   */
  writes: boolean;
  /**
   * allow exhausting windows longer than a minute (daily quotas) on real targets
   * @default false
   */
  spendQuota: boolean;
  /**
   * alias: `writes` and `spendQuota` both
   * @default false
   */
  destructive: boolean;
  /**
   * requirement ids to run (all when empty)
   * @default []
   */
  only: string[];
  /**
   * allow credentials over plain http to a non-loopback host
   * @default false
   */
  allowInsecure: boolean;
  /**
   * allow fixture credentials with a live-key prefix against a target (loopback included; the
   * embedded mock and the spec's own mock seed keys never need it). See the Safety section of README.md.
   * @default false
   */
  allowLive: boolean;
}

export const SUITE_DEFAULTS: Readonly<SuiteOptions> = Object.freeze({
  level: undefined,
  strict: false,
  concurrency: 4,
  maxRequests: undefined,
  timeoutMs: 10_000,
  maxWaitMs: 65_000,
  writes: false,
  spendQuota: false,
  destructive: false,
  only: [],
  allowInsecure: false,
  allowLive: false,
});

/** Applies the defaults; undefined values in `partial` do not override them. */
export function resolveSuiteOptions(partial: Partial<SuiteOptions> = {}): SuiteOptions {
  const out: SuiteOptions = { ...SUITE_DEFAULTS, only: [...SUITE_DEFAULTS.only] };
  for (const [key, value] of Object.entries(partial) as Array<[keyof SuiteOptions, unknown]>) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  if (out.destructive) {
    out.writes = true;
    out.spendQuota = true;
  }
  return out;
}

/** Whether a case of this level is generated at all. */
export function levelSelected(level: Level, options: Pick<SuiteOptions, 'level'>): boolean {
  if (options.level === 'must') return level === 'MUST';
  if (options.level === 'should') return level !== 'MAY';
  return true;
}

/** Whether a failed case of this level fails the run (otherwise it is a warning). */
export function levelFailsRun(level: Level, options: Pick<SuiteOptions, 'level' | 'strict'>): boolean {
  if (level === 'MUST') return true;
  if (level === 'SHOULD') return options.strict || options.level === 'should' || options.level === 'all';
  return false;
}

/** How the level option reads in reports: `default`, `must`, `should`, `all`, with `+strict`. */
export function describeLevel(options: Pick<SuiteOptions, 'level' | 'strict'>): string {
  return `${options.level ?? 'default'}${options.strict ? '+strict' : ''}`;
}

/**
 * The vitest timeout of one case: the longest rate-limit wait plus room for the requests around it.
 * Derived, not an option of its own.
 */
export function caseTimeoutMs(options: Pick<SuiteOptions, 'maxWaitMs' | 'timeoutMs'>): number {
  // a timer past 2^31-1 ms fires at once: the sum of two valid options must not get there
  return Math.min(options.maxWaitMs + 10 * options.timeoutMs, MAX_TIMER_MS);
}
