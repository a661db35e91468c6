/**
 * The normalized, typed auth contract: what the loader produces from a spec file and what every
 * layer above it (probes, mock, reporters) reads. Nothing here knows about HTTP clients, vitest or
 * any vendor; vendors differ only in the YAML that fills these types.
 */
import type { StatusMember } from './status-set.ts';

export type Level = 'MUST' | 'SHOULD' | 'MAY';

/** The fixed vocabulary of credential roles a target provides for full coverage. */
export const ROLES = [
  'valid',
  'test_mode',
  'revoked_in_grace',
  'revoked_expired',
  'scoped',
  'other_tenant',
  /** another key of the valid key's tenant, with its permissions (a second budget, e.g. for ratelimit.per-key) */
  'other_key',
  'login',
  'expired_token',
  /** a documented key kind the API refuses on these operations (keyFormat.refused: Stripe's `pk_live_`) */
  'publishable',
  'publishable_test',
] as const;
export type Role = (typeof ROLES)[number];

/** Requirement kinds: one definition each in src/kinds/ (family, needed sections, fields, default role). */
export type { RequirementKind } from '../kinds/index.ts';
import type { RequirementKind } from '../kinds/index.ts';

/** Where a requirement comes from: a document declared in `sources` and a section of it. */
export interface SourceRef {
  /** key into Contract.sources */
  doc: string;
  section: string;
  /** the words of the doc the requirement rests on */
  quote?: string;
}

export interface SourceDoc {
  title: string;
  /** path of a local copy, relative to the spec file (quotes are checked against it) */
  file?: string;
  /** where the document is published */
  url?: string;
}

/**
 * A documented error response, at the precision the docs give:
 * - `schema`: the docs show the body (validated with ajv, extra fields allowed unless the schema says otherwise);
 * - `code`: the docs give only a code; it must appear as a value somewhere in the JSON body
 *   (or as a whole word in a non-JSON body);
 * - neither: status only.
 */
export interface ErrorSpec {
  id: string;
  /** the status the mock answers: the only one, or the first of `statuses` (a range `4XX`: 400) */
  status: number;
  /** every status the docs allow, when more than one: a set (`[403, 429]`) or an OpenAPI range (`4XX`); see status-set.ts */
  statuses?: StatusMember[];
  code?: string | number;
  /** JSON Schema (2020-12) of the body, `$ref`s already resolved */
  schema?: Record<string, unknown>;
  /** response headers the docs require on this error, by name (lower-cased) */
  headers?: string[];
  description?: string;
  // --- issue 10 (wt/authfmt): documented error message text ---
  /** a regular expression the error's message must match, where the docs give the text (a leading `(?i)` = case-insensitive) */
  messagePattern?: string;
  /** JSON pointer of the message in the body (default: the first string of /message, /error/message, /error) */
  messagePointer?: string;
  /** the documented message text (what the mock serves; must match messagePattern) */
  message?: string;
  /** response headers (names lower-cased) this error carries with exactly these values: a response is this error only if they match */
  headerEquals?: Record<string, string>;
}

/** How a credential travels, from an OpenAPI security scheme plus its x-authconform extension. */
export interface CredentialScheme {
  /** the securitySchemes key */
  name: string;
  /**
   * apiKey header (`x-api-key: K`, or raw `Authorization: K`), http bearer (`Authorization: <word> K`,
   * one of `words`), http basic (`Authorization: Basic base64(user:password)`, the key at `basic.keyAs`),
   * apiKey in a query parameter (`?api_key=K`) or a cookie (`Cookie: session=K`)
   */
  type: 'header' | 'bearer' | 'basic' | 'query' | 'cookie';
  /** where it travels: the header name as documented (e.g. `x-api-key`, `Authorization`), the query parameter or the cookie name */
  header: string;
  /** the credential this scheme carries */
  credential: 'api_key' | 'token';
  /**
   * For schemes sharing one header (Linkit: raw key vs `Bearer token`): how the server tells
   * them apart. Informational for probes; the mock uses it to route.
   */
  distinguishedBy?: string;
  /**
   * scheme words in the Authorization header, first the one probes send by default: bearer `[Bearer]`
   * (or `x-authconform.words`), basic `[Basic]`, others none; absent = that default (`schemeWords()`)
   */
  words?: string[];
  /** basic: which half of the user-pass carries the key, and the documented other half */
  basic?: BasicCredential;
}

/** Basic authentication carrying a key: `keyAs: username` sends `key:password`, `password` sends `username:key`. */
export interface BasicCredential {
  keyAs: 'username' | 'password';
  /** the fixed user name when the key is the password (default "") */
  username: string;
  /** the fixed password when the key is the user name (default "", Stripe's `-u sk_test_…:`) */
  password: string;
}

export interface KeyFormat {
  /** documented key prefixes of live (production) keys, e.g. `sk_live_` */
  live: string[];
  /** documented key prefixes of test/sandbox keys, e.g. `sk_test_` */
  test: string[];
  /** a regular expression the key body follows after the prefix, when documented */
  pattern?: string;
  /** documented key kinds the API refuses (publishable keys on secret-key endpoints), with their error */
  refused?: RefusedPrefix[];
  /** the longest key the docs let a target issue: made-up keys (canaries, altered variants) stay within it */
  maxLength?: number;
}

/**
 * A scheme word the docs say is refused (`Authorization: Basic …` where only tokens work), what it
 * carries (the valid key, or a made-up user name and password) and the error it gets.
 */
export interface RefusedScheme {
  word: string;
  as: 'key' | 'username:password';
  /** error id */
  error: string;
}

/** A place the docs say a credential is refused in (the key as a query parameter), and the error. */
export interface RefusedPlacement {
  in: 'query' | 'cookie' | 'header';
  /** the query parameter, cookie or header name */
  name: string;
  /** error id */
  error: string;
}

/** An item chosen by a field's value (`private: true`): `field` a property name or a JSON pointer. */
export interface FieldEquals {
  field: string;
  equals: string | number | boolean | null;
}

/**
 * How a probe finds a resource of the first tenant: the valid credential's `list`, then either
 * `idPointer` into the list body filling path parameter `param` of `get`, or (several path
 * parameters) the first listed item (matching `where`) with `params` pointers into that item and
 * `idPointer` the item's id.
 */
export interface ResourceRef<Op = Operation> {
  list: Op;
  get: Op;
  idPointer: string;
  param?: string;
  params?: Record<string, string>;
  where?: FieldEquals;
}

/** A documented key prefix whose keys are real but refused here, the role a target's such key has, and the error. */
export interface RefusedPrefix {
  prefix: string;
  role: Role;
  /** error id */
  error: string;
}

/**
 * A documented lockout: after `after` refused credentials within `within`, every request with a
 * credential (the valid key too, when `affectsValid`) gets `error` for `lasts`. Numbers the docs do
 * not give come from fixtures.lockout (real targets) or mock.lockout (the mock).
 */
export interface LockoutSpec {
  /** error id of a locked-out request */
  error: string;
  affectsValid: boolean;
  after?: number;
  within?: string;
  lasts?: string;
}

/** Lockout numbers: refused attempts before the lockout, counting window and duration (ms). */
export interface LockoutNumbers {
  after: number;
  withinMs: number;
  lastsMs: number;
}

/** A response-header rule: on which responses the header appears, and what its value matches. */
export interface ResponseHeaderRule {
  name: string;
  /** all responses, accepted ones (2xx and acceptStatuses), errors (4xx/5xx) or these statuses */
  on: 'all' | 'accepted' | 'errors' | number[];
  /** regular expression the value matches (default: any non-empty value) */
  pattern?: string;
  /** the value the mock serves */
  example?: string;
}

export interface RequestExample {
  /** path parameters; `{fixture:NAME}` values are filled from fixtures.resources */
  path?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** body, encoded per `contentType` */
  body?: unknown;
  /** how the body is sent (a form body is an object, nested in bracket notation) @default application/json */
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
}

export interface Operation {
  operationId: string;
  method: string; // upper-case
  path: string; // OpenAPI path template, e.g. /v1/icp/{icp_id}
  summary?: string;
  /** scopes/permissions required (from the OpenAPI security requirement of the operation) */
  scopes: string[];
  /** which security schemes the operation accepts (names), in order of preference */
  schemes: string[];
  /**
   * works without any credential: OpenAPI `security: []`, or an empty requirement `{}` among its
   * alternatives (credential optional); the anonymous baseline (public data, anonymous limits)
   */
  public?: true;
  /** false when the operation changes state (POST/PUT/DELETE, sends messages, costs credits) */
  safe: boolean;
  /** ids of the rate limits a request to it does not count against (`x-authconform.rateLimit.exemptFrom`) */
  exemptFrom?: string[];
  /** a concrete request the probes send */
  example: RequestExample;
  /** JSON Schema of the 2xx response body, `$ref`s resolved, when documented */
  successSchema?: Record<string, unknown>;
  successStatus: number;
  /**
   * statuses that prove the credential got past authentication: the operation's documented
   * statuses minus those of the auth errors in `errors` (e.g. 200 and 422 for a profile lookup)
   */
  acceptStatuses: number[];
}

/** One window of a plan: at most `max` requests per `window` (any ISO 8601 duration). */
export interface RateWindow {
  /** the spec's id, or `<plan>-<window>` for the perMinute/perDay shorthand */
  id: string;
  /** ISO 8601 duration as written: PT1S, PT1M, PT1H, P1D... */
  window: string;
  windowMs: number;
  max: number;
  /** the limit the rate-limit headers report (one per plan; default: the shortest window) */
  headers: boolean;
  /** whether this limit's refusals carry Retry-After, where it differs from `rateLimit.retryAfter` (secondary limits) */
  retryAfter?: RetryAfterRule;
  /** which requests it counts (every request when absent) */
  match?: LimitMatch;
  /** what it is counted per (absent: per credential, or per account where `perCredential` is false) */
  partition?: LimitPartition[];
  /**
   * operations it neither counts nor refuses: its `exempt` list and every operation naming it in
   * `x-authconform.rateLimit.exemptFrom` (one model, two spellings; the loader merges them)
   */
  exempt?: string[];
  /** what one request of a method costs (default 1) */
  cost?: Partial<Record<string, number>>;
}

/** Which requests a limit counts: all of the given conditions hold. */
export interface LimitMatch {
  /** upper-case HTTP methods */
  methods?: string[];
  /** the credential's mode: `test` for keys of `keyFormat.test` prefixes (or role test_mode), else `live` */
  mode?: 'live' | 'test';
  operations?: string[];
}

/** A dimension a limit is counted per: the key, its account (tenant), its user (default the tenant), its mode, the client address, the operation. */
export type LimitPartition = 'credential' | 'account' | 'user' | 'mode' | 'ip' | 'operation';

/**
 * Whether a rate-limited response carries Retry-After: on every one (`always`), maybe (`optional`:
 * when absent, Remaining 0 with a future Reset tells the wait), or never; unstated = the
 * ratelimit.retry-after requirement's own statement (the header is there).
 */
export type RetryAfterRule = 'always' | 'optional' | 'never';

export interface RateLimitPlan {
  name: string;
  /** requests per window; undefined = "Custom" */
  perMinute?: number;
  perDay?: number;
  /**
   * every window of the plan, shortest first: `limits` as written plus the perMinute (PT1M) and
   * perDay (P1D) shorthand; exactly one reports in the headers (the loader fills it)
   */
  windows: RateWindow[];
}

/**
 * Where each figure is read. X-RateLimit style: header names. IETF style
 * (draft-ietf-httpapi-ratelimit-headers-10, §3 RateLimit-Policy, §4 RateLimit): `<field> <param>`,
 * e.g. limit `RateLimit-Policy q`, remaining `RateLimit r`, reset `RateLimit t` (delta-seconds),
 * with ` of "<name>"` when the spec names the policy item read; `headerValue` reads either.
 */
export interface RateHeaderNames {
  limit: string;
  remaining: string;
  reset: string;
  used?: string;
  resource?: string;
  /** `ietf`: the structured RateLimit / RateLimit-Policy fields */
  style?: 'ietf';
  /** style ietf: the field names and the policy item read (absent: each field's first item) */
  ietf?: { policy: string; current: string; name?: string };
}

export interface RateLimitSpec {
  /**
   * names of the rate-limit response headers; absent when the docs name none. `used` (requests
   * used in the window: used + remaining = limit) and `resource` (the name of the limit counted,
   * e.g. GitHub's `core`) only where the docs name them.
   */
  headers?: RateHeaderNames;
  /** how the reset header counts; present whenever `headers` is (the loader enforces it) */
  resetUnit?: 'epoch-seconds' | 'delta-seconds';
  /** which responses carry the headers: authenticated ones, or every one */
  on: 'authenticated' | 'all';
  plans: RateLimitPlan[];
  /**
   * error id of the 429 response; its status set is the one an exhausted limit may answer ("403 or
   * 429": `status: [403, 429]`, or the `rateLimit.statuses` shorthand folded into it by the loader)
   */
  error: string;
  /** whether a 429 carries Retry-After (`true` in the spec = always; `false` or absent = not stated) */
  retryAfter?: RetryAfterRule;
  /** a body field that must agree with Retry-After, e.g. `retry_after` */
  retryAfterField?: string;
  /** rate limits are per credential (another key's budget is unaffected) */
  perCredential: boolean;
  /** limits of every credential whatever its plan (`rateLimit.limits`), as written; absent when none */
  limits?: RateWindow[];
  /** false: the documented numbers are maximums, a refusal before them is allowed (absent: exact) */
  exactLimit?: false;
  /**
   * the plan of requests without any credential (public operations), counted per client address;
   * requirements with `as: anonymous` probe it
   */
  anonymous?: RateLimitPlan;
  /** limits that do not show in the rate-limit headers (GitHub's secondary limits), probed by ratelimit.secondary */
  secondary?: SecondaryLimit[];
}

/**
 * A limit that does not show in the rate-limit headers: at most `max` points per `window`, a
 * request costing `cost[METHOD]` points (1 when its method is not listed); over it, `error`.
 */
export interface SecondaryLimit {
  id: string;
  window: string;
  windowMs: number;
  max: number;
  cost: Record<string, number>;
  /** who is counted together (default: user and operation) */
  partition: LimitPartition[];
  /** error id of its refusal */
  error: string;
  /** whether its refusals carry Retry-After (default optional) */
  retryAfter: RetryAfterRule;
  /** `opt-in`: probed on a real target only with fixtures.rateLimit.secondary: true (always on the mock) */
  probe: 'always' | 'opt-in';
}

export interface RotationSpec {
  /** ISO 8601 duration as written in the spec (with `choices`: the first, which the mock uses) */
  grace: string;
  graceMs: number;
  /** the grace windows the docs let the key owner choose from; the target's is fixtures.rotation.grace */
  choices?: string[];
  /** error id a key gets after revocation (past the grace window) */
  error: string;
}

export interface OrganizationSpec {
  header: string;
  /** error id for an organization the credential does not belong to */
  error: string;
}

export interface LoginSpec {
  operationId: string;
  /** JSON pointer of the token in the login response, e.g. /token */
  tokenPointer: string;
  /** JSON pointer of the expiry timestamp (ISO 8601), e.g. /expires_at */
  expiresPointer: string;
  /** JSON pointer of the user's organization id, e.g. /user/organization_id */
  organizationPointer?: string;
  /** scheme name under which the issued token is sent */
  tokenScheme: string;
  /** error id for wrong credentials */
  error: string;
  /** error id for an expired token */
  expiredError: string;
}

export interface TransportSpec {
  httpsOnly: boolean;
}

export interface RequiredHeader {
  name: string;
  value: string;
}

export interface EchoHeader {
  name: string;
  /** what the header must equal: the documented prefix of the key sent */
  equals: 'credential-prefix';
}

/** A requirement as written in the spec: references by name, durations as text. */
export interface RequirementInput {
  id: string;
  level: Level;
  kind: RequirementKind;
  statement: string;
  source: SourceRef;
  /** error ids this requirement expects (one of them) */
  errors: string[];
  role?: Role;
  operation?: string;
  request?: RequestExample;
  allowed?: { operation: string; request?: RequestExample };
  resource?: ResourceRef<string>;
  after?: string;
  statuses?: number[];
  /** response.header: the rule's header name */
  header?: string;
  /** credential.refused-scheme: the refusedSchemes word */
  scheme?: string;
  /** rate-limit kinds: the id of the limit probed */
  limit?: string;
  /** rate-limit kinds: `anonymous` probes the plan of requests without credentials (rateLimit.anonymous) */
  as?: 'anonymous';
  note?: string;
}

/** What every requirement carries once loaded: references resolved, defaults filled in. */
export interface RequirementBase {
  id: string;
  level: Level;
  statement: string;
  source: SourceRef;
  /** the documented errors it expects (one of them) */
  errors: ErrorSpec[];
  /** the credential role it describes: as written, else its kind's default role (src/kinds/) */
  role: Role;
  /** the operation probed: as written, else the contract's probe operation */
  operation: Operation;
  /** request overrides for the probed operation */
  request?: RequestExample;
  /** rate-limit kinds: the id of the limit the probe exhausts or reads (default: the header limit of the plan in use) */
  limit?: string;
  /** free-form note on how the requirement is probed or why it is lenient */
  note?: string;
  /** rate-limit kinds: probe the anonymous plan (no credential on a public operation) */
  as?: 'anonymous';
  /** a profile requirement (--profile): which profile it comes from and its public source */
  origin?: ProfileOrigin;
}

/** Where a profile requirement comes from (profiles/*.yaml, layered with --profile). */
export interface ProfileOrigin {
  /** the profile's name (`standards`, `security`) */
  profile: string;
  /** the cited document's title and public URL, from the profile's `sources` */
  sourceTitle: string;
  sourceUrl: string;
}

/** A spec's waiver of a profile requirement (x-authconform.waivers): the reason is the doc's quote. */
export interface Waiver {
  id: string;
  reason: string;
}

/** scope.denied: also an operation the same credential may call (so a deny-all API fails). */
export interface ScopeRequirement extends RequirementBase {
  kind: 'scope.denied';
  allowed?: { operation: Operation; request?: RequestExample };
}

/** tenant.isolation: how to find a resource of the first tenant, and statuses accepted besides the errors (e.g. 404). */
export interface IsolationRequirement extends RequirementBase {
  kind: 'tenant.isolation';
  resource?: ResourceRef;
  statuses: number[];
}

/** credential.refused-scheme: the refusedSchemes entry it checks. */
export interface RefusedSchemeRequirement extends RequirementBase {
  kind: 'credential.refused-scheme';
  refused: RefusedScheme;
}

/** resource.hidden: the private resource (found through `resource`, else the operation's example). */
export interface HiddenResourceRequirement extends RequirementBase {
  kind: 'resource.hidden';
  resource?: ResourceRef;
}

/** key.no-expiry: how far the mock clock is advanced (default P365D). */
export interface NoExpiryRequirement extends RequirementBase {
  kind: 'key.no-expiry';
  /** ISO 8601, as written */
  after: string;
  afterMs: number;
}

/** response.header: the rule of x-authconform.responseHeaders it checks. */
export interface ResponseHeaderRequirement extends RequirementBase {
  kind: 'response.header';
  rule: ResponseHeaderRule;
}

export type KindWithoutExtraFields = Exclude<
  RequirementKind,
  'scope.denied' | 'tenant.isolation' | 'key.no-expiry' | 'response.header' | 'credential.refused-scheme' | 'resource.hidden'
>;

/** The loaded requirement of one kind. */
export type RequirementOf<K extends RequirementKind> = K extends 'scope.denied'
  ? ScopeRequirement
  : K extends 'tenant.isolation'
    ? IsolationRequirement
    : K extends 'key.no-expiry'
      ? NoExpiryRequirement
      : K extends 'response.header'
        ? ResponseHeaderRequirement
        : K extends 'credential.refused-scheme'
          ? RefusedSchemeRequirement
          : K extends 'resource.hidden'
            ? HiddenResourceRequirement
            : RequirementBase & { kind: K };

/** A loaded requirement: a union discriminated on `kind` for the kinds with extra fields. */
export type Requirement =
  | ScopeRequirement
  | IsolationRequirement
  | NoExpiryRequirement
  | ResponseHeaderRequirement
  | RefusedSchemeRequirement
  | HiddenResourceRequirement
  | (RequirementBase & { kind: KindWithoutExtraFields });

/** Statements of the docs mapped to requirement ids, or to why they cannot be probed. */
export interface TraceEntry {
  doc: string;
  section: string;
  quote: string;
  requirements?: string[];
  untestable?: string;
}

export interface MockCredentialSeed {
  role: Role;
  /** literal credential (key or token); for `login`, the password */
  value: string;
  scheme?: string;
  tenant?: string;
  /** plan name for rate limits */
  plan?: string;
  scopes?: string[];
  /** e.g. phone numbers a Linq token may send from */
  attributes?: Record<string, string[]>;
  /** ISO 8601 duration: revoked that long before the mock clock's start */
  revokedAgo?: string;
  /** login role: the user's email and organizations */
  email?: string;
  organizations?: string[];
  /** the user the credential belongs to (the rate-limit partition "user"); default: its tenant */
  user?: string;
}

export interface MockSection {
  /** path of the seed file (credentials by role), relative to the spec */
  seed?: string;
  /** rate limit the mock applies where the docs give none (per minute) */
  rateLimitPerMinute?: number;
  rateLimitPerDay?: number;
  /** login token lifetime (ISO 8601) where the docs say only "configurable" */
  tokenLifetime?: string;
  /** initial clock of the mock (ISO 8601 date-time) */
  clockStart?: string;
  /** collections of resources per tenant: collection name -> items (each with `tenant`) */
  data?: Record<string, Array<Record<string, unknown>>>;
  /** the mock's lockout numbers where the docs give none (x-authconform.lockout) */
  lockout?: { after: number; within: string; lasts: string };
  /** values of `{fixture:NAME}` placeholders on the mock (seed file `resources:`) */
  resources?: Record<string, string>;
  /** how each operation answers: operationId -> behaviour */
  operations?: Record<string, MockOperation>;
  /** request-body bindings, e.g. `from` must be one of the credential's `phone_numbers` */
  bindings?: Array<{ operation: string; pointer: string; attribute: string; error: string }>;
}

export type MockOperation =
  /** `field: ''`: the body is the array itself (a top-level JSON array) */
  | { respond: 'list'; collection: string; field: string; extra?: Record<string, unknown>; total?: string }
  /**
   * one item by `param` (its id), or by `params` (path parameter → pointer into the item);
   * `public`: items readable without a credential (the others are hidden: `notFound`)
   */
  | { respond: 'get'; collection: string; param?: string; params?: Record<string, string>; notFound: string; wrap?: string; public?: FieldEquals }
  | { respond: 'create'; collection: string; wrap?: string }
  /** `contentType`: a non-JSON body (a string) served with this media type */
  | { respond: 'static'; status?: number; body: unknown; testBody?: unknown; contentType?: string }
  | { respond: 'login' };

export interface Contract {
  /** short name, from the file name: `linkfetch` */
  name: string;
  title: string;
  /** absolute path of the spec file */
  file: string;
  /** sha256 of the spec file bytes, hex */
  sha256: string;
  /** documented base URLs */
  servers: string[];
  sources: Record<string, SourceDoc>;
  schemes: CredentialScheme[];
  /** the scheme a plain `valid` credential uses */
  defaultScheme: string;
  keyFormat: KeyFormat;
  /** roles a target must provide for full coverage */
  roles: Role[];
  errors: Record<string, ErrorSpec>;
  operations: Operation[];
  /** the safe read-only operation most probes use */
  probeOperation: string;
  rateLimit?: RateLimitSpec;
  rotation?: RotationSpec;
  organization?: OrganizationSpec;
  login?: LoginSpec;
  transport: TransportSpec;
  requiredHeaders: RequiredHeader[];
  echoHeaders: EchoHeader[];
  /** documented response headers (x-authconform.responseHeaders) */
  responseHeaders: ResponseHeaderRule[];
  /** a documented lockout after repeated refused credentials */
  lockout?: LockoutSpec;
  /** scheme words the docs say are refused (x-authconform.refusedSchemes) */
  refusedSchemes?: RefusedScheme[];
  /** credential placements the docs say are refused (x-authconform.refusedPlacements) */
  refusedPlacements?: RefusedPlacement[];
  requirements: Requirement[];
  /** profile requirements this spec waives, with the reason (x-authconform.waivers) */
  waivers?: Waiver[];
  /** the profiles layered onto this contract (--profile), by name */
  profiles?: string[];
  traceability: TraceEntry[];
}
