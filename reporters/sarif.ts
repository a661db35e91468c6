/**
 * Run record → SARIF 2.1.0 (schemas/sarif-2.1.0.schema.json): one rule per requirement of the
 * run (help text = statement + quoted source sentence), one result per failed case: level `error`
 * for MUST, `warning` for SHOULD, `note` for MAY; a case that could not run is an `error`. Results
 * point at the spec file as the record names it (relative to where the run started: the
 * repository root in CI, as code scanning expects) and carry a stable fingerprint (spec + case
 * name) so code scanning tracks them across runs.
 */
import type { RecordCase, RecordSpec, RunRecord } from '../src/report/record.ts';
import { sourceLine } from '../src/report/requirement-facts.ts';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export function renderSarif(record: RunRecord): string {
  const rules = new Map<string, { id: string; c: RecordCase; spec: RecordSpec }>();
  for (const spec of record.specs) for (const c of spec.cases) if (!rules.has(c.requirementId)) rules.set(c.requirementId, { id: c.requirementId, c, spec });
  const ruleIndex = new Map([...rules.keys()].map((id, i) => [id, i]));
  const results = record.specs.flatMap((spec) =>
    spec.cases.filter((c) => c.verdict === 'fail' || c.verdict === 'error').map((c) => result(spec, c, ruleIndex.get(c.requirementId)!)),
  );
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'authconform',
            version: record.tool.version,
            semanticVersion: record.tool.version,
            informationUri: 'https://www.npmjs.com/package/authconform',
            rules: [...rules.values()].map(({ id, c }) => rule(id, c)),
          },
        },
        invocations: [
          {
            executionSuccessful: record.errors.length === 0 && !record.interrupted,
            startTimeUtc: record.startedAt,
            endTimeUtc: record.endedAt,
            ...(record.errors.length === 0 ? {} : { toolExecutionNotifications: record.errors.map((text) => ({ level: 'error', message: { text } })) }),
          },
        ],
        results,
        properties: {
          specs: record.specs.map((s) => ({ name: s.name, sha256: s.sha256, target: s.target })),
          level: record.options.level,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function rule(id: string, c: RecordCase): object {
  const quote = sourceLine(c.source);
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]+/g, ''),
    shortDescription: { text: c.statement },
    fullDescription: { text: `${c.statement} Source: ${quote}` },
    help: { text: `${c.statement}\n\nSource: ${quote}`, markdown: `${c.statement}\n\n> ${quote}` },
    defaultConfiguration: { level: levelOf(c.level) },
    properties: { level: c.level, kind: c.kind, tags: ['authentication', 'conformance', c.level] },
  };
}

function result(spec: RecordSpec, c: RecordCase, ruleIndex: number): object {
  const lines = [c.reason ?? c.verdict];
  if (c.expected !== undefined) lines.push(`expected: ${c.expected}`);
  if (c.actual !== undefined) lines.push(`actual: ${c.actual}`);
  return {
    ruleId: c.requirementId,
    ruleIndex,
    level: c.verdict === 'error' ? 'error' : levelOf(c.level),
    message: { text: `${spec.name}: ${c.name}: ${lines.join('; ')}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: spec.file ?? `specs/${spec.name}.yaml` }, region: { startLine: 1 } },
        logicalLocations: [{ name: c.name, fullyQualifiedName: `${spec.name}/${c.family}/${c.name}`, kind: 'test' }],
      },
    ],
    partialFingerprints: { authconformCase: `${spec.name}/${c.name}` },
    properties: { verdict: c.verdict, failsRun: c.failsRun, family: c.family, target: spec.target, exchanges: c.exchanges },
  };
}

function levelOf(level: RecordCase['level']): 'error' | 'warning' | 'note' {
  return level === 'MUST' ? 'error' : level === 'SHOULD' ? 'warning' : 'note';
}
