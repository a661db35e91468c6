/**
 * The run record: one versioned JSON document per run, the single source every report is
 * projected from (JUnit, HTML, SARIF, CI summaries, attestation, badge). Schema:
 * schemas/run-record.schema.json (JSON Schema 2020-12). Every string in a record that leaves the
 * process has been masked (src/report/mask.ts).
 */
import type { Level } from '../spec/contract.ts';

export const RECORD_VERSION = 1;

/** `fail` with `failsRun: false` is a warning (a SHOULD/MAY failure that does not fail the run). */
export type RecordVerdict = 'pass' | 'fail' | 'skip' | 'error';

export interface RecordSource {
  /** key of the document in the spec's `sources` */
  doc: string;
  /** the document's title */
  title: string;
  section: string;
  quote?: string;
  /** a profile requirement's source: its public URL and the profile it comes from */
  url?: string;
  profile?: string;
}

export interface RecordCase {
  /** the test name: `<REQUIREMENT-ID> <title>` */
  name: string;
  requirementId: string;
  level: Level;
  kind: string;
  statement: string;
  source: RecordSource;
  family: string;
  verdict: RecordVerdict;
  /** whether a failure of this case fails the run (level and --strict decide) */
  failsRun: boolean;
  /** fail/error: the one-line reason; skip: why; pass: the verdict note, if any */
  reason?: string;
  expected?: string;
  actual?: string;
  findings: string[];
  /** redacted, formatted exchanges */
  exchanges: string[];
  durationMs: number;
  /** ISO time the case started, when it ran */
  startedAt?: string;
  /** the spec waives this (profile) requirement: the reason, from the vendor's docs */
  waiver?: string;
}

export interface RecordSpec {
  name: string;
  /** the spec file, relative to the directory the run started in (`/` separated) */
  file?: string;
  title: string;
  sha256: string;
  /** masked target URL (the embedded mock's when `mock`) */
  target: string;
  mock: boolean;
  /** credential roles the fixtures provided (names only) */
  roles: string[];
  /** documented key prefixes (for shape-based masking of later projections) */
  keyPrefixes: string[];
  /** requests the spec's transport sent */
  requests: number;
  /** position of the spec in the whole (unsharded) run */
  order: number;
  /** the spec's families in plan order, whole run (shards hold a subset of them) */
  families: string[];
  cases: RecordCase[];
}

export interface RecordShard {
  /** 1-based */
  index: number;
  count: number;
}

export interface RunRecord {
  recordVersion: typeof RECORD_VERSION;
  tool: { name: 'authconform'; version: string };
  node: string;
  startedAt: string;
  endedAt: string;
  options: {
    /** as `describeLevel` writes it: default, must, should, all, with +strict */
    level: string;
    /** `--writes`: requests that change state were allowed */
    writes: boolean;
    /** `--spend-quota`: long windows (daily quotas) could be exhausted */
    spendQuota: boolean;
    only: string[];
    /** null: the whole run; set on a shard's record (cleared by merge) */
    shard: RecordShard | null;
  };
  interrupted: boolean;
  /** errors outside any case (a suite that failed to load) */
  errors: string[];
  specs: RecordSpec[];
}
