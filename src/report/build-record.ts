/**
 * vitest's results of a run (reporters/collect-results.ts) → the run record. Strings are taken as
 * the generated suite recorded them (already redacted); `maskRecord` masks the whole record once
 * more where it leaves the process.
 */
import type { CaseResult, RunResults, SpecResult } from '../../reporters/collect-results.ts';
import { TOOL_VERSION } from '../runner/tool-version.ts';
import { RECORD_VERSION, type RecordCase, type RecordShard, type RecordSpec, type RecordVerdict, type RunRecord } from './record.ts';

export interface RecordInput {
  results: RunResults;
  startedAt: Date;
  endedAt: Date;
  /** `describeLevel` of the run's options */
  level: string;
  writes: boolean;
  spendQuota: boolean;
  only: string[];
  shard?: RecordShard | undefined;
  /** spec files by spec name, relative to the run's directory */
  specFiles?: Record<string, string>;
}

export function buildRunRecord(input: RecordInput): RunRecord {
  return {
    recordVersion: RECORD_VERSION,
    tool: { name: 'authconform', version: TOOL_VERSION },
    node: process.version,
    startedAt: input.startedAt.toISOString(),
    endedAt: input.endedAt.toISOString(),
    options: { level: input.level, writes: input.writes, spendQuota: input.spendQuota, only: [...input.only], shard: input.shard ?? null },
    interrupted: input.results.interrupted,
    errors: [...input.results.collectionErrors],
    specs: input.results.specs.map((spec, i) => specRecord(spec, i, input.specFiles?.[spec.spec])),
  };
}

function specRecord(spec: SpecResult, index: number, file: string | undefined): RecordSpec {
  const m = spec.meta;
  return {
    name: spec.spec,
    ...(file === undefined ? {} : { file }),
    title: m?.title ?? spec.spec,
    sha256: m?.sha256 ?? '',
    target: m?.target ?? '',
    mock: m?.mock ?? false,
    roles: [...(m?.roles ?? [])],
    keyPrefixes: [...(m?.keyPrefixes ?? [])],
    requests: m?.requests ?? 0,
    order: m?.order ?? index,
    families: [...(m?.families ?? spec.families.map((f) => f.family))],
    cases: spec.families.flatMap((f) => f.cases.map((c) => caseRecord(c, f.family))),
  };
}

function caseRecord(c: CaseResult, family: string): RecordCase {
  const m = c.meta;
  const out: RecordCase = {
    name: c.name,
    requirementId: c.requirementId,
    level: c.level ?? 'MUST',
    kind: m?.kind ?? 'unknown',
    statement: m?.statement ?? '',
    source: m?.sourceRef ?? { doc: '', title: '', section: '' },
    family: m?.family ?? family,
    verdict: verdictOf(c),
    failsRun: m?.failsRun ?? true,
    findings: [...(m?.findings ?? [])],
    exchanges: [...(m?.evidence ?? [])],
    durationMs: Math.round(c.durationMs * 1000) / 1000,
  };
  const reason = c.message ?? m?.message;
  if (reason !== undefined && reason !== '') out.reason = reason;
  if (m?.expected !== undefined) out.expected = m.expected;
  if (m?.actual !== undefined) out.actual = m.actual;
  if (c.startTime !== undefined) out.startedAt = new Date(c.startTime).toISOString();
  if (m?.waiver !== undefined) out.waiver = m.waiver;
  return out;
}

function verdictOf(c: CaseResult): RecordVerdict {
  switch (c.status) {
    case 'passed':
      return c.warning ? 'fail' : 'pass';
    case 'failed':
      return 'fail';
    case 'error':
      return 'error';
    case 'skipped':
      return 'skip';
  }
}
