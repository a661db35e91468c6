/**
 * Quotes must occur in the document they cite (src/spec/quote-match.ts states the rule); a source
 * without a local copy is one warning line naming it, never an error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeForQuote, quoteOccurs } from '../../src/spec/quote-match.ts';
import { loadContract } from '../../src/spec/load.ts';
import { presentBundledSpecs } from '../../src/spec/bundled.ts';
import type { Problem } from '../../src/util/errors.ts';
import { runCli } from './cli-capture.ts';
import { tempDir } from '../support/temp-dir.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/broken-specs/', import.meta.url));
const MINIMAL = readFileSync(join(CORPUS, '_valid-minimal.yaml'), 'utf8');
const PAGE = readFileSync(join(CORPUS, 'acme-auth.txt'), 'utf8');

const occurs = (quote: string, page: string): boolean => quoteOccurs(quote, normalizeForQuote(page));

describe('quote matching rule', () => {
  it('ignores whitespace, line breaks and spaces the page lacks', () => {
    expect(occurs('keys keep working for a\n  24-hour grace window', 'old keys keep\nworking for a 24-hour grace window.')).toBe(true);
    expect(occurs('sk_live_… — never', 'Bearer sk_live_…—never share it')).toBe(true);
  });

  it('ignores list markers at line starts, shell continuations and markdown emphasis', () => {
    expect(occurs('Create a new key. Revoke the old one.', '- Create a new key.\n- Revoke the old one.')).toBe(true);
    expect(occurs('Create a new key. Revoke the old one.', '1. Create a new key.\n2. Revoke the old one.')).toBe(true);
    expect(occurs('curl -H "Authorization: Bearer KEY" https://x.test', 'curl \\\n  -H "Authorization: Bearer KEY" \\\n  https://x.test')).toBe(true);
    expect(occurs('Keys **never** expire; send `x-api-key`.', 'Keys never expire; send x-api-key.')).toBe(true);
  });

  it('reads typographic quotes and dashes as ASCII, in the quote and the page', () => {
    expect(occurs('the key\'s "prefix" - always', 'the key’s “prefix” — always')).toBe(true);
    expect(occurs('the key’s “prefix”', 'the key\'s "prefix"')).toBe(true);
  });

  it('treats … and ... in a quote as an elision whose parts occur in order', () => {
    expect(occurs('Keys are scoped … rotate them freely', 'Keys are scoped to a workspace; rotate them freely.')).toBe(true);
    expect(occurs('rotate them freely ... Keys are scoped', 'Keys are scoped to a workspace; rotate them freely.')).toBe(false);
  });

  it('keeps words, digits and case', () => {
    expect(occurs('for a 24-hour grace window', 'for a 48-hour grace window')).toBe(false);
    expect(occurs('Old keys', 'old keys')).toBe(false);
    expect(occurs('keys keep working', 'keys stop working')).toBe(false);
  });
});

function specDir(text: string, page?: string): string {
  const dir = tempDir('authconform-quotes-');
  writeFileSync(join(dir, 'acme.yaml'), text.replace('    seed: _seeds/acme.yaml\n', ''));
  if (page !== undefined) writeFileSync(join(dir, 'acme-auth.txt'), page);
  return dir;
}

describe('validate and cited sources', () => {
  it('a spec whose quotes occur in its source passes with no warning', async () => {
    expect(await runCli(['validate', 'acme.yaml'], specDir(MINIMAL, PAGE))).toEqual({ code: 0, stdout: ['✓ acme (acme.yaml): 3 requirements'], stderr: [] });
  });

  it('an absent cited file is one warning line naming it, and exit 0', async () => {
    const run = await runCli(['validate', 'acme.yaml'], specDir(MINIMAL));
    expect(run).toEqual({
      code: 0,
      stdout: ['✓ acme (acme.yaml): 3 requirements'],
      stderr: ['warning: acme.yaml:45:49 (/x-authconform/sources/auth/file): source auth cites acme-auth.txt, which is absent here (file not found): its 3 quotes are not checked'],
    });
  });

  it('a source with only a public url validates, with one warning that its quotes are not checked', async () => {
    const text = MINIMAL.replace('file: acme-auth.txt }', 'url: "https://docs.acme.test/auth" }');
    const run = await runCli(['validate', 'acme.yaml'], specDir(text));
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual(['warning: acme.yaml:45:48 (/x-authconform/sources/auth/url): source auth has only a url (add a local copy as `file` to check them): its 3 quotes are not checked']);
  });

  it('a url beside the file: the quotes are checked against the file', async () => {
    const text = MINIMAL.replace('file: acme-auth.txt }', 'file: acme-auth.txt, url: "https://docs.acme.test/auth" }');
    const c = await loadContract('acme.yaml', { cwd: specDir(text, PAGE) });
    expect(c.sources.auth).toEqual({ title: 'Acme — Authentication', file: 'acme-auth.txt', url: 'https://docs.acme.test/auth' });
    const broken = text.replace('Send your key in X-Acme-Key.', 'Send your key in X-Acme-Token.');
    const run = await runCli(['validate', 'acme.yaml'], specDir(broken, PAGE));
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      '✗ acme.yaml: 1 problem',
      'acme.yaml:79:42 (/x-authconform/traceability/0/quote): traceability entry 0 quotes "Send your key in X-Acme-Token.", which is not in source auth (acme-auth.txt) — quote the document as written; whitespace, list markers, emphasis and typographic punctuation are ignored, and … marks omitted words',
    ]);
  });

  it('a source with neither file nor url is refused with its location', async () => {
    const run = await runCli(['validate', 'acme.yaml'], specDir(MINIMAL.replace(', file: acme-auth.txt }', ' }')));
    expect(run.code).toBe(2);
    expect(run.stderr[1]).toMatch(/^acme\.yaml:45:\d+ \(\/x-authconform\/sources\/auth\): .*needs one of "file", "url"/);
  });

  it('a cited file outside the spec folder is never read: one warning', async () => {
    const text = MINIMAL.replace('file: acme-auth.txt }', 'file: ../../etc/passwd }');
    const run = await runCli(['validate', 'acme.yaml'], specDir(text));
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([`warning: acme.yaml:45:49 (/x-authconform/sources/auth/file): source auth cites ../../etc/passwd, which is outside the spec's folder: its 3 quotes are not checked`]);
  });

  it('every quote of every bundled spec is checked against its vendored page (docs/vendor/), with no warning', async () => {
    const warnings: Problem[] = [];
    for (const name of presentBundledSpecs()) await loadContract(name, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    expect(presentBundledSpecs().length).toBe(5);
  });
});
