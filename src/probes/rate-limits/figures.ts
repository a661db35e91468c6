/**
 * The documented rate-limit figures a target is held to: header names, the plan of the valid key
 * (fixtures.plan, or the only plan with a number), and the fixtures' limits where the docs give none.
 */
import type { Contract, RateLimitPlan, RateLimitSpec, RateWindow } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { ProbeResponse } from '../../transport/types.ts';
import { resetDelaySeconds } from '../../transport/reset.ts';
import { parseRetryAfter } from '../../transport/http-date.ts';
import { SkipCase } from '../skip-case.ts';
import { SKIP } from '../skip-reasons.ts';
import { figureAddress, readFigure } from '../../http-auth/ratelimit-fields.ts';
import { allLimits } from '../../spec/rate-windows.ts';

export interface Limits {
  /** the limit the headers report and the exhaustion cases spend (the plan's, or fixtures.rateLimit.perMinute) */
  short?: RateWindow;
  /** the plan's longest window beyond `short` (a quota: a daily limit), or fixtures.rateLimit.perDay */
  long?: RateWindow;
  /** the plan the figures come from, when one was found */
  plan?: RateLimitPlan;
  /** why no `short` figure was found */
  why?: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function fixtureWindow(id: string, window: string, windowMs: number, max: number | undefined): RateWindow | undefined {
  return max === undefined ? undefined : { id, window, windowMs, max, headers: false };
}

/** "minute", "day", "hour", "second", or the ISO window for any other length. */
export function windowNoun(w: Pick<RateWindow, 'window'>): string {
  return WORDS[w.window]?.[0] ?? `${w.window} window`;
}

/** "per-minute", "daily", "hourly", "per-second", or `PT5M` for any other length. */
export function windowAdjective(w: Pick<RateWindow, 'window'>): string {
  return WORDS[w.window]?.[1] ?? w.window;
}

const WORDS: Record<string, [string, string]> = {
  PT1S: ['second', 'per-second'],
  PT1M: ['minute', 'per-minute'],
  PT1H: ['hour', 'hourly'],
  P1D: ['day', 'daily'],
};

/** Exhausting a window longer than a minute spends a quota (a real target needs --spend-quota). */
export function isLongWindow(w: Pick<RateWindow, 'windowMs'>): boolean {
  return w.windowMs > MINUTE_MS;
}

export function rateLimitSpec(contract: Contract): RateLimitSpec {
  if (contract.rateLimit === undefined) throw new SkipCase(SKIP.noContractSection('rateLimit'));
  return contract.rateLimit;
}

export type HeaderNames = NonNullable<RateLimitSpec['headers']> & { resetUnit: NonNullable<RateLimitSpec['resetUnit']> };

export function headerNames(contract: Contract): HeaderNames {
  const spec = rateLimitSpec(contract);
  if (spec.headers === undefined) throw new SkipCase(SKIP.noContractSection('rateLimit.headers'));
  return { ...spec.headers, resetUnit: spec.resetUnit ?? 'delta-seconds' };
}

/** What a requirement may name: the limit it probes (`limit`, an id of rateLimit's limits). */
export interface NamesLimit {
  limit?: string;
}

/**
 * The figures a requirement is held to: with `limit`, that limit (general or of a plan; no longer
 * window beside it), else those of the plan in use (limitsOf).
 */
export function limitsOf(contract: Contract, fixtures: Fixtures, r: NamesLimit = {}): Limits {
  if (r.limit === undefined) return planLimits(contract, fixtures);
  const short = allLimits(contract.rateLimit).find((w) => w.id === r.limit);
  const plan = contract.rateLimit?.plans.find((p) => p.windows.includes(short as RateWindow));
  // the loader checks the id; a hand-built contract may name none
  if (short === undefined) return { why: `no limit ${r.limit} in the contract` };
  return { short, ...(plan === undefined ? {} : { plan }) };
}

function planLimits(contract: Contract, fixtures: Fixtures): Limits {
  const plans = contract.rateLimit?.plans ?? [];
  const numbered = plans.filter((p) => p.windows.length > 0);
  let plan: RateLimitPlan | undefined;
  if (fixtures.plan !== undefined) plan = plans.find((p) => p.name.toLowerCase() === fixtures.plan?.toLowerCase());
  else if (numbered.length === 1) plan = numbered[0];
  const out: Limits = {};
  if (plan) out.plan = plan;
  const windows = plan?.windows ?? [];
  const short = windows.find((w) => w.headers) ?? fixtureWindow('fixtures-PT1M', 'PT1M', MINUTE_MS, fixtures.rateLimit?.perMinute);
  const longest = windows.at(-1);
  const long = (longest !== short ? longest : undefined) ?? fixtureWindow('fixtures-P1D', 'P1D', DAY_MS, fixtures.rateLimit?.perDay);
  if (short !== undefined) out.short = short;
  if (long !== undefined && (short === undefined || long.windowMs > short.windowMs)) out.long = long;
  if (short === undefined) {
    out.why = fixtures.plan === undefined && numbered.length > 1 ? SKIP.noPlan(numbered.map((p) => p.name)) : SKIP.noLimit();
  }
  return out;
}

/** The limit the headers report (the one exhaustion spends), or skip the case. */
export function requireShort(contract: Contract, fixtures: Fixtures, r: NamesLimit = {}): RateWindow {
  const l = limitsOf(contract, fixtures, r);
  if (l.short === undefined) throw new SkipCase(l.why ?? SKIP.noLimit());
  return l.short;
}

/** The window Reset may point into: the window of the limit the headers report (a minute when none is known). */
export function windowSeconds(l: Limits): number {
  return ((l.short ?? l.long)?.windowMs ?? MINUTE_MS) / 1000;
}

/** A documented figure of a response: a header's value, or a parameter of an IETF RateLimit field (`RateLimit r`). */
export function headerValue(res: Pick<ProbeResponse, 'headers'>, name: string): string | undefined {
  const address = figureAddress(name);
  if (address === undefined) return res.headers[name.toLowerCase()]?.trim();
  const raw = res.headers[address.field.toLowerCase()];
  return raw === undefined ? undefined : readFigure(raw, address.param, address.policy);
}

/**
 * Seconds until the reset a Reset header names, in the unit its magnitude shows (a value of 1e9 or
 * more is epoch seconds, a smaller one delta seconds), whatever unit the spec documents. Only the reset probe
 * holds a target to the documented unit; every other probe reads it tolerantly, so a Reset in the
 * wrong unit is blamed once, on the requirement that pins the unit.
 */
export function tolerantResetSeconds(value: string, unit: 'epoch-seconds' | 'delta-seconds', date: number | undefined): number | undefined {
  const n = Number(value.trim());
  // the magnitude test of the standards notes (§E-3): epoch seconds are ≥ 1e9, a delta is far less
  const looks = Number.isFinite(n) ? (n >= 1e9 ? 'epoch-seconds' : 'delta-seconds') : unit;
  return resetDelaySeconds(value, looks, date);
}

/**
 * Seconds until the limit of a limited response lifts: the documented Reset header, else
 * Retry-After, else `fallback`.
 */
export function secondsUntilReset(contract: Contract, res: ProbeResponse, fallback = 60): number {
  const names = contract.rateLimit?.headers;
  const reset = names === undefined ? undefined : headerValue(res, names.reset);
  if (reset !== undefined) {
    const s = tolerantResetSeconds(reset, contract.rateLimit?.resetUnit ?? 'delta-seconds', res.date);
    if (s !== undefined) return s;
  }
  const retryAfter = headerValue(res, 'retry-after');
  const r = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter, res.date);
  return r ?? fallback;
}
