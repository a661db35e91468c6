/**
 * Run results → JUnit XML (Jenkins junit-4 schema, /work/shared/schemas/jenkins-junit.xsd): one
 * `<testsuite>` per spec and family with the spec's facts as properties, one `<testcase>` per case.
 * Built with xmlbuilder2; every string passes through the redactor once more on the way out.
 */
import { hostname } from 'node:os';
import { create } from 'xmlbuilder2';
import { failureText } from '../src/runner/failure-text.ts';
import { createRedactor, type Redactor } from '../src/runner/redactor.ts';
import { casesOf, spanMs, tally, type CaseResult, type FamilyResult, type RunResults, type SpecResult } from './collect-results.ts';

type XMLBuilder = ReturnType<typeof create>;

export interface JunitXmlOptions {
  /** secret values to mask (defence in depth: the metas are redacted already) */
  secrets: string[];
  toolVersion: string;
  /** the run's level option, when the metas do not carry it */
  level?: string;
  /** @default os.hostname() */
  hostname?: string;
  /** timestamp of suites that did not run, ms since epoch @default Date.now() */
  now?: number;
}

export function buildJunitXml(results: RunResults, options: JunitXmlOptions): string {
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele('testsuites', {
    name: 'authconform',
  });
  const all = results.specs.flatMap(casesOf);
  const t = tally(all);
  root.att({ tests: String(t.total), failures: String(t.failed), errors: String(t.errors + results.collectionErrors.length) });
  root.att('time', seconds(results.specs.reduce((sum, s) => sum + spanMs(casesOf(s)), 0)));
  for (const spec of results.specs) {
    const redact = createRedactor(options.secrets, spec.meta?.keyPrefixes ?? []);
    for (const family of spec.families) writeSuite(root, spec, family, options, redact);
  }
  if (results.collectionErrors.length > 0) writeCollectionErrors(root, results.collectionErrors, options);
  return root.end({ prettyPrint: true });
}

function writeSuite(root: XMLBuilder, spec: SpecResult, family: FamilyResult, options: JunitXmlOptions, redact: Redactor): void {
  const t = tally(family.cases);
  const started = family.cases.map((c) => c.startTime).filter((s): s is number => s !== undefined);
  const suite = root.ele('testsuite', {
    name: redact(`${spec.spec} › ${family.family}`),
    tests: String(t.total),
    failures: String(t.failed),
    errors: String(t.errors),
    skipped: String(t.skipped),
    time: seconds(spanMs(family.cases)),
    timestamp: isoSeconds(started.length > 0 ? Math.min(...started) : (options.now ?? Date.now())),
    hostname: options.hostname ?? hostname(),
  });
  const props = suite.ele('properties');
  const property = (name: string, value: string): void => void props.ele('property', { name, value: redact(value) });
  property('spec', spec.spec);
  property('spec_sha256', spec.meta?.sha256 ?? '');
  property('target', spec.meta?.target ?? '');
  property('target_is_mock', String(spec.meta?.mock ?? false));
  property('level', spec.meta?.level ?? options.level ?? 'default');
  property('tool_version', options.toolVersion);
  property('authconform_family', family.family);
  if (spec.meta?.requests !== undefined) property('spec_requests', String(spec.meta.requests));
  for (const c of family.cases) writeCase(suite, spec, family, c, redact);
}

function writeCase(suite: XMLBuilder, spec: SpecResult, family: FamilyResult, c: CaseResult, redact: Redactor): void {
  const el = suite.ele('testcase', {
    name: redact(c.name),
    classname: redact(`authconform.${spec.spec}.${family.family}`),
    time: seconds(c.durationMs),
  });
  const message = redact(c.message ?? '');
  if (c.status === 'skipped') el.ele('skipped').txt(message);
  if (c.status === 'error') el.ele('error', { message, type: 'error' }).txt(message);
  if (c.status === 'failed') {
    const text = c.meta === undefined ? message : failureText(c.meta);
    el.ele('failure', { message, type: c.level ?? 'MUST' }).txt(redact(text));
  }
  const out = systemOut(c);
  if (out !== '') el.ele('system-out').txt(redact(out));
}

/**
 * Level, statement, source; for a warning, the failure it stands for; for a pass, the redacted
 * exchanges that show it (a conformance report is evidence, not only a verdict).
 */
function systemOut(c: CaseResult): string {
  const m = c.meta;
  if (m === undefined) return '';
  const lines = [`requirement: ${m.requirementId} (${m.level})`, `statement: ${m.statement}`, `source: ${m.source}`];
  if (c.warning) {
    const why = m.level === 'MAY' ? 'MAY, informational' : 'SHOULD; fails the run only with --level should/all or --strict';
    lines.push('', `warning (${why}): ${failureText(m)}`);
  } else if (c.status === 'passed') {
    lines.push(...m.findings.map((f) => `finding: ${f}`));
    if (m.message) lines.push('', `verdict: ${m.message}`);
    if (m.evidence.length > 0) lines.push('', 'evidence:', ...m.evidence);
  }
  return lines.join('\n');
}

function writeCollectionErrors(root: XMLBuilder, errors: string[], options: JunitXmlOptions): void {
  const suite = root.ele('testsuite', {
    name: 'authconform › collection',
    tests: String(errors.length),
    failures: '0',
    errors: String(errors.length),
    skipped: '0',
    time: '0.000',
    timestamp: isoSeconds(options.now ?? Date.now()),
    hostname: options.hostname ?? hostname(),
  });
  const redact = createRedactor(options.secrets, []);
  errors.forEach((error, i) => {
    const message = redact(error);
    suite.ele('testcase', { name: `collection error ${i + 1}`, classname: 'authconform.collection', time: '0.000' })
      .ele('error', { message, type: 'collection' })
      .txt(message);
  });
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
