/**
 * Issue 14's "done when": `authconform run linkit --profile security` against a server that accepts
 * a wrong password fails with a MUST-level profile requirement citing its source. The server is the
 * embedded Linkit mock with its wrong-password defect (any password logs in); the run goes through
 * runConformance, as `authconform run` does, and is read back from its JUnit XML.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/runner/run-conformance.ts';
import { runConformance } from '../support/compiled.ts';
import { readJunit, type JunitCase } from '../reporters/parse-junit.ts';
import { captureIO } from '../runner/cli-io.ts';
import { tempDir } from '../support/temp-dir.ts';

let summary: RunSummary;
let cases: JunitCase[];

beforeAll(async () => {
  const junit = join(tempDir('ac-profiles-'), 'junit.xml');
  summary = await runConformance(
    {
      specs: [{ spec: 'linkit', profiles: ['security'], mockDefects: ['LINKIT-LOGIN-02'] }],
      options: { only: ['SEC-LOGIN-PASSWORD-EXACT', 'LINKIT-LOGIN-01', 'LINKIT-LOGIN-02'] },
      junit,
      color: false,
    },
    captureIO().io,
  );
  cases = readJunit(junit).flatMap((s) => s.cases);
}, 120_000);

describe('run linkit --profile security against a server accepting a wrong password', () => {
  it('exits 1 with SEC-LOGIN-PASSWORD-EXACT as the only failure, at MUST', () => {
    expect(summary.exitCode).toBe(1);
    const failing = cases.filter((c) => c.failure !== undefined);
    expect(failing.map((c) => [c.name, c.failure?.type])).toEqual([['SEC-LOGIN-PASSWORD-EXACT altered passwords are refused', 'MUST']]);
    expect(failing[0]!.failure!.message).toBe(
      'Expected a refusal (no 2xx, no token), got 200 with a token for POST /api/v1/auth/login (password with its letter case flipped)',
    );
  });

  it('cites the profile requirement\'s source: ASVS 5.0 V6.2.8 with its URL and quote, and the profile', () => {
    const out = cases.find((c) => c.name.startsWith('SEC-LOGIN-PASSWORD-EXACT '))!.systemOut ?? '';
    expect(out).toContain('[[PROPERTY|profile=security]]');
    expect(out).toContain(
      'source: OWASP Application Security Verification Standard 5.0.0 <https://github.com/OWASP/ASVS/tree/v5.0.0_release/5.0/en> › V6.2.8 Password Security (Level 1): ' +
        '"Verify that the application verifies the user\'s password exactly as received from the user, without any modifications such as truncation or case transformation."',
    );
  });

  it('the spec\'s own login.reject skips, pointing at the profile requirement (one fault, one failure)', () => {
    const reject = cases.filter((c) => c.name.startsWith('LINKIT-LOGIN-02 '));
    expect(reject.map((c) => c.skipped)).toEqual([
      'precondition not met: a login with a wrong secret was accepted (200) on POST /api/v1/auth/login — see SEC-LOGIN-PASSWORD-EXACT',
    ]);
  });
});
