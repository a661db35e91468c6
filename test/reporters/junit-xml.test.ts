import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJunitXml } from '../../reporters/junit-xml.ts';
import type { CaseResult, RunResults } from '../../reporters/collect-results.ts';
import type { CaseMeta, SpecMeta } from '../../src/runner/meta.ts';
import { validateJunit } from './xmllint.ts';

const SECRET = 'sk_live_SECRETsecret0123456789abcdef';

const spec: SpecMeta = {
  spec: 'acme',
  title: 'Acme API',
  sha256: 'ab'.repeat(32),
  target: 'https://api.acme.test',
  mock: false,
  level: 'default',
  keyPrefixes: ['sk_live_', 'sk_test_'],
  requests: 12,
};

function meta(requirementId: string, level: CaseMeta['level'], extra: Partial<CaseMeta> = {}): CaseMeta {
  return {
    spec: 'acme',
    family: 'invalid-credentials',
    requirementId,
    level,
    statement: 'A wrong key is refused with 401 <invalid_key> & nothing else.',
    source: 'Acme — Auth › Errors: "401 invalid_key"',
    sha256: spec.sha256,
    target: spec.target,
    evidence: [],
    findings: [],
    failsRun: level === 'MUST',
    ...extra,
  };
}

function kase(name: string, status: CaseResult['status'], m: CaseMeta, extra: Partial<CaseResult> = {}): CaseResult {
  return { name, requirementId: m.requirementId, level: m.level, status, warning: false, meta: m, durationMs: 12, startTime: 1_767_000_000_000, ...extra };
}

const failed = meta('ACME-AUTH-03', 'MUST', {
  verdict: 'fail',
  message: `Expected 401 invalid_key, got 200 for GET /v1/x (key ${SECRET})`,
  expected: '401 invalid_key',
  actual: '200',
  evidence: [`> GET https://api.acme.test/v1/x\n> authorization: Bearer ${SECRET}\n< 200\n< {"ok":true,"\u0001":"]]>"}`],
});
const warned = meta('ACME-KEY-03', 'SHOULD', { verdict: 'fail', message: 'bodies differ', warning: true });

const results: RunResults = {
  interrupted: false,
  collectionErrors: [],
  specs: [
    {
      spec: 'acme',
      meta: spec,
      families: [
        {
          family: 'invalid-credentials',
          cases: [
            kase('ACME-AUTH-03 unknown key with a documented prefix', 'failed', failed, { message: failed.message }),
            kase('ACME-AUTH-03 truncated key', 'passed', meta('ACME-AUTH-03', 'MUST', { verdict: 'pass' })),
            kase('ACME-KEY-03 revoked and unknown look alike', 'passed', warned, { warning: true, message: 'bodies differ' }),
            kase('ACME-AUTH-04 expired token', 'skipped', meta('ACME-AUTH-04', 'MUST', { verdict: 'skip' }), {
              message: 'no `expired_token` credential in the fixtures',
            }),
            kase('ACME-AUTH-05 crashes', 'error', meta('ACME-AUTH-05', 'MUST'), { message: 'Test timed out in 5000ms.' }),
          ],
        },
      ],
    },
  ],
};

describe('buildJunitXml', () => {
  it('writes schema-valid JUnit with properties, failure, warning, skip and error, secrets masked', async () => {
    const xml = buildJunitXml(results, { secrets: [SECRET], toolVersion: '9.9.9', hostname: 'ci-host', now: 0 });
    const dir = await mkdtemp(join(tmpdir(), 'ac-junit-'));
    const file = join(dir, 'junit.xml');
    await writeFile(file, xml);
    expect(await validateJunit(file)).toBe(`${file} validates`);

    expect(xml).not.toContain('SECRETsecret');
    expect(xml).toContain('sk_live_…cdef');
    expect(xml).toContain('<testsuites name="authconform" tests="5" failures="1" errors="1" time="0.012">');
    expect(xml).toContain(
      '<testsuite name="acme › invalid-credentials" tests="5" failures="1" errors="1" skipped="1" time="0.012" timestamp="2025-12-29T09:20:00Z" hostname="ci-host">',
    );
    for (const [name, value] of [
      ['spec', 'acme'],
      ['spec_sha256', spec.sha256],
      ['target', 'https://api.acme.test'],
      ['level', 'default'],
      ['tool_version', '9.9.9'],
      ['authconform_family', 'invalid-credentials'],
      ['spec_requests', '12'],
    ]) {
      expect(xml).toContain(`<property name="${name}" value="${value}"/>`);
    }
    expect(xml).toContain('<skipped>no `expired_token` credential in the fixtures</skipped>');
    expect(xml).toContain('<error message="Test timed out in 5000ms." type="error">Test timed out in 5000ms.</error>');
    expect(xml).toContain('<failure message="Expected 401 invalid_key, got 200 for GET /v1/x (key sk_live_…cdef)" type="MUST">');
    expect(xml).toContain('warning (SHOULD; fails the run only with --level should/all or --strict): bodies differ');
    expect(xml).toContain('statement: A wrong key is refused with 401 &lt;invalid_key&gt; &amp; nothing else.');
    expect(xml).toContain('classname="authconform.acme.invalid-credentials"');
  });
});
