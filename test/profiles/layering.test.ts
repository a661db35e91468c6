/**
 * Profiles layered onto a spec (--profile): rows appended with their origin and public source,
 * waivers (reason required, located error otherwise; a waived row's cases skip with the reason),
 * ids unique across spec and profiles, bad profile files rejected with their location.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerProfiles, loadContractWithProfiles } from '../../src/spec/layer-profiles.ts';
import { loadProfile } from '../../src/spec/profile.ts';
import { bundledSpecPath } from '../../src/spec/bundled.ts';
import { planCases } from '../../src/probes/registry.ts';
import { requirementFacts, sourceLine } from '../../src/report/requirement-facts.ts';
import { AuthconformError } from '../../src/util/errors.ts';
import { profileRows } from '../../src/spec/profile-catalogue.ts';
import { tempDir } from '../support/temp-dir.ts';

const noFixtures = { credentials: {}, resources: {} };

/** linkit.yaml with `extra` inserted under x-authconform, in a temp folder (seed path made absolute). */
function linkitWith(extra: string): string {
  const dir = tempDir('authconform-profiles-');
  const text = readFileSync(bundledSpecPath('linkit'), 'utf8')
    .replace(/^(\s+seed: )\.\.\/fixtures\/mock\/linkit\.yaml$/m, '$1linkit-seed.yaml')
    .replace(/^x-authconform:\n/m, `x-authconform:\n${extra}`);
  writeFileSync(join(dir, 'linkit-seed.yaml'), readFileSync(new URL('../../fixtures/mock/linkit.yaml', import.meta.url)));
  const file = join(dir, 'linkit.yaml');
  writeFileSync(file, text);
  return file;
}

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof AuthconformError)) throw err;
    return [err.message, ...err.problems.map((q) => `${q.line ?? '?'}:${q.pointer ?? ''}: ${q.message}`)];
  }
  throw new Error('no error');
}

describe('profiles layered onto a spec', () => {
  it('appends the probed rows of each profile with their origin, after the spec rows', async () => {
    const plain = await loadContractWithProfiles('linkit', []);
    const c = await loadContractWithProfiles('linkit', ['standards', 'security']);
    const added = c.requirements.slice(plain.requirements.length);
    expect(c.requirements.slice(0, plain.requirements.length).map((r) => r.id)).toEqual(plain.requirements.map((r) => r.id));
    expect(added.map((r) => r.id)).toEqual([
      'STD-HTTP-401-CHALLENGE',
      'STD-HTTP-AUTHPARAM-ONCE',
      'STD-HTTP-SCHEME-CASE',
      'STD-HTTP-401-UNAUTHENTICATED',
      'STD-HTTP-403-FOR-VALID-CREDENTIALS',
      'STD-HTTP-DATE-FORMAT',
      'STD-BEARER-CHALLENGE',
      'STD-BEARER-NO-ERROR-WITHOUT-CREDENTIALS',
      'STD-BEARER-INVALID-TOKEN',
      'STD-BEARER-INSUFFICIENT-SCOPE',
      'STD-BEARER-ATTR-CHARSET',
      'STD-TOKEN-RESPONSE-NO-STORE',
      'STD-RL-POLICY-SYNTAX',
      'STD-RL-RATELIMIT-SYNTAX',
      'SEC-LOGIN-PASSWORD-EXACT',
      'SEC-LOGIN-NO-ENUMERATION',
      'SEC-KEY-NO-ENUMERATION',
      'SEC-NO-CREDENTIAL-ECHO',
      'SEC-NO-CREDENTIAL-IN-QUERY',
      'SEC-TIMING-NO-ENUMERATION',
    ]);
    expect(c.profiles).toEqual(['standards', 'security']);
    const exact = c.requirements.find((r) => r.id === 'SEC-LOGIN-PASSWORD-EXACT')!;
    expect(exact.level).toBe('MUST');
    expect(exact.role).toBe('login');
    expect(exact.origin).toEqual({
      profile: 'security',
      sourceTitle: 'OWASP Application Security Verification Standard 5.0.0',
      sourceUrl: 'https://github.com/OWASP/ASVS/tree/v5.0.0_release/5.0/en',
    });
    expect(sourceLine(requirementFacts(c, exact).source)).toBe(
      'OWASP Application Security Verification Standard 5.0.0 <https://github.com/OWASP/ASVS/tree/v5.0.0_release/5.0/en> › V6.2.8 Password Security (Level 1): ' +
        '"Verify that the application verifies the user\'s password exactly as received from the user, without any modifications such as truncation or case transformation."',
    );
  });

  it('lists every row of a profile with its source and whether it runs', () => {
    const rows = profileRows([loadProfile('security')]);
    expect(rows.map((r) => [r.id, r.level, r.probed])).toEqual([
      ['SEC-LOGIN-PASSWORD-EXACT', 'MUST', true],
      ['SEC-LOGIN-NO-ENUMERATION', 'SHOULD', true],
      ['SEC-KEY-NO-ENUMERATION', 'SHOULD', true],
      ['SEC-NO-CREDENTIAL-ECHO', 'SHOULD', true],
      ['SEC-NO-CREDENTIAL-IN-QUERY', 'MUST', true],
      ['SEC-TIMING-NO-ENUMERATION', 'SHOULD', true],
    ]);
    expect(rows[0]!.source).toMatchObject({ section: 'V6.2.8 Password Security (Level 1)', url: 'https://github.com/OWASP/ASVS/tree/v5.0.0_release/5.0/en' });
  });

  it('refuses an id present in the spec and a profile', async () => {
    const c = await loadContractWithProfiles('linkit', ['security']);
    expect(() => layerProfiles(c, [loadProfile('security')])).toThrow(/security.yaml: requirement SEC-LOGIN-PASSWORD-EXACT of profile security is also in spec linkit$/);
  });

  it('refuses an unknown profile name and an invalid profile file, located', async () => {
    expect(await problemsOf(loadContractWithProfiles('linkit', ['nope']))).toEqual(['profile "nope" not found; bundled profiles: standards, security']);
    const dir = tempDir('authconform-profiles-');
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, readFileSync(new URL('../../profiles/security.yaml', import.meta.url), 'utf8').replace('    level: MUST\n    kind: sec.login-password-exact', '    level: MUSTT\n    kind: sec.login-password-exact'));
    const problems = await problemsOf(loadContractWithProfiles('linkit', [file]));
    expect(problems[0]).toMatch(/bad\.yaml: 1 problem$/);
    expect(problems[1]).toMatch(/^\d+:\/requirements\/0\/level: /);
  });
});

describe('waivers', () => {
  it('a waived row is planned as skipped cases saying waived, with the reason', async () => {
    const file = linkitWith('  waivers:\n    - id: SEC-TIMING-NO-ENUMERATION\n      reason: "the docs say: keys are checked by a remote service"\n');
    const c = await loadContractWithProfiles(file, ['security']);
    expect(c.waivers).toEqual([{ id: 'SEC-TIMING-NO-ENUMERATION', reason: 'the docs say: keys are checked by a remote service' }]);
    const cases = planCases(c, noFixtures, { mock: true }).flatMap((p) => p.cases);
    const timing = cases.filter((k) => k.requirement.id === 'SEC-TIMING-NO-ENUMERATION');
    expect(timing.map((k) => [k.skip, k.waiver])).toEqual([
      ['waived: the docs say: keys are checked by a remote service', 'the docs say: keys are checked by a remote service'],
    ]);
    expect(cases.filter((k) => k.waiver !== undefined)).toHaveLength(1);
  });

  it('a waiver without a reason is a located validate error', async () => {
    const file = linkitWith('  waivers:\n    - id: SEC-TIMING-NO-ENUMERATION\n');
    const problems = await problemsOf(loadContractWithProfiles(file, ['security']));
    expect(problems[0]).toMatch(/linkit\.yaml: 1 problem$/);
    expect(problems[1]).toMatch(/^\d+:\/x-authconform\/waivers\/0: .*reason/);
  });

  it('a blank reason is refused too', async () => {
    const file = linkitWith('  waivers:\n    - id: SEC-TIMING-NO-ENUMERATION\n      reason: "  "\n');
    const problems = await problemsOf(loadContractWithProfiles(file, ['security']));
    expect(problems[1]).toMatch(/^\d+:\/x-authconform\/waivers\/0\/reason: /);
  });
});
