/**
 * What the generated suite attaches to vitest tasks for the reporters (`task.meta`): spec facts on
 * the spec's describe, the family on the family's describe, requirement facts and then the
 * verdict on each test. Every string in here is already redacted.
 */
import type { Level } from '../spec/contract.ts';
import type { RecordSource } from '../report/record.ts';

export interface SpecMeta {
  spec: string;
  title: string;
  sha256: string;
  /** the target URL (the embedded mock's when `mock`) */
  target: string;
  mock: boolean;
  /** the run's level option, as `describeLevel` writes it */
  level: string;
  /** documented key prefixes (live and test), for shape-based redaction in reporters */
  keyPrefixes: string[];
  /** requests the spec's transport sent; set when the spec's suite ends */
  requests?: number;
  /** credential roles the fixtures provide (names only) */
  roles: string[];
  /** the spec's families in plan order (the whole run's, not only this shard's) */
  families: string[];
  /** position of the spec in the whole run */
  order: number;
}

export interface FamilyMeta {
  spec: string;
  family: string;
  title: string;
}

/** `error`: the case itself crashed (a bug or an unexpected transport failure), not a verdict. */
export type CaseVerdict = 'pass' | 'fail' | 'skip' | 'error';

export interface CaseMeta {
  spec: string;
  family: string;
  requirementId: string;
  level: Level;
  statement: string;
  /** `<doc title> › <section>: "<quote>"` */
  source: string;
  kind: string;
  /** the source, structured (for the run record) */
  sourceRef: RecordSource;
  sha256: string;
  target: string;
  /** set once the case ran */
  verdict?: CaseVerdict;
  message?: string;
  expected?: string;
  actual?: string;
  evidence: string[];
  findings: string[];
  /** a failure that does not fail the run (SHOULD without --strict/--level, or MAY) */
  warning?: boolean;
  /** the spec waives this profile requirement: the reason */
  waiver?: string;
  /** whether a failure of this case fails the run */
  failsRun: boolean;
}

declare module 'vitest' {
  interface TaskMeta {
    authconformSpec?: SpecMeta;
    authconformFamily?: FamilyMeta;
    authconform?: CaseMeta;
  }
}
