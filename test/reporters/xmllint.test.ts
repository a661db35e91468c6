import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateJunit } from './xmllint.ts';

describe('JUnit schema validation (xmllint-wasm, vendored XSD)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ac-xsd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a minimal valid report', async () => {
    const file = join(dir, 'ok.xml');
    writeFileSync(file, '<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c" classname="k"/></testsuite></testsuites>');
    expect(await validateJunit(file)).toBe(`${file} validates`);
  });

  it('rejects a report the schema forbids, naming the element', async () => {
    const file = join(dir, 'bad.xml');
    writeFileSync(file, '<testsuites><testsuite name="s" tests="1"><bogus/></testsuite></testsuites>');
    await expect(validateJunit(file)).rejects.toThrow(/Element 'bogus': This element is not expected/);
  });
});
