import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.ts';
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
