/**
 * The CLI surface of profiles: `list --profile` prints every row with its source, `validate
 * --profile` layers the rows (and a bad profile is exit 2 with one line), `generate --profile`
 * writes the profiles into the suite.
 */
import { describe, expect, it } from 'vitest';
import { command as list } from '../../src/cli/commands/list.ts';
import { command as validate } from '../../src/cli/commands/validate.ts';
import { suiteSource } from '../../src/cli/commands/generate.ts';
import { captureIO, runCommand } from '../runner/cli-io.ts';

describe('authconform list --profile', () => {
  it('prints each row with level, kind, statement, source with URL, and quote; rows without a probe say so', async () => {
    const captured = captureIO();
    expect(await runCommand(list, ['--profile', 'security'], captured)).toBe(0);
    const out = captured.stdout;
    expect(out[0]).toBe('security — Credential security every API owes (OWASP ASVS 5.0, OWASP API Security Top 10 2023) (6 requirements)');
    expect(out.slice(1, 5)).toEqual([
      'SEC-LOGIN-PASSWORD-EXACT  MUST  sec.login-password-exact',
      '    A login with the right account and an altered password is refused (no 2xx, no token): the password with its letter case flipped, with its last character changed, cut by one character, and with one character appended.',
      '    source: OWASP Application Security Verification Standard 5.0.0 › V6.2.8 Password Security (Level 1) <https://github.com/OWASP/ASVS/tree/v5.0.0_release/5.0/en>',
      '    "Verify that the application verifies the user\'s password exactly as received from the user, without any modifications such as truncation or case transformation."',
    ]);
    expect(out).toContain('SEC-NO-CREDENTIAL-IN-QUERY  MUST  sec.no-query-credential');
  });

  it('md gives one table per profile with linked sources', async () => {
    const captured = captureIO();
    expect(await runCommand(list, ['--profile', 'standards', '--format', 'md'], captured)).toBe(0);
    const md = captured.stdout.join('\n');
    expect(md.split('\n')[0]).toBe('## HTTP standards every authenticated API owes (`--profile standards`)');
    expect(md).toContain('| STD-HTTP-401-CHALLENGE | MUST | std.challenge |');
    expect(md).toContain('](https://www.rfc-editor.org/rfc/rfc9110.html)');
  });

  it('with a spec, lists the spec rows and the profile rows that apply', async () => {
    const captured = captureIO();
    expect(await runCommand(list, ['linkfetch', '--profile', 'security', '--format', 'json'], captured)).toBe(0);
    const ids = (JSON.parse(captured.stdout.join('\n')) as Array<{ id: string }>).map((r) => r.id).filter((id) => id.startsWith('SEC-'));
    expect(ids).toEqual(['SEC-KEY-NO-ENUMERATION', 'SEC-NO-CREDENTIAL-ECHO', 'SEC-NO-CREDENTIAL-IN-QUERY', 'SEC-TIMING-NO-ENUMERATION']);
  });
});

describe('validate --profile', () => {
  it('counts the layered rows; an unknown profile is one line and exit 2', async () => {
    const ok = captureIO();
    expect(await runCommand(validate, ['linkit', '--profile', 'security'], ok)).toBe(0);
    expect(ok.stdout).toEqual(['✓ linkit (specs/linkit.yaml): 17 requirements']);
    const bad = captureIO();
    expect(await runCommand(validate, ['linkit', '--profile', 'nope'], bad)).toBe(2);
    expect(bad.stderr).toEqual(['✗ profile "nope" not found; bundled profiles: standards, security']);
  });
});

describe('generate --profile', () => {
  it('writes the profiles into the suite, bundled by name and files relative to it', () => {
    const source = suiteSource({ spec: { bundled: 'linkit' }, profiles: [{ bundled: 'security' }, { file: '../ours.yaml' }], specName: 'linkit', exampleId: 'LINKIT-AUTH-01', file: 'x.test.ts' });
    expect(source).toContain('  profiles: ["security", here("../ours.yaml")],\n');
    expect(source).toContain("const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));");
  });
});
