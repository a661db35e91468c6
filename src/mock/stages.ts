/**
 * The stages of the conformant mock, each one decision of the request pipeline with its documented
 * behaviour. A defect (declared with its requirement kind in src/kinds/) is a set of wrappers: each
 * wraps one stage and returns its replacement, as msw's `.use()` prepends overriding handlers and
 * undici's `compose()` wraps a dispatcher. The conformant code reads no defect flags; the stages
 * are composed once per mock (runtime.ts) and called as `rt.stages.<stage>(rt, ...)`.
 *
 * A new requirement kind adds its stage here (with the conformant behaviour) and calls it from the
 * pipeline; its kind file wraps the stage to break it.
 */
import type { CredentialScheme, ErrorSpec, LimitPartition, Operation, RefusedPlacement, RefusedScheme, ResponseHeaderRule, SecondaryLimit } from '../spec/contract.ts';
import type { SecondaryRefusal } from './secondary-limits.ts';
import type { AuthOutcome, Bare } from './auth.ts';
import type { CredentialRecord, UserRecord } from './credentials.ts';
import type { MockRequest } from './request.ts';
import type { LimitWindow, LimiterMode, RateDecision } from './rate-limiter.ts';
import type { HeaderBag, Reply } from './reply.ts';
import type { Principal } from './responders.ts';
import type { Route } from './routes.ts';
import type { Binding } from './routes.ts';
import type { Runtime } from './runtime.ts';
import type { Item } from './seed.ts';

/** The Limit / Remaining / Reset values a response reports. */
export interface RateFigures {
  limit: number;
  remaining: number;
  reset: number;
  /** requests used in the window (written when the spec names a `used` header) */
  used: number;
  /** the limit counted (written when the spec names a `resource` header) */
  resource: string;
  /** seconds of the window Limit counts (the IETF policy's `w`) */
  window: number;
}

/** The 429 to send: the documented error, optionally another status or a last edit of the body. */
export interface RateLimitedError {
  spec: ErrorSpec;
  status?: number;
  mutate?: (body: Record<string, unknown>) => void;
}

/** What a login response reports besides the token. */
export interface LoginClaims {
  expiresAt: number;
  organization?: string;
}

export interface Stages {
  /** the principal served when a request is let through without a known credential */
  anonymous(rt: Runtime): AuthOutcome;
  /** no credential header at all */
  missing(rt: Runtime): AuthOutcome;
  /** a credential header with no usable value (empty, `Bearer` alone, wrong scheme word, or a bare value with no scheme word) */
  malformed(rt: Runtime, bare?: Bare): AuthOutcome;
  /** a value that is no known credential of the scheme's kind */
  unknown(rt: Runtime, value: string, candidates: CredentialScheme[]): AuthOutcome;
  /** the rotation grace window, ms */
  graceMs(rt: Runtime): number;
  /** a revoked key: refused past the grace window */
  revocation(rt: Runtime, record: CredentialRecord, now: number): AuthOutcome | undefined;
  /** a token past its expiry */
  tokenExpiry(rt: Runtime, record: CredentialRecord, now: number): AuthOutcome | undefined;
  /** a known, live credential in this scheme: accepted (undefined) or refused */
  credential(rt: Runtime, record: CredentialRecord, scheme: CredentialScheme | undefined, headers: MockRequest['headers'], now: number): AuthOutcome | undefined;
  /** the value of the echo header for an accepted credential */
  echoValue(rt: Runtime, record: CredentialRecord): string | undefined;
  /** whose budget a request of this credential counts against */
  limiterKey(rt: Runtime, record: CredentialRecord, tenant: string | undefined): string;
  limiterMode(rt: Runtime): LimiterMode;
  /** ids of the limits a request to this operation neither counts against nor is refused by */
  exemptFrom(rt: Runtime, operationId: string): readonly string[];
  /** the counter of a partitioned limit for a request with these partition values; undefined = the limiter key's */
  limitCounter(rt: Runtime, limit: LimitWindow, parts: Record<LimitPartition, string>): string | undefined;
  /** the rate-limit header values of a decision; undefined = no headers */
  rateFigures(rt: Runtime, d: RateDecision, now: number): RateFigures | undefined;
  /** seconds a limited client should wait, and the Retry-After header value (undefined = no header) */
  retryAfter(rt: Runtime, d: RateDecision, now: number): { seconds: number; header?: string };
  /** the refusal of a limited request (`d`: the decision, with the limits that refused) */
  rateLimitedError(rt: Runtime, d?: RateDecision): RateLimitedError;
  /** after the request was counted: refuse this credential on this operation */
  admit(rt: Runtime, record: CredentialRecord, operationId: string): ErrorSpec | undefined;
  requiredHeaderError(rt: Runtime, headers: MockRequest['headers']): ErrorSpec | undefined;
  organizationError(rt: Runtime, named: string, organizations: string[]): ErrorSpec | undefined;
  scopeError(rt: Runtime, route: Route, record: CredentialRecord): ErrorSpec | undefined;
  bindingError(rt: Runtime, binding: Binding, sent: unknown, record: CredentialRecord): ErrorSpec | undefined;
  /** whether a `get` serves this item to this tenant */
  /** whether a `get` serves this item to this tenant (and credential mode: an item's `mode` is seen by keys of that mode only) */
  visible(rt: Runtime, item: Item, tenant: string | undefined, mode?: 'live' | 'test'): boolean;
  /** a 2xx answer of an operation */
  success(rt: Runtime, route: Route, p: Principal, status: number, body: unknown, headers: HeaderBag, schema: unknown): Reply;
  passwordMatches(rt: Runtime, user: UserRecord, password: string): boolean;
  loginClaims(rt: Runtime, claims: LoginClaims, now: number): LoginClaims;
  /** what the plain-HTTP listener of an HTTPS-only spec does */
  plainListener(rt: Runtime): 'refuse' | 'serve';
  /**
   * profiles: the WWW-Authenticate value of a 401 (RFC 9110 §11.6.1), `presented` when the request
   * carried a credential (RFC 6750 §3.1: then error="invalid_token"); undefined = none
   */
  challenge(rt: Runtime, presented: boolean): string | undefined;
  /** profiles: the WWW-Authenticate value of a 403 refusing a credential for want of scope (RFC 6750 §3.1); undefined = none */
  scopeChallenge(rt: Runtime): string | undefined;
  /** profiles: the Cache-Control value of a login (token) response (RFC 6749 §5.1) */
  tokenCacheControl(rt: Runtime): string | undefined;
  /** profiles: ms the refusal of this presented credential waits before it is sent (timing) */
  refusalDelayMs(rt: Runtime, value: string): number;
  // profile rows of wt/secrows (std.http-date, std.ratelimit-*, sec.no-query-credential, sec.login-no-enumeration)
  /** profiles: the Date field of a response at `ms` (RFC 9110 §5.6.7: IMF-fixdate) */
  dateField(rt: Runtime, ms: number): string;
  /** profiles: a credential read from the query string of a request with none where the scheme puts it (none: ASVS V14.2.1) */
  queryCredential(rt: Runtime, url: string): string | undefined;
  /** profiles: the refusal of a login, `user` the account the email names (undefined: no such account) */
  loginRefusal(rt: Runtime, user: UserRecord | undefined): { error: ErrorSpec; extra?: Record<string, unknown> };
  /** profiles: draft RateLimit / RateLimit-Policy fields added to every response (the mock sends none: the docs name others) */
  draftRateLimitFields(rt: Runtime): HeaderBag;
  // --- issue 10 (wt/authfmt) ---
  /** refused credentials within the lockout window that lock every credential out; undefined = no lockout */
  lockoutAfter(rt: Runtime): number | undefined;
  /** how long a lockout lasts, ms */
  lockoutLastsMs(rt: Runtime): number;
  /** a key of a documented but refused prefix (keyFormat.refused): its error; undefined = not refused */
  refusedPrefix(rt: Runtime, value: string): ErrorSpec | undefined;
  /** the message text of an error body */
  errorText(rt: Runtime, spec: ErrorSpec): string;
  /** the value of a documented response header on a response of this status; undefined = not sent */
  responseHeaderValue(rt: Runtime, rule: ResponseHeaderRule, status: number): string | undefined;
  // --- issue 10 (wt/refusals) ---
  /** `Authorization: <word> <rest>` with a refused scheme word (x-authconform.refusedSchemes) */
  refusedScheme(rt: Runtime, refused: RefusedScheme, rest: string): AuthOutcome;
  /** a value in a refused place (x-authconform.refusedPlacements) of a request with no credential where the schemes put it */
  refusedPlacement(rt: Runtime, placement: RefusedPlacement, value: string): AuthOutcome;
  /** a public operation (security: [], x-authconform.public) requested without a credential: undefined = served */
  publicAccess(rt: Runtime, operation: Operation): ErrorSpec | undefined;
  /** a private item of a `get` requested without a credential */
  hidden(rt: Runtime, notFound: ErrorSpec, item: Item): HiddenAnswer;
  // --- rate limits without headers (wt/rlgithub) ---
  /** the secondary limits the mock enforces (x-authconform.rateLimit.secondary) */
  secondaryLimits(rt: Runtime): readonly SecondaryLimit[];
  /** the answer to a request over a secondary limit: its error, and the Retry-After value (undefined = none) */
  secondaryRefusal(rt: Runtime, refusal: SecondaryRefusal, now: number): { error: ErrorSpec; retryAfter?: string };
}

/** How the mock refuses a private item requested without a credential (resource.hidden). */
export interface HiddenAnswer {
  error: ErrorSpec;
  /** another status than the error's (defects) */
  status?: number;
  /** fields added to the error body (defects) */
  extra?: Record<string, unknown>;
}

/** Wrappers of some stages: each gets the stage as composed so far and returns its replacement. */
export type StageWrappers = { [K in keyof Stages]?: (next: Stages[K]) => Stages[K] };

/** The stages with the wrappers applied in order (the last wraps outermost). */
export function composeStages(base: Stages, wrappers: readonly StageWrappers[]): Stages {
  const out: Stages = { ...base };
  const set = out as unknown as Record<string, unknown>;
  for (const w of wrappers) {
    for (const [name, wrap] of Object.entries(w) as Array<[keyof Stages, (next: unknown) => unknown]>) {
      set[name] = wrap(out[name]);
    }
  }
  return out;
}
