import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../reporters/junit-xml.ts';
import { maskRecord } from '../../src/report/mask.ts';
import { junitSchemaProblems } from '../reporters/xmllint.ts';
import { SECRET, SHA, sampleRecord } from './record-fixture.ts';

describe('renderJunit', () => {
  const xml = renderJunit(maskRecord(sampleRecord(), [SECRET]));

  it('validates against the vendored JUnit schema (Jenkins xUnit junit-10.xsd)', async () => {
    expect(await junitSchemaProblems(xml)).toEqual([]);
  });

  it('masks the secret everywhere', () => {
    expect(xml).not.toContain('SECRETsecret');
    expect(xml).toContain('sk_live_…cdef');
  });

  it('counts per testsuite, none on the root', () => {
    expect(xml).toContain('<testsuites name="authconform" time="0.012">');
    expect(xml).toContain(
      '<testsuite name="acme › invalid-credentials" tests="4" failures="1" errors="1" skipped="1" time="0.012" timestamp="2025-12-29T09:20:00Z">',
    );
    expect(xml).toContain('<testsuite name="acme › key-lifecycle" tests="2" failures="0" errors="0" skipped="0" time="0.012" timestamp="2025-12-29T09:20:00Z">');
  });

  it('carries spec facts as suite properties and requirement facts as testcase properties', () => {
    for (const [name, value] of [
      ['spec', 'acme'],
      ['spec_sha256', SHA],
      ['target', 'https://api.acme.test'],
      ['level', 'default'],
      ['tool_version', '9.9.9'],
      ['authconform_family', 'invalid-credentials'],
      ['spec_requests', '12'],
    ]) {
      expect(xml).toContain(`<property name="${name}" value="${value}"/>`);
    }
    expect(xml).toContain('[[PROPERTY|requirement_id=ACME-AUTH-04]]\n[[PROPERTY|level=MUST]]\n[[PROPERTY|kind=credential.invalid]]');
    expect(xml).toContain('[[PROPERTY|source=Acme — Auth › Errors: "401 invalid_key"]]');
  });

  it('writes skip, error, failure and warning where readers look', () => {
    expect(xml).toContain('<skipped message="no `expired_token` credential in the fixtures">no `expired_token` credential in the fixtures</skipped>');
    expect(xml).toContain('<error message="Test timed out in 5000ms." type="error">Test timed out in 5000ms.</error>');
    expect(xml).toContain('<failure message="Expected 401 invalid_key, got 200 for GET /v1/x (key sk_live_…cdef)" type="MUST">');
    expect(xml).toContain('warning (SHOULD; fails the run only with --level should/all or --strict): bodies differ');
    expect(xml).toContain('statement: A wrong key is refused with 401 &lt;invalid_key&gt; &amp; nothing else.');
    expect(xml).toContain('classname="authconform.acme.invalid-credentials"');
  });
});
