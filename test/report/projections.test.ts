import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { badgeText } from '../../reporters/badge.ts';
import { escapeData, escapeProperty } from '../../reporters/github-annotations.ts';
import { SCHEMA_FILES, schemaProblems } from '../../src/report/json-schemas.ts';
import { recordProblems } from '../../src/report/record-schema.ts';
import { verifyAttestation } from '../../src/report/verify.ts';
import { renderReports } from '../../src/report/write-reports.ts';
import { SECRET, SHA, sampleRecord } from './record-fixture.ts';

const keys = generateKeyPairSync('ed25519');
const rendered = renderReports(sampleRecord(), [SECRET], keys.privateKey);

describe('every projection of one record', () => {
  it('masks the secret in every format, the CI outputs included', () => {
    const all = { ...rendered, annotations: rendered.annotations.join('\n'), attestPayload: Buffer.from(JSON.parse(rendered.attest).payload, 'base64').toString() };
    for (const [format, text] of Object.entries(all)) {
      expect(text.includes('SECRETsecret'), format).toBe(false);
      expect(text.includes(Buffer.from(SECRET).toString('base64')), format).toBe(false);
    }
    expect(rendered.json).toContain('sk_live_…cdef');
  });

  it('writes a record valid against its 2020-12 schema, and the schema catches a wrong one', () => {
    expect(recordProblems(JSON.parse(rendered.json))).toEqual([]);
    const broken = { ...sampleRecord(), recordVersion: 2 };
    expect(recordProblems(broken)).toEqual(['/recordVersion must be equal to constant']);
  });

  it('writes SARIF valid against the SARIF 2.1.0 schema: a rule per requirement, a result per failed case', () => {
    const sarif = JSON.parse(rendered.sarif);
    expect(schemaProblems(SCHEMA_FILES.sarif, sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['ACME-AUTH-03', 'ACME-AUTH-04', 'ACME-AUTH-05', 'ACME-KEY-03', 'ACME-KEY-04']);
    expect(run.tool.driver.rules[0].help.text).toBe(
      'A wrong key is refused with 401 <invalid_key> & nothing else.\n\nSource: Acme — Auth › Errors: "401 invalid_key"',
    );
    expect(run.results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`)).toEqual([
      'ACME-AUTH-03 error',
      'ACME-AUTH-05 error',
      'ACME-KEY-03 warning',
    ]);
    expect(schemaProblems(SCHEMA_FILES.sarif, { ...sarif, version: '2.0.0' })).toEqual(['/version must be equal to one of the allowed values']);
  });

  it('summarises for GitHub: tallies and the failed requirements with reasons', () => {
    expect(rendered.summary.split('\n').slice(0, 5)).toEqual([
      '## authconform 9.9.9: not conformant',
      '',
      '| spec | verdict | passed | failed | warnings | errors | skipped | requests |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| acme | not conformant | 2 | 1 | 1 | 1 | 1 | 12 |',
    ]);
    expect(rendered.summary).toContain(
      '| acme | ACME-AUTH-03 | MUST | ACME-AUTH-03 unknown key with a documented prefix | Expected 401 invalid_key, got 200 for GET /v1/x (key sk_live_…cdef) |',
    );
    expect(rendered.summary).toContain('| acme | ACME-KEY-03 | SHOULD (warning) |');
  });

  it('annotates one error per run-failing case and one warning per SHOULD failure, escaped', () => {
    expect(rendered.annotations).toEqual([
      '::error title=acme ACME-AUTH-03 (MUST)::ACME-AUTH-03 unknown key with a documented prefix: Expected 401 invalid_key, got 200 for GET /v1/x (key sk_live_…cdef)',
      '::error title=acme ACME-AUTH-05 (error)::ACME-AUTH-05 crashes: Test timed out in 5000ms.',
      '::warning title=acme ACME-KEY-03 (SHOULD)::ACME-KEY-03 revoked and unknown look alike: bodies differ',
    ]);
    expect(escapeData('50% done\r\nnext::x')).toBe('50%25 done%0D%0Anext::x');
    expect(escapeProperty('a: b, c%\n')).toBe('a%3A b%2C c%25%0A');
  });

  it('draws the badge from the MUST tally', () => {
    expect(badgeText(sampleRecord())).toBe('acme 1/4 MUST');
    expect(rendered.badge).toContain('fill="#e05d44"');
    expect(rendered.badge).toContain('<title>authconform: acme 1/4 MUST</title>');
  });

  it('writes self-contained HTML: no script, no external reference, failures before passes', () => {
    expect(rendered.html).not.toMatch(/<script|<link|src=|href=|url\(/i);
    expect(rendered.html).toContain(`<code data-testid="spec-sha256">${SHA}</code>`);
    const rows = [...rendered.html.matchAll(/<tr data-verdict="(\w+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(['fail', 'error', 'warning', 'pass', 'pass', 'skip']);
    expect(rendered.html).toContain('&lt;invalid_key&gt; &amp; nothing else.');
  });

  it('signs an in-toto statement in a DSSE envelope that verifies, and only with its key', () => {
    const envelope = JSON.parse(rendered.attest);
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(schemaProblems(SCHEMA_FILES.dsseEnvelope, envelope)).toEqual([]);
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString());
    expect(schemaProblems(SCHEMA_FILES.inTotoStatement, statement)).toEqual([]);
    expect(statement.subject).toEqual([{ name: 'acme', digest: { sha256: SHA } }]);
    const input = { attestation: { bytes: Buffer.from(rendered.attest), shown: 'a.json' }, record: { bytes: Buffer.from(rendered.json), shown: 'r.json' }, specs: [] };
    const ok = verifyAttestation({ ...input, key: keys.publicKey });
    expect(ok.verified).toBe(true);
    expect(ok.lines[2]).toBe(
      `  acme (sha256 ${SHA}) → https://api.acme.test: not conformant; MUST 1/4, SHOULD 0/1, MAY 1/1; 1 failed, 1 warnings, 1 skipped`,
    );
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyAttestation({ ...input, key: other }).verified).toBe(false);
    const tampered = { ...envelope, payload: Buffer.from(JSON.stringify({ ...statement, predicate: { ...statement.predicate, conformant: true } })).toString('base64') };
    expect(verifyAttestation({ ...input, attestation: { bytes: Buffer.from(JSON.stringify(tampered)), shown: 'a.json' }, key: keys.publicKey }).lines).toEqual([
      expect.stringMatching(/^the signature does not verify with the key [0-9a-f]{16}…$/),
    ]);
  });
});
