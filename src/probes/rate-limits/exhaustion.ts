/**
 * ratelimit.exceeded, .retry-after, .recovery, .per-key: exhaust the valid key's budget (sequential
 * requests until the first 429, at most limit + 5), then check the 429, its Retry-After, that the
 * key recovers after the reset, and that another key is unaffected. Requests bypass the transport's
 * rate-limit gate: hitting the limit is the point.
 *
 * One exhaustion serves them all (step-memo.ts): on a real target the window of a credential is
 * spent once per run, by the first case that needs it (normally ratelimit.exceeded); retry-after
 * reads the same 429, per-key checks the key is still limited and sends the other key, recovery
 * (last) waits once for the reset. Each case runs it itself when alone (`--only`), and on the mock.
 *
 * Preconditions (preconditions.ts): the first request of a sequence must be accepted (status only):
 * that is what credential.accepted states, so a refusal there skips pointing at it. For every case
 * but ratelimit.exceeded's own, "a rate limit arrives" is a precondition as well (no 429 at all, or
 * a refusal that is no rate limit): ratelimit.exceeded covers it.
 */
import type { Contract, ErrorSpec, Requirement, Role } from '../../spec/contract.ts';
import type { Credential } from '../../fixtures/fixtures.ts';
import type { Outcome, ProbeContext } from '../model.ts';
import { isStrictRetryAfter, parseRetryAfter } from '../../transport/http-date.ts';
import { credentialOf, requireCredential } from '../credential.ts';
import { getAtPointer, toPointer } from '../../spec/json-pointer.ts';
import { checkOneOf } from '../expect-error.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, PreconditionFailed, coveringRequirement, type Coverage } from '../preconditions.ts';
import { isRateLimited403 } from './signals.ts';
import type { RateWindow } from '../../spec/contract.ts';
import { headerValue, isLongWindow, limitsOf, rateLimitSpec, secondsUntilReset, tolerantResetSeconds, windowAdjective, windowNoun } from './figures.ts';
import { SkipCase } from '../skip-case.ts';
import { sharedStep } from '../step-memo.ts';
import { SKIP } from '../skip-reasons.ts';
import { rateLimitErrors } from './stray.ts';
import { callerOf, callerWhat, requireCallerAccepted, requireShortFor } from './caller.ts';
import { recordLimited } from './limited-seen.ts';
import { withoutRetryAfter } from './retry-after-rule.ts';
import { acceptanceFailure, refusalFailure, sendBuilt, type Sent } from '../steps.ts';
import { countedTarget } from './counted.ts';

/** What an exhaustion reads of a requirement: the operation and request sent, the errors expected. */
export type RateTarget = Pick<Requirement, 'operation' | 'request' | 'errors'> & {
  /** who states that a rate limit arrives, where not an exceeded requirement of the operation */
  rateLimited?: Coverage;
};

/** Who states "exhausting the limit brings a 429" for this target. */
function limitedCoverage(r: RateTarget, operation: string, role?: Role): Coverage {
  return r.rateLimited ?? COVERAGE.rateLimited(operation, role);
}

/** requests sent beyond the limit before concluding there is no 429 */
export const EXHAUSTION_SLACK = 5;

/** A rate-limit refusal: 429, a 403 with rate-limit signals, or the documented rate-limit error whatever its status. */
function isLimited(ctx: ProbeContext, r: RateTarget, s: Sent): boolean {
  return s.res.status === 429 || isRateLimited403(s.res, ctx.contract) || checkOneOf(s.res, errorsOf(ctx, r)).ok;
}

function isAcceptedStatus(s: Sent): boolean {
  return s.op.acceptStatuses.includes(s.res.status);
}

/** One request of the caller: the credential, or none (`as: anonymous`). */
function send(ctx: ProbeContext, r: RateTarget, credential: Credential | undefined): Promise<Sent> {
  return sendBuilt(ctx, { operation: r.operation, ...(credential === undefined ? {} : { credential }), request: r.request ?? {}, bypassRateLimitGate: true });
}

/** The first request of a sequence sets the stage: the key must be accepted (credential.accepted covers it), or the public operation served. */
function requireFirstAccepted(s: Sent, credential: Credential | undefined, note: string): void {
  requireCallerAccepted(s, credential, note);
}

export interface Exhausted {
  /** the first response that was not accepted (normally the 429) */
  sent: Sent;
  /** its place in the sequence, from 1 */
  index: number;
  /** the follow-up request (exhaust's `afterLimit`), sent as soon as `trigger`, the first limit response to arrive, did */
  after?: { trigger: Sent; follow: Sent };
}

/** A request to send the moment the limit shows (ratelimit.partition, ratelimit.exempt). */
export type AfterLimit = () => Promise<Sent>;

/**
 * Sends until the first response that is not accepted (normally the 429). The first request must
 * be accepted (a precondition); when every one of limit + slack requests is accepted, "a 429
 * arrives" is not met (a precondition that ratelimit.exceeded covers, a failure of its own case).
 */
export async function exhaust(ctx: ProbeContext, r: RateTarget, credential: Credential | undefined, window: RateWindow, first?: Sent, afterLimit?: AfterLimit): Promise<Exhausted> {
  // a short window is always met by a burst (an accepted `first` is a request of an earlier window)
  if (window.windowMs < BURST_BELOW_MS) return burst(ctx, r, credential, window, afterLimit);
  guardQuota(ctx, window);
  const limit = window.max;
  const max = limit + EXHAUSTION_SLACK;
  let last: Sent | undefined;
  /** the sequence's first response (its Limit header read when no refusal comes) */
  let opening: Sent | undefined;
  for (let index = 1; index <= max; index++) {
    if (index === 1 && first !== undefined) last = first;
    else last = await send(ctx, r, credential);
    if (index === 1 && first === undefined) last = await afterOpenWindow(ctx, r, credential, window, last);
    if (index === 1) opening = last;
    // refused before any request was accepted (a 429 to everything included): the key is not in play
    if (index === 1 && !isAcceptedStatus(last)) requireFirstAccepted(last, credential, limitNote(index, window));
    if (isLimited(ctx, r, last)) recordLimited(ctx, last); // profile rows about the 429 read it (limited-seen.ts)
    if (isLimited(ctx, r, last) && afterLimit !== undefined) return { sent: last, index, after: { trigger: last, follow: await afterLimit() } };
    if (isLimited(ctx, r, last) || !isAcceptedStatus(last)) return { sent: last, index };
  }
  const label = last?.label ?? '';
  const failure = expectation(`a 429 within ${max} requests (limit ${limit})`, `${max} accepted requests`, label, callerWhat(credential));
  const reported = opening === undefined ? undefined : otherLimitReported(ctx, opening, window);
  const limitCoverage: Coverage = { kinds: ['ratelimit.limit'], operation: r.operation.operationId };
  if (reported !== undefined && coveringRequirement(ctx.contract, limitCoverage) !== undefined) {
    // the headers said the limit is not the documented one: that is the limit requirement's finding
    throw new PreconditionFailed(`no 429 within ${max} requests on ${label}, whose ${reported} (the docs: ${limit})`, limitCoverage, failure);
  }
  throw new PreconditionFailed(`no 429 within ${max} requests (limit ${limit}) on ${label}`, limitedCoverage(r, r.operation.operationId, credential?.role), failure);
}

/** "Limit: N" when the response reports this window's limit as another number than the documented one. */
function otherLimitReported(ctx: ProbeContext, s: Sent, window: RateWindow): string | undefined {
  const names = ctx.contract.rateLimit?.headers;
  if (names === undefined || !window.headers) return undefined;
  const value = headerValue(s.res, names.limit);
  const n = value === undefined ? undefined : /^\s*(\d+)/.exec(value)?.[1];
  return n !== undefined && Number(n) !== window.max ? `${names.limit}: ${n}` : undefined;
}

/** Windows shorter than this are exhausted by a burst: sequential requests could outlast the window. */
const BURST_BELOW_MS = 60_000;
/** bursts tried before a window that every burst straddles is given up (a skip) */
export const BURST_TRIES = 3;

/** Whether every response is dated within one window (a response without Date cannot tell: it counts as inside). */
export function sameWindow(sent: readonly Sent[], window: RateWindow): boolean {
  return new Set(sent.map((s) => windowOf(s, window))).size <= 1;
}

/** The window a response's Date falls in (-1: no Date). */
function windowOf(s: Sent, window: RateWindow): number {
  return s.res.date === undefined ? -1 : Math.floor(s.res.date / window.windowMs);
}

/** The most accepted responses dated within one window. */
function mostInOneWindow(sent: readonly Sent[], window: RateWindow): number {
  const per = new Map<number, number>();
  for (const s of sent) if (isAcceptedStatus(s)) per.set(windowOf(s, window), (per.get(windowOf(s, window)) ?? 0) + 1);
  return Math.max(0, ...per.values());
}

/**
 * A window shorter than a minute (PT1S) is exhausted by requests in flight at once: sent one by
 * one they could outlast the window. Against the mock its clock stands still and `max + 1` suffice;
 * against a real target the burst is `2 max + 1` requests, so that when it straddles two windows
 * one of them still holds more than `max` (FORMAT-PROPOSAL §5.3). The verdict reads only the
 * responses' Date: a limit response ends it; more than `max` accepted responses dated within one
 * window is the failure; anything else (a burst spread over three windows) is tried again, at most
 * BURST_TRIES times, then the case skips. No timing is asserted.
 */
async function burst(ctx: ProbeContext, r: RateTarget, credential: Credential | undefined, window: RateWindow, afterLimit?: AfterLimit): Promise<Exhausted> {
  const n = ctx.control === undefined ? 2 * window.max + 1 : window.max + 1;
  for (let attempt = 1; attempt <= BURST_TRIES; attempt++) {
    // the mock's clock stands still for it (its control API); a real target's window is met at its start
    if (ctx.control !== undefined) await ctx.control.freeze?.();
    else await ctx.sleep(window.windowMs - (Date.now() % window.windowMs), 'the start of a rate-limit window');
    // the follow-up leaves the moment the first limit response arrives, while the window is spent
    let after: Promise<{ trigger: Sent; follow: Sent }> | undefined;
    const watch = (s: Sent): Sent => {
      if (after === undefined && afterLimit !== undefined && isLimited(ctx, r, s)) after = afterLimit().then((follow) => ({ trigger: s, follow }));
      return s;
    };
    const sent = await Promise.all(Array.from({ length: n }, () => send(ctx, r, credential).then(watch)));
    const followed = after === undefined ? undefined : await after;
    // refused before any request was accepted (a 429 to everything included): the key is not in play
    if (!sent.some(isAcceptedStatus)) requireFirstAccepted(sent[0]!, credential, limitNote(1, window));
    const limited = sent.findIndex((s) => isLimited(ctx, r, s));
    const stop = limited >= 0 ? limited : sent.findIndex((s) => !isAcceptedStatus(s));
    if (stop >= 0) {
      if (limited >= 0) recordLimited(ctx, sent[limited]!);
      return { sent: sent[stop]!, index: stop + 1, ...(followed === undefined ? {} : { after: followed }) };
    }
    const most = mostInOneWindow(sent, window);
    if (most > window.max) {
      const label = sent[0]!.label;
      throw new PreconditionFailed(
        `${most} requests accepted within one ${windowNoun(window)} (limit ${window.max}) on ${label}`,
        limitedCoverage(r, r.operation.operationId, credential?.role),
        expectation(`a 429 once ${window.max} requests were accepted within one ${windowNoun(window)}`, `${most} accepted requests dated within one ${windowNoun(window)}`, label, callerWhat(credential)),
      );
    }
  }
  throw new SkipCase(SKIP.burstSpanned(window.window, BURST_TRIES));
}

/**
 * On a real target the window may still be spent by the case before (the minute's 429 of
 * ratelimit.exceeded, then ratelimit.retry-after starts): a first request refused as a rate limit
 * is waited out once, when the target says for how long and that fits --max-wait, and sent again.
 * Against the mock (its control API) nothing changes: a limited first request stays what it is.
 */
async function afterOpenWindow(ctx: ProbeContext, r: RateTarget, credential: Credential | undefined, window: RateWindow, first: Sent): Promise<Sent> {
  if (ctx.control !== undefined || isLongWindow(window) || !isLimited(ctx, r, first)) return first;
  const ms = (secondsUntilReset(ctx.contract, first.res, Number.POSITIVE_INFINITY) + 1) * 1000;
  // no reset signal: the target may refuse the key itself (a 429 to everything), which the
  // acceptance precondition reports; a known wait beyond --max-wait skips and says so
  if (!Number.isFinite(ms)) return first;
  if (ms > ctx.options.maxWaitMs) throw new SkipCase(SKIP.waitTooLong(ms, ctx.options.maxWaitMs));
  await ctx.sleep(ms);
  return send(ctx, r, credential);
}

/** Which exhaustion a case can share: the same credential, window and request. */
function exhaustionKey(r: RateTarget, credential: Credential | undefined, window: RateWindow): string {
  return JSON.stringify(['exhaust', credential?.role ?? 'anonymous', window.window, r.operation.operationId, r.request ?? {}]);
}

/** The window exhausted once for every case that needs it (see the header): the shared result, or the same error. */
function exhausted(ctx: ProbeContext, r: RateTarget, credential: Credential | undefined, window: RateWindow) {
  return sharedStep(ctx, exhaustionKey(r, credential, window), () => exhaust(ctx, r, credential, window));
}

/** Like exhaust (shared), but the limit must show as a rate limit (a precondition that ratelimit.exceeded covers). */
async function exhaustToLimit(ctx: ProbeContext, r: RateTarget, credential: Credential | undefined, window: RateWindow): Promise<Sent> {
  return toLimit(ctx, r, window, (await exhausted(ctx, r, credential, window)).value);
}

export function toLimit(ctx: ProbeContext, r: RateTarget, window: RateWindow, { sent, index }: Exhausted): Sent {
  if (isLimited(ctx, r, sent)) return sent;
  const f = refusalFailure(sent, errorsOf(ctx, r), { note: limitNote(index, window) });
  throw new PreconditionFailed(
    `${sent.label} answered ${sent.res.status} instead of a 429 (request ${index}, limit ${window.max})`,
    limitedCoverage(r, sent.op.operationId),
    f ?? expectation('a rate limit', String(sent.res.status), sent.label, limitNote(index, window)),
  );
}

/**
 * A limited response of the credential now: the shared exhaustion's own 429 when this case ran it;
 * else one more request, still limited when the window has not turned since (a fresh 429, with a
 * fresh Reset). When it has turned, that request starts a new exhaustion, shared from then on.
 */
async function limitedNow(ctx: ProbeContext, r: RateTarget, credential: Credential | undefined, window: RateWindow): Promise<Sent> {
  const shared = await exhausted(ctx, r, credential, window);
  const limited = toLimit(ctx, r, window, shared.value);
  if (shared.fresh) return limited;
  const again = await send(ctx, r, credential);
  if (isLimited(ctx, r, again)) return again;
  const key = exhaustionKey(r, credential, window);
  ctx.shared?.forget(key);
  const renewed = await sharedStep(ctx, key, () => exhaust(ctx, r, credential, window, again));
  return toLimit(ctx, r, window, renewed.value);
}

/** After a wait for the reset the shared exhaustion is history: the next case that needs one spends the window again. */
function windowTurned(ctx: ProbeContext, r: RateTarget, credential: Credential | undefined, window: RateWindow): void {
  ctx.shared?.forget(exhaustionKey(r, credential, window));
}

function limitNote(index: number, window: RateWindow): string {
  return `request ${index}, limit ${window.max} per ${windowNoun(window)}`;
}

/**
 * Exhausting a window longer than a minute spends a quota: on a real target it needs --spend-quota,
 * and it is announced first with its estimated time.
 */
function guardQuota(ctx: ProbeContext, window: RateWindow, pace?: RateWindow): void {
  if (ctx.control !== undefined || !isLongWindow(window)) return;
  if (!ctx.options.spendQuota) throw new SkipCase(SKIP.quotaNeedsFlag(window.window, window.max));
  // the budget can only be spent `pace.max` requests per pace window (the mock's clock makes it instant)
  const windows = pace === undefined ? 0 : Math.ceil(window.max / pace.max);
  if (pace !== undefined) ctx.announce?.(`exhaust the ${window.window} limit (${window.max} requests at ${pace.max} per ${pace.window})`, windows * pace.windowMs);
}

/** The rate-limit errors (each with its status set: "403 or 429" is the error's, see rate-limit-spec.ts). */
function errorsOf(ctx: ProbeContext, r: RateTarget): ErrorSpec[] {
  return r.errors.length > 0 ? r.errors : rateLimitErrors(ctx.contract);
}

export async function exceededCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const window = requireShortFor(ctx.contract, ctx.fixtures, r);
  const { sent, index } = (await exhausted(ctx, countedTarget(ctx.contract, r, window), callerOf(ctx, r, r.role), window)).value;
  const f = refusalFailure(sent, errorsOf(ctx, r), { note: limitNote(index, window) });
  if (f) return fail(ctx, f);
  return pass(ctx, `${sent.label} refused with ${sent.res.status} after ${index - 1} requests (limit ${window.max})`);
}

/** Lets a limited window pass: the mock's clock moves; a real target is waited for (bounded by maxWaitMs). */
async function waitOut(ctx: ProbeContext, limited: Sent, mockAdvanceMs?: number, window?: RateWindow): Promise<void> {
  const ms = (secondsUntilReset(ctx.contract, limited.res, window === undefined ? undefined : window.windowMs / 1000) + 1) * 1000;
  if (ctx.control !== undefined) {
    await ctx.control.advance(mockAdvanceMs ?? ms);
    return;
  }
  if (ms > ctx.options.maxWaitMs) throw new SkipCase(SKIP.waitTooLong(ms, ctx.options.maxWaitMs));
  await ctx.sleep(ms);
}

/**
 * Long-window exhaustion (a daily quota): every 429 of the shorter window is waited out (the mock's
 * clock moves one short window); the long limit is the 429 that persists right after such a wait.
 */
export async function longWindowCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const limits = limitsOf(ctx.contract, ctx.fixtures);
  const long = limits.long;
  if (long === undefined) throw new SkipCase(SKIP.noDailyLimit());
  guardQuota(ctx, long, limits.short);
  const valid = requireCredential(ctx.fixtures, 'valid');
  const max = long.max + EXHAUSTION_SLACK;
  const shortMs = (limits.short?.windowMs ?? 60_000) + 1000;
  const named = `${windowAdjective(long)} limit`;
  let accepted = 0;
  let sinceWait: number | undefined;
  let last: Sent | undefined;
  while (accepted < max) {
    last = await send(ctx, r, valid);
    if (isLimited(ctx, r, last)) {
      if (sinceWait === 0) {
        const f = refusalFailure(last, errorsOf(ctx, r), { note: `past the ${named} of ${long.max}` });
        if (f) return fail(ctx, f);
        return pass(ctx, `${last.label} refused with ${last.res.status} after ${accepted} accepted requests (${named} ${long.max})`);
      }
      await waitOut(ctx, last, shortMs);
      sinceWait = 0;
      continue;
    }
    const note = `request ${accepted + 1} of the ${windowNoun(long)}`;
    if (accepted === 0 && sinceWait === undefined) requireFirstAccepted(last, valid, note);
    const refused = acceptanceFailure(last, note);
    if (refused) return fail(ctx, refused);
    accepted += 1;
    if (sinceWait !== undefined) sinceWait += 1;
  }
  const shortNoun = limits.short === undefined ? 'minute' : windowNoun(limits.short);
  return fail(ctx, expectation(`a 429 that outlasts the ${shortNoun} within ${max} requests (${named} ${long.max})`, `${accepted} accepted requests`, last?.label ?? ''));
}

/** A number of seconds from the body field (a JSON pointer, or a property name at the top level). */
function bodySeconds(json: unknown, field: string): number | undefined {
  const v = getAtPointer(json, field.startsWith('/') ? field : toPointer([field]));
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

export async function retryAfterCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const spec = rateLimitSpec(ctx.contract);
  const window = requireShortFor(ctx.contract, ctx.fixtures, r);
  const s = await exhaustToLimit(ctx, countedTarget(ctx.contract, r, window), callerOf(ctx, r), window);
  const value = headerValue(s.res, 'retry-after');
  const expected = 'a Retry-After of delay-seconds or an HTTP-date, not beyond the reset';
  if (value === undefined) return withoutRetryAfter(ctx, s, window, expected);
  if (!isStrictRetryAfter(value)) {
    return fail(ctx, expectation(expected, `Retry-After: ${value} (neither delay-seconds nor an IMF-fixdate)`, s.label));
  }
  const seconds = parseRetryAfter(value, s.res.date) ?? 0;
  const resetName = spec.headers?.reset;
  const resetRaw = resetName === undefined ? undefined : headerValue(s.res, resetName);
  const reset = resetRaw === undefined ? undefined : tolerantResetSeconds(resetRaw, spec.resetUnit ?? 'delta-seconds', s.res.date);
  if (reset !== undefined && seconds > reset + 1) {
    return fail(ctx, expectation(expected, `Retry-After: ${value} (${seconds} s) beyond ${resetName}: ${resetRaw} (${Math.round(reset)} s)`, s.label));
  }
  if (spec.retryAfterField !== undefined) {
    const field = bodySeconds(s.res.json, spec.retryAfterField);
    if (field === undefined && errorSchemaRequires(ctx.contract, spec.error, spec.retryAfterField)) {
      // the 429 body's shape is the exceeded requirement's to judge; here only the agreement is
      throw new PreconditionFailed(
        `the 429 body has no ${spec.retryAfterField} on ${s.label}`,
        COVERAGE.rateLimited(ctx.contract.probeOperation),
        { message: `Expected body ${spec.retryAfterField} equal to Retry-After, got no ${spec.retryAfterField} in the body for ${s.label}` },
      );
    }
    if (field === undefined || Math.abs(field - seconds) > 1) {
      const actual = field === undefined ? `no number at ${spec.retryAfterField} in the body` : `${spec.retryAfterField} ${field}`;
      return fail(ctx, expectation(`body ${spec.retryAfterField} equal to Retry-After ${seconds} s (±1 s)`, actual, s.label));
    }
  }
  return pass(ctx, `${s.label} answered 429 with Retry-After: ${value} (${seconds} s)`);
}

export async function recoveryCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const window = requireShortFor(ctx.contract, ctx.fixtures, r);
  const valid = callerOf(ctx, r);
  const target = countedTarget(ctx.contract, r, window);
  const limited = await limitedNow(ctx, target, valid, window);
  // no reset signal: the limit's own window tells the wait
  await waitOut(ctx, limited, undefined, window);
  windowTurned(ctx, target, valid, window);
  const again = await send(ctx, target, valid);
  const f = acceptanceFailure(again, valid === undefined ? 'no credential again, 1 s after the reset' : 'same key, 1 s after the reset');
  if (f) return fail(ctx, f);
  return pass(ctx, `${again.label} ${valid === undefined ? 'served a request without credentials' : 'accepted the key'} again with ${again.res.status} after the reset`);
}

/** Roles tried, in order, as the other key on a real target (`other_key` first: the same tenant and permissions). */
export const OTHER_KEY_ROLES = ['other_key', 'test_mode', 'scoped', 'other_tenant'] as const;

export async function perKeyCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  const window = requireShortFor(ctx.contract, ctx.fixtures, r);
  const valid = requireCredential(ctx.fixtures, 'valid');
  let other: Credential | undefined;
  if (ctx.control !== undefined) {
    // created before exhausting, so the mock's clock and budgets are untouched by the creation
    const value = await ctx.control.createKey({ like: valid.value });
    ctx.secrets.push(value);
    other = { ...valid, value };
  } else {
    other = OTHER_KEY_ROLES.map((role) => credentialOf(ctx.fixtures, role)).find((c) => c !== undefined);
    if (other === undefined) throw new SkipCase(SKIP.noOtherCredential([...OTHER_KEY_ROLES]));
  }
  await limitedNow(ctx, r, valid, window);
  const s = await send(ctx, r, other);
  const f = acceptanceFailure(s, `another key while the valid key is limited`);
  if (f) return fail(ctx, f);
  return pass(ctx, `${s.label} accepted another key with ${s.res.status} while the valid key was limited`);
}

/** Whether the documented error's body schema requires a top-level field. */
function errorSchemaRequires(contract: Contract, errorId: string, field: string): boolean {
  const required = contract.errors[errorId]?.schema?.['required'];
  return Array.isArray(required) && required.includes(field.replace(/^\//, ''));
}
