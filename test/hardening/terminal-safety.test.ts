/**
 * Red team weak spot: ANSI escapes in a spec title or statement reached the terminal raw (clear
 * the screen, set the window title, rewrite lines). Console output now shows every control
 * character escaped; with --no-color no ESC byte is written at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeControl, escapeControlKeepColour } from '../../src/util/terminal-text.ts';
import { canaryKey, cli, FIXTURES, HOSTILE_DIR, HOSTILE_SPEC, removeTempDirs } from './support/run.ts';
import { acmeTarget } from './support/servers.ts';
import { rmSync } from 'node:fs';

afterAll(removeTempDirs);

describe('terminal safety', () => {
  it('escapes control characters; keeps only the tool\'s own colour sequences in a finished line', () => {
    expect(escapeControl('a\u001b[2Jb\u0007c\u009bd\u202ee')).toBe('a\\x1b[2Jb\\x07c\\x9bd\\u202ee');
    expect(escapeControlKeepColour('\u001b[31m✗\u001b[39m title \u001b]0;pwned\u0007')).toBe('\u001b[31m✗\u001b[39m title \\x1b]0;pwned\\x07');
  });

  it('a spec whose title holds escape sequences: the run prints them escaped, no ESC byte with --no-color', async () => {
    const spec = join(HOSTILE_DIR, 'acme-ansi.tmp.yaml'); // next to the spec: its seed path stays valid
    writeFileSync(spec, readFileSync(HOSTILE_SPEC, 'utf8').replace('title: Acme API', 'title: "Acme \\e]0;pwned\\a\\e[2J API"'));
    const key = canaryKey();
    const server = await acmeTarget(key);
    try {
      const run = await cli(['run', spec, '--target', server.url, '--fixtures', FIXTURES, '--allow-live', '--no-color', '--junit', join(HOSTILE_DIR, 'ansi.tmp.xml')], {
        HOSTILE_VALID_KEY: key,
      });
      const out = [...run.stdout, ...run.stderr].join('\n');
      expect(out).toContain('Acme \\x1b]0;pwned\\x07\\x1b[2J API');
      expect(out).not.toContain('\u001b');
      expect(out).not.toContain('\u0007');
    } finally {
      await server.close();
      rmSync(spec, { force: true });
      rmSync(join(HOSTILE_DIR, 'ansi.tmp.xml'), { force: true });
    }
  }, 60_000);
});
