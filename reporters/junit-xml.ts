/**
 * Run record → JUnit XML, valid against the JUnit schema of the Jenkins xUnit plugin kept in
 * schemas/junit-10.xsd: one `<testsuite>` per spec and family with the spec's facts as
 * properties, one `<testcase>` per case. A pure function of the (masked) record.
 *
 * Read right by consumers within that schema: each testsuite carries tests/failures/errors/
 * skipped; the root `<testsuites>` carries no counts, because the schema allows no `skipped` there
 * and a root `tests` without it makes readers such as test-results-parser count skipped cases as
 * passed (without root counts they sum the testsuites). A skip reason is both the `message` of
 * `<skipped>` (junit2json, GitLab, Jenkins read it) and its text. Requirement id, level, kind and
 * source are testcase properties in the `[[PROPERTY|name=value]]` form of system-out that JUnit
 * readers (test-results-parser, Jenkins) take as testcase properties: the schema allows no
 * `<properties>` in a testcase.
 */
import { create } from 'xmlbuilder2';
import { caseFailureText, warningWhy } from '../src/report/case-text.ts';
import type { RecordCase, RecordSpec, RunRecord } from '../src/report/record.ts';
import { sourceLine } from '../src/report/requirement-facts.ts';
import { tallyCases } from '../src/report/tally.ts';

type XMLBuilder = ReturnType<typeof create>;

export function renderJunit(record: RunRecord): string {
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele('testsuites', { name: 'authconform' });
  root.att('time', seconds(record.specs.reduce((sum, s) => sum + spanMs(s.cases), 0)));
  for (const spec of record.specs) {
    for (const family of familiesOf(spec)) writeSuite(root, record, spec, family);
  }
  if (record.errors.length > 0) writeRunErrors(root, record);
  return root.end({ prettyPrint: true });
}

/** The spec's cases grouped by family, in the record's family order. */
export function familiesOf(spec: RecordSpec): Array<{ family: string; cases: RecordCase[] }> {
  const out = new Map<string, RecordCase[]>();
  for (const c of spec.cases) out.set(c.family, [...(out.get(c.family) ?? []), c]);
  return [...out].map(([family, cases]) => ({ family, cases }));
}

function writeSuite(root: XMLBuilder, record: RunRecord, spec: RecordSpec, group: { family: string; cases: RecordCase[] }): void {
  const t = tallyCases(group.cases);
  const started = group.cases.map((c) => c.startedAt).filter((s): s is string => s !== undefined).sort();
  const suite = root.ele('testsuite', {
    name: `${spec.name} › ${group.family}`,
    tests: String(t.total),
    failures: String(t.failed),
    errors: String(t.errors),
    skipped: String(t.skipped),
    time: seconds(spanMs(group.cases)),
    timestamp: isoSeconds(started[0] ?? record.startedAt),
  });
  const props = suite.ele('properties');
  const property = (name: string, value: string): void => void props.ele('property', { name, value });
  property('spec', spec.name);
  property('spec_sha256', spec.sha256);
  property('target', spec.target);
  property('target_is_mock', String(spec.mock));
  property('level', record.options.level);
  property('tool_version', record.tool.version);
  property('authconform_family', group.family);
  property('spec_requests', String(spec.requests));
  for (const c of group.cases) writeCase(suite, spec, c);
}

function writeCase(suite: XMLBuilder, spec: RecordSpec, c: RecordCase): void {
  const el = suite.ele('testcase', { name: c.name, classname: `authconform.${spec.name}.${c.family}`, time: seconds(c.durationMs) });
  const reason = c.reason ?? '';
  if (c.verdict === 'skip') el.ele('skipped', { message: reason }).txt(reason);
  if (c.verdict === 'error') el.ele('error', { message: reason, type: 'error' }).txt(reason);
  if (c.verdict === 'fail' && c.failsRun) el.ele('failure', { message: reason, type: c.level }).txt(caseFailureText(c));
  el.ele('system-out').txt(systemOut(c));
}

/**
 * The case's properties (requirement id, level, kind, source), statement and source; for a
 * warning, the failure it stands for; for a pass, the redacted exchanges that show it.
 */
function systemOut(c: RecordCase): string {
  const lines = [
    `[[PROPERTY|requirement_id=${c.requirementId}]]`,
    `[[PROPERTY|level=${c.level}]]`,
    `[[PROPERTY|kind=${c.kind}]]`,
    `[[PROPERTY|source=${propertyValue(sourceLine(c.source))}]]`,
    ...(c.source.profile === undefined ? [] : [`[[PROPERTY|profile=${c.source.profile}]]`]),
    ...(c.waiver === undefined ? [] : [`[[PROPERTY|waiver=${propertyValue(c.waiver)}]]`]),
    `requirement: ${c.requirementId} (${c.level})`,
    `statement: ${c.statement}`,
    `source: ${sourceLine(c.source)}`,
  ];
  if (c.verdict === 'fail' && !c.failsRun) lines.push('', `warning (${warningWhy(c)}): ${caseFailureText(c)}`);
  else if (c.verdict === 'pass') {
    lines.push(...c.findings.map((f) => `finding: ${f}`));
    if (c.reason) lines.push('', `verdict: ${c.reason}`);
    if (c.exchanges.length > 0) lines.push('', 'evidence:', ...c.exchanges);
  }
  return lines.join('\n');
}

/** A property value on one line without `]` (which would end the marker). */
function propertyValue(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\]/g, ')');
}

function writeRunErrors(root: XMLBuilder, record: RunRecord): void {
  const suite = root.ele('testsuite', {
    name: 'authconform › collection',
    tests: String(record.errors.length),
    failures: '0',
    errors: String(record.errors.length),
    skipped: '0',
    time: '0.000',
    timestamp: isoSeconds(record.startedAt),
  });
  record.errors.forEach((error, i) => {
    suite.ele('testcase', { name: `collection error ${i + 1}`, classname: 'authconform.collection', time: '0.000' })
      .ele('error', { message: error, type: 'collection' })
      .txt(error);
  });
}

/** Wall-clock span of cases, ms (first start to last end); the sum of durations when none started. */
function spanMs(cases: RecordCase[]): number {
  let start = Infinity;
  let end = 0;
  for (const c of cases) {
    if (c.startedAt === undefined) continue;
    const at = Date.parse(c.startedAt);
    start = Math.min(start, at);
    end = Math.max(end, at + c.durationMs);
  }
  return end > start ? end - start : cases.reduce((sum, c) => sum + c.durationMs, 0);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function isoSeconds(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}
