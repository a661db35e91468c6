import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { runCli, STACK_LINE } from './cli-capture.ts';

describe('authconform main', () => {
  it('registers every command', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['run', 'report', 'merge', 'verify', 'mock', 'validate', 'list', 'generate']);
  });

  it('prints the version', async () => {
    expect(await runCli(['--version'], repoRoot)).toEqual({ code: 0, stdout: ['0.1.0'], stderr: [] });
  });

  it('prints help with every command', async () => {
    const run = await runCli(['help'], repoRoot);
    expect(run.code).toBe(0);
    expect(run.stdout.slice(0, 5)).toEqual([
      'authconform — conformance tests for API authentication, driven by OpenAPI 3.1 specs',
      '',
      'usage: authconform <command> [options]',
      '',
      'commands:',
    ]);
    expect(run).toEqual(await runCli(['--help'], repoRoot));
  });

  it('prints the usage of one command, generated from its declaration', async () => {
    const expected = {
      code: 0,
      stderr: [],
      stdout: [
        'Usage: authconform list [options] [spec...]',
        '',
        'list the requirements of specs (default: every bundled spec), or of profiles (--profile without a',
        'spec)',
        '',
        'Arguments:',
        '  spec                   bundled spec names or .yaml paths (default: every bundled spec)',
        '',
        'Options:',
        '  --format <FORMAT>      table, md (Markdown) or json (default: "table")',
        '  --profile <NAME|FILE>  layer a profile onto the specs: standards, security, or a profile file',
        '                         (repeatable)',
        '  --no-color             no colours in the output (as does NO_COLOR=1 in the environment)',
        '  -h, --help             show this help',
      ],
    };
    expect(await runCli(['help', 'list'], repoRoot)).toEqual(expected);
    expect(await runCli(['list', '--help'], repoRoot)).toEqual(expected);
  });

  it('refuses an unknown command with one line and the usage', async () => {
    const run = await runCli(['vaildate'], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([
      `authconform: unknown command "vaildate"; commands: ${COMMANDS.map((c) => c.name).join(', ')}, help`,
      'usage: authconform <command> [options]   (authconform help for the commands)',
    ]);
  });

  it('refuses no command, and validate without a spec or with an unknown flag', async () => {
    expect(await runCli([], repoRoot)).toEqual({ code: 2, stdout: [], stderr: ['usage: authconform <command> [options]   (authconform help for the commands)'] });
    expect((await runCli(['validate'], repoRoot)).stderr).toEqual([
      'authconform: no spec given; usage: authconform validate <spec...> [options]',
    ]);
    expect(await runCli(['validate', '--strict', 'x'], repoRoot)).toEqual({
      code: 2,
      stdout: [],
      stderr: ['authconform: unknown option --strict; usage: authconform validate <spec...> [options]'],
    });
  });

  it('turns an unexpected error into one line, never a stack trace', async () => {
    const stderr: string[] = [];
    const code = await main(['--version'], {
      stdout: () => {
        throw new TypeError('boom\n    at somewhere (file.ts:1:1)');
      },
      stderr: (line) => stderr.push(line),
    });
    expect(code).toBe(2);
    expect(stderr).toEqual(['authconform: internal error: boom']);
    expect(stderr.filter((l) => STACK_LINE.test(l))).toEqual([]);
  });
});
