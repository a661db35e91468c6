/** Runs the CLI in-process with captured output (helper for the spec and CLI tests). */
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string[];
  stderr: string[];
}

export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, {
    stdout: (line) => stdout.push(...line.split('\n')),
    stderr: (line) => stderr.push(...line.split('\n')),
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

/** A line of a stack trace (`    at fn (file:1:2)`). */
export const STACK_LINE = /^\s+at /;
