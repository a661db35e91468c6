/**
 * The probe model: a family is a small value in a registry that turns contract + fixtures into
 * cases; a case sends requests through the context and returns an outcome with evidence.
 * Probes use the transport's types, errors and parsing/redaction helpers, never its client: they
 * receive a `send` function.
 */
import type { FamilyId } from '../kinds/kind.ts';
import type { Contract, Level, Requirement, RequirementKind, RequirementOf } from '../spec/contract.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import type { OriginName, PathRequest, ProbeResponse, Exchange, SentRequest } from '../transport/types.ts';
import type { SharedSteps } from './step-memo.ts';
import type { RefusalPacer } from './refusal-pacer.ts';

export type Verdict = 'pass' | 'fail' | 'skip';

export interface Outcome {
  verdict: Verdict;
  /** one line a person can act on: "Expected 401 missing_key, got 200 for GET /v1/profiles (no credentials)" */
  message: string;
  expected?: string;
  actual?: string;
  /** redacted, formatted exchanges (see transport/redact.ts formatExchange) */
  evidence: string[];
  /** secondary findings (e.g. a secret echoed back), masked */
  findings?: string[];
}

/** Mock-only control: clock and key lifecycle. Absent on real targets. */
export interface MockControl {
  now(): Promise<number>;
  advance(ms: number): Promise<number>;
  /** stops real time from moving the mock clock until the next reset (windows shorter than a burst) */
  freeze?(): Promise<number>;
  createKey(opts: { like: string }): Promise<string>;
  revokeKey(value: string): Promise<void>;
  reset(): Promise<void>;
}

export interface RunOptions {
  /** allow requests that change state (writes) on real targets (`--writes`) */
  writes: boolean;
  /** allow exhausting windows longer than a minute (daily quotas) on real targets (`--spend-quota`) */
  spendQuota: boolean;
  /** the longest a probe may wait for a rate-limit reset on a real target, ms */
  maxWaitMs: number;
}

export interface ProbeContext {
  contract: Contract;
  fixtures: Fixtures;
  /** the origins this run has a client for (`plain-http` only when there is one) */
  origins: readonly OriginName[];
  /** the request as it goes on the wire: its path resolved against its origin's base URL */
  resolve(req: PathRequest): SentRequest;
  /** sends one request to the origin it names (default the target's); throws TransportError */
  send(req: PathRequest): Promise<ProbeResponse>;
  /** records an exchange for evidence (send() records automatically) */
  exchanges: Exchange<SentRequest>[];
  control?: MockControl;
  options: RunOptions;
  /** secrets to mask in everything this case reports */
  secrets: string[];
  /** sleep used for waits on real targets (injectable); `what` is what it waits for (default: the rate-limit window) */
  sleep(ms: number, what?: string): Promise<void>;
  /** monotonic ms the timing probe reads around each request (injectable: a virtual clock in self-tests) */
  clock(): number;
  /** announces a long step before it starts (one console line: what, and about how long) */
  announce?(what: string, ms: number): void;
  /** steps shared by the cases of one run (an exhausted window); absent where state does not carry over */
  shared?: SharedSteps;
  /** the run's invalid-attempt budget where the target locks clients out (real targets with fixtures.lockout) */
  pacer?: RefusalPacer;
}

export interface Case {
  /** unique within its spec: `${requirement.id} ${title}` */
  name: string;
  requirement: Requirement;
  level: Level;
  family: string;
  title: string;
  /** known at plan time: why the case cannot run (missing fixture role, ...) */
  skip?: string;
  /** the spec waives the case's (profile) requirement: the reason (the case is skipped) */
  waiver?: string;
  /** trips a lockout (x-authconform.lockout): run with the lockout family, last of all */
  tripsLockout?: true;
  run(ctx: ProbeContext): Promise<Outcome>;
}

/** The probe function of one requirement kind: the cases of one requirement. */
export type PlanCases<R extends Requirement = Requirement> = (contract: Contract, fixtures: Fixtures, requirement: R, env: { mock: boolean }) => Case[];

/**
 * A probe family: the probe functions of the kinds it plans. Which family plans a kind, and in
 * which order, is the kind's definition (src/kinds/).
 */
export interface ProbeFamily {
  id: FamilyId;
  title: string;
  plans: { [K in RequirementKind]?: PlanCases<RequirementOf<K>> };
}
