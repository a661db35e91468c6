/**
 * One real run through the CLI writes every report: the mock served as a real target with one
 * MUST defect and fixtures holding only the `valid` key (so there are failures, passes and
 * skips), with GitHub's environment variables set.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as junit2json, type TestSuites } from 'junit2json';
import { convertJUnitToCTRFReport } from 'junit-to-ctrf';
import testResultsParser from 'test-results-parser';
import { command as run } from '../../src/cli/commands/run.ts';
import { command as verify } from '../../src/cli/commands/verify.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { SCHEMA_FILES, schemaProblems } from '../../src/report/json-schemas.ts';
import type { RunRecord } from '../../src/report/record.ts';
import { tallyByLevel, tallyCases } from '../../src/report/tally.ts';
import { CHROMIUM, NO_CHROMIUM, renderInChromium } from './chromium.ts';
import { captureIO, runCommand, type Captured } from '../runner/cli-io.ts';
import { junitSchemaProblems } from '../reporters/xmllint.ts';
import { tempDir } from '../support/temp-dir.ts';

const DEFECT = 'LINKFETCH-AUTH-03';
let mock: MockServer;
let dir: string;
let key: string;
let captured: Captured;
let exitCode: number;
let record: RunRecord;
const file = (name: string): string => join(dir, name);
const text = (name: string): string => readFileSync(file(name), 'utf8');

beforeAll(async () => {
  mock = await startMock(await loadSpec('linkfetch'), { port: 0, control: false, defects: [DEFECT] });
  dir = tempDir('ac-reports-');
  key = mock.fixtures.credentials.valid!.value;
  await writeFile(file('fixtures.yaml'), 'credentials:\n  valid: ${AC_REPORTS_KEY}\n');
  const pair = generateKeyPairSync('ed25519');
  await writeFile(file('k.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(file('pub.pem'), pair.publicKey.export({ type: 'spki', format: 'pem' }));
  await writeFile(file('summary.md'), '');
  captured = captureIO({ AC_REPORTS_KEY: key, GITHUB_STEP_SUMMARY: file('summary.md'), GITHUB_ACTIONS: 'true' }, dir);
  exitCode = await runCommand(
    run,
    ['linkfetch', '--target', mock.url, '--fixtures', 'fixtures.yaml', '--max-wait', '0', '--no-color',
      '--json', 'r.json', '--junit', 'j.xml', '--html', 'r.html', '--sarif', 'r.sarif', '--attest', 'a.json', '--sign-key', 'k.pem', '--badge', 'b.svg'],
    captured,
  );
  record = JSON.parse(text('r.json')) as RunRecord;
});

afterAll(async () => {
  await mock?.close();
});

describe('run with every report', () => {
  it('fails on the defect only, and says where each report went', () => {
    expect(captured.stderr).toEqual([]);
    expect(exitCode).toBe(1);
    const failing = record.specs[0]!.cases.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
    expect(failing.length).toBeGreaterThan(0);
    expect(new Set(failing.map((c) => c.requirementId))).toEqual(new Set([DEFECT]));
    const t = tallyCases(record.specs[0]!.cases);
    expect(t.skipped).toBeGreaterThan(0);
    expect(t.passed).toBeGreaterThan(0);
    expect(captured.stdout.filter((l) => /^(JSON|JUnit|HTML|SARIF|Badge|Attestation): /.test(l))).toEqual(
      ['JSON r.json', 'JUnit j.xml', 'HTML r.html', 'SARIF r.sarif', 'Badge b.svg', 'Attestation a.json'].map((x) => {
        const [label, name] = x.split(' ');
        return `${label}: ${file(name!)}`;
      }),
    );
  });

  it('writes a record valid against its schema, with the run facts', () => {
    expect(schemaProblems(SCHEMA_FILES.runRecord, record)).toEqual([]);
    const spec = record.specs[0]!;
    expect([spec.name, spec.target, spec.mock, spec.roles, record.options.shard]).toEqual(['linkfetch', mock.url, false, ['valid'], null]);
    const c = spec.cases.find((x) => x.requirementId === DEFECT)!;
    expect(c.source.title.length).toBeGreaterThan(0);
    expect(c.kind).toBe('credential.invalid');
    expect(c.exchanges.length).toBeGreaterThan(0);
  });

  it('writes JUnit valid against the vendored schema', async () => {
    expect(await junitSchemaProblems(text('j.xml'))).toEqual([]);
  });

  it('is counted right by test-results-parser, junit2json and junit-to-ctrf', async () => {
    const t = tallyCases(record.specs[0]!.cases);
    // warnings are passing testcases in JUnit (a SHOULD failure does not fail the run)
    const passed = t.passed + t.warnings;

    const trp = testResultsParser.parse({ type: 'junit', files: [file('j.xml')] });
    expect([trp.passed, trp.failed, trp.errors, trp.skipped]).toEqual([passed, t.failed, t.errors, t.skipped]);
    const metadata = trp.suites.flatMap((s) => s.cases).map((c) => (c.metadata as Record<string, string>).requirement_id);
    expect(metadata).toEqual(record.specs[0]!.cases.map((c) => c.requirementId));

    const j2j = (await junit2json(text('j.xml'))) as TestSuites;
    const suites = j2j.testsuite ?? [];
    const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped'): number => suites.reduce((n, s) => n + (s[key] ?? 0), 0);
    expect([sum('tests'), sum('failures'), sum('errors'), sum('skipped')]).toEqual([t.total, t.failed, t.errors, t.skipped]);
    const skippedCases = suites.flatMap((s) => s.testcase ?? []).filter((c) => c.skipped !== undefined);
    expect(skippedCases.map((c) => c.skipped![0]!.message)).toEqual(record.specs[0]!.cases.filter((c) => c.verdict === 'skip').map((c) => c.reason));

    const ctrf = await convertJUnitToCTRFReport(file('j.xml'));
    const s = ctrf!.results.summary;
    expect([s.tests, s.passed, s.failed, s.skipped]).toEqual([t.total, passed, t.failed + t.errors, t.skipped]);
  });

  it('writes SARIF valid against the SARIF 2.1.0 schema, a result per failed case', () => {
    const sarif = JSON.parse(text('r.sarif'));
    expect(schemaProblems(SCHEMA_FILES.sarif, sarif)).toEqual([]);
    const failed = record.specs[0]!.cases.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(failed.map((c) => c.requirementId));
    // the spec file as the run found it, relative to where it started
    expect(record.specs[0]!.file).toMatch(/^(\.\.\/)+.*specs\/linkfetch\.yaml$/);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(record.specs[0]!.file);
  });

  it('appends the GitHub step summary and annotates each failed case', () => {
    const t = tallyCases(record.specs[0]!.cases);
    expect(text('summary.md')).toContain(`| linkfetch | not conformant | ${t.passed} | ${t.failed} | ${t.warnings} | ${t.errors} | ${t.skipped} | ${record.specs[0]!.requests} |`);
    const annotations = captured.stdout.filter((l) => l.startsWith('::'));
    expect(annotations.length).toBe(t.failed + t.errors + t.warnings);
    for (const a of annotations) expect(a).toMatch(new RegExp(`^::error title=linkfetch ${DEFECT} \\(MUST\\)::${DEFECT} `));
  });

  it.skipIf(CHROMIUM === undefined)(`renders the HTML in headless Chromium with the run's tallies${CHROMIUM === undefined ? ` (skipped: ${NO_CHROMIUM})` : ''}`, async () => {
    const page = await renderInChromium(file('r.html'));
    expect(page.problems).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(file('r.html')).href]);
    expect([page.runVerdict, page.specVerdicts, page.sha256]).toEqual(['not conformant', ['not conformant'], [record.specs[0]!.sha256]]);
    expect(page.tallies).toEqual([tallyByLevel(record.specs[0]!.cases).map((t) => [t.level, t.passed, t.failed, t.skipped, t.total])]);
    const failing = record.specs[0]!.cases.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
    expect(page.failures).toBe(failing.length);
  }, 60_000);

  it('draws the badge', () => {
    const must = record.specs[0]!.cases.filter((c) => c.level === 'MUST');
    expect(text('b.svg')).toContain(`<title>authconform: linkfetch ${must.filter((c) => c.verdict === 'pass').length}/${must.length} MUST</title>`);
  });

  it('verify accepts the attestation, and rejects it after one byte of the record or the spec changes', async () => {
    const spec = readFileSync(new URL('../../specs/linkfetch.yaml', import.meta.url));
    await writeFile(file('spec.yaml'), spec);
    const ok = captureIO({}, dir);
    expect(await runCommand(verify, ['a.json', '--key', 'pub.pem', '--json', 'r.json', '--spec', 'spec.yaml'], ok)).toBe(0);
    expect(ok.stdout[0]).toBe('verified: signature by key ' + ok.stdout[0]!.slice(27, 43) + '…, record digest, 1 spec digest');
    expect(ok.stdout[2]).toMatch(/^ {2}linkfetch \(sha256 [0-9a-f]{64}\) → http:\/\/127\.0\.0\.1:\d+: not conformant; MUST \d+\/\d+/);

    const json = readFileSync(file('r.json'));
    json[json.length - 2] = json[json.length - 2]! ^ 1;
    await writeFile(file('r2.json'), json);
    const badRecord = captureIO({}, dir);
    expect(await runCommand(verify, ['a.json', '--key', 'pub.pem', '--json', 'r2.json'], badRecord)).toBe(1);
    expect(badRecord.stderr[1]).toMatch(/^ {2}--json r2\.json: sha256 [0-9a-f]{64} is not the certified record's [0-9a-f]{64}$/);

    spec[spec.length - 1] = spec[spec.length - 1]! ^ 1;
    await writeFile(file('spec2.yaml'), spec);
    const badSpec = captureIO({}, dir);
    expect(await runCommand(verify, ['a.json', '--key', 'pub.pem', '--spec', 'spec2.yaml'], badSpec)).toBe(1);
    expect(badSpec.stderr[1]).toMatch(/^ {2}--spec spec2\.yaml: sha256 [0-9a-f]{64} is none of the certified specs \(linkfetch [0-9a-f]{12}…\)$/);

    const noKey = captureIO({}, dir);
    expect(await runCommand(verify, ['a.json', '--key', 'k-missing.pem'], noKey)).toBe(2);
    expect(noKey.stderr).toEqual(['authconform: --key k-missing.pem: cannot read the file']);
  });

  it('never shows the key: not in any report, not on stdout', () => {
    for (const name of ['r.json', 'j.xml', 'r.html', 'r.sarif', 'a.json', 'b.svg', 'summary.md']) {
      const content = text(name);
      expect(content.includes(key), name).toBe(false);
      expect(content.includes(key.slice(-12)), name).toBe(false);
    }
    const payload = Buffer.from(JSON.parse(text('a.json')).payload, 'base64').toString();
    expect(payload.includes(key)).toBe(false);
    expect(captured.stdout.join('\n').includes(key)).toBe(false);
  });
});
