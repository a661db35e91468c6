/** In-process CLI calls with captured output, mapped to exit codes the way src/cli/main.ts does. */
import type { CliCommand, CliIO } from '../../src/cli/command.ts';
import { repoRoot } from '../../src/spec/bundled.ts';
import { AuthconformError } from '../../src/util/errors.ts';

export interface Captured {
  io: CliIO;
  stdout: string[];
  stderr: string[];
}

export function captureIO(env: NodeJS.ProcessEnv = {}, cwd: string = repoRoot): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { io: { stdout: (l) => void stdout.push(l), stderr: (l) => void stderr.push(l), env, cwd }, stdout, stderr };
}

/** Runs a command; an AuthconformError becomes `authconform: <message>` on stderr and its exit code. */
export async function runCommand(command: CliCommand, argv: string[], captured: Captured): Promise<number> {
  try {
    return await command.run(argv, captured.io);
  } catch (err) {
    if (!(err instanceof AuthconformError)) throw err;
    captured.io.stderr(`authconform: ${err.message}`);
    return err.exitCode;
  }
}
