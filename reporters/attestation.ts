/**
 * Run record → an in-toto Statement v1 (in-toto/attestation spec/v1/statement.md): the subjects
 * are the spec files (name + sha256 of their bytes), the predicate is the run summary plus the
 * sha256 of the JSON record file. Checked against schemas/in-toto-statement-v1.schema.json.
 */
import type { RunRecord } from '../src/report/record.ts';
import { conformant, specVerdict, tallyByLevel, tallyCases } from '../src/report/tally.ts';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://authconform.dev/attestation/run/v1';

export interface InTotoStatement {
  _type: typeof STATEMENT_TYPE;
  subject: Array<{ name: string; digest: { sha256: string } }>;
  predicateType: typeof PREDICATE_TYPE;
  predicate: RunPredicate;
}

export interface RunPredicate {
  tool: { name: string; version: string };
  node: string;
  startedAt: string;
  endedAt: string;
  level: string;
  conformant: boolean;
  /** the JSON run record this statement summarises */
  record: { mediaType: 'application/json'; digest: { sha256: string } };
  specs: Array<{
    name: string;
    title: string;
    target: string;
    mock: boolean;
    sha256: string;
    verdict: string;
    tally: ReturnType<typeof tallyCases>;
    levels: ReturnType<typeof tallyByLevel>;
  }>;
}

/** @param recordSha256 the sha256 (hex) of the JSON record file's bytes */
export function buildStatement(record: RunRecord, recordSha256: string): InTotoStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: record.specs.map((s) => ({ name: s.name, digest: { sha256: s.sha256 } })),
    predicateType: PREDICATE_TYPE,
    predicate: {
      tool: { name: record.tool.name, version: record.tool.version },
      node: record.node,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      level: record.options.level,
      conformant: conformant(record),
      record: { mediaType: 'application/json', digest: { sha256: recordSha256 } },
      specs: record.specs.map((s) => ({
        name: s.name,
        title: s.title,
        target: s.target,
        mock: s.mock,
        sha256: s.sha256,
        verdict: specVerdict(s),
        tally: tallyCases(s.cases),
        levels: tallyByLevel(s.cases),
      })),
    },
  };
}
