import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { main } from '../../src/cli/main.ts';
import { renderReadmeCommands, usageLine } from '../../src/cli/commands-doc.ts';
import { command as list } from '../../src/cli/commands/list.ts';
import { command as generate } from '../../src/cli/commands/generate.ts';
import { repoRoot } from '../../src/spec/bundled.ts';

describe('README command table', () => {
  it('is the one rendered from the command declarations (npx tsx scripts/gen-docs.ts)', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('<!-- commands:start');
    expect(renderReadmeCommands(readme, COMMANDS)).toBe(readme);
  });

  it('renders choices, required and repeatable options in the usage line', () => {
    expect(usageLine(list)).toBe('authconform list [spec...] [--format table|md|json] [--profile NAME|FILE ...] [--no-color]');
    expect(usageLine(generate)).toBe('authconform generate <spec> --out FILE [--target URL] [--fixtures FILE] [--force] [--profile NAME|FILE ...] [--no-color]');
  });
});

/** The README's option rows (`| run | \`--target URL\` | what it does | default |`), `\|` unescaped. */
function readmeOptionRows(readme: string): Array<{ command: string; flag: string; help: string }> {
  const table = readme.slice(readme.indexOf('<!-- commands:start'), readme.indexOf('<!-- commands:end'));
  return [...table.matchAll(/^\| ([\w ]+) \| `(--[\w-]+)[^`]*` \| (.*?) \| [^|]*\|$/gm)].map((m) => ({ command: m[1]!, flag: m[2]!, help: m[3]!.replaceAll('\\|', '|') }));
}

describe('each command\'s --help', () => {
  const rows = readmeOptionRows(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
  const common = rows.filter((r) => r.command === 'every command');

  it.each(COMMANDS.map((c) => [c.name]))('%s --help gives the options of its README rows, with their text, and no other', async (name) => {
    const out: string[] = [];
    expect(await main([name, '--help'], { stdout: (line) => out.push(line), stderr: (line) => out.push(`stderr: ${line}`) })).toBe(0);
    const help = out.join('\n');
    const own = [...rows.filter((r) => r.command === name), ...common];
    expect(own.length).toBeGreaterThan(1);
    // commander wraps the descriptions: compare with whitespace collapsed
    const flat = help.replace(/\s+/g, ' ');
    expect(own.filter((r) => !flat.includes(`${r.flag}`) || !flat.includes(r.help.replace(/\s+/g, ' ')))).toEqual([]);
    const helpFlags = [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!).filter((f) => f !== '--help');
    expect(helpFlags.sort()).toEqual(own.map((r) => r.flag).sort());
  });
});

describe('common options', () => {
  it('every command takes --no-color', async () => {
    const { parseCommandArgs } = await import('../../src/cli/parse-args.ts');
    for (const c of COMMANDS) {
      const argv = c.args?.startsWith('<') === true ? ['x', '--no-color'] : ['--no-color'];
      if (c.name === 'generate') argv.push('--out', 'x.test.ts');
      expect(parseCommandArgs(c, argv).values['no-color'], c.name).toBe(true);
    }
  });
});
