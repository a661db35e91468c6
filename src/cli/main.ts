/**
 * The CLI entry: `authconform <command> [args]`. Dispatches to the registry in commands/index.ts,
 * handles help and version, and turns every error into `authconform: <message>` and exit 2 —
 * problem lines for spec errors, never a stack trace.
 */
import { TOOL_VERSION } from '../runner/tool-version.ts';
import { AuthconformError, formatProblem } from '../util/errors.ts';
import { SecretSet } from '../secrets/index.ts';
import { escapeControlKeepColour } from '../util/terminal-text.ts';
import type { CliCommand, CliIO } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { helpText } from './parse-args.ts';

const USAGE = 'usage: authconform <command> [options]   (authconform help for the commands)';

function helpLines(): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 'help'.length);
  return [
    'authconform — conformance tests for API authentication, driven by OpenAPI 3.1 specs',
    '',
    'usage: authconform <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  show this help, or the usage of one command (authconform help <command>)`,
    '',
    'options: --help, --version; every command takes --no-color (or NO_COLOR=1)',
  ];
}

function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (first === 'help' || first === '--help' || first === '-h') {
    const topic = rest[0];
    if (topic === undefined) {
      for (const line of helpLines()) io.stdout(line);
      return 0;
    }
    const command = findCommand(topic);
    if (command === undefined) throw new AuthconformError('AC_USAGE', `no command "${topic}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    for (const line of helpText(command)) io.stdout(line);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(TOOL_VERSION);
    return 0;
  }
  const command = findCommand(first);
  if (command === undefined) {
    io.stderr(`authconform: unknown command "${first}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}, help`);
    io.stderr(USAGE);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    for (const line of helpText(command)) io.stdout(line);
    return 0;
  }
  return command.run(rest, io);
}

function report(err: unknown, io: CliIO): number {
  if (err instanceof AuthconformError) {
    io.stderr(`authconform: ${err.message}`);
    for (const problem of err.problems) io.stderr(formatProblem(problem));
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`authconform: internal error: ${message.split('\n')[0] ?? ''}`);
  return 2;
}

/** In-place output on `stream` when it is a terminal (masked like every line); nothing otherwise. */
export function liveOf(stream: { isTTY?: boolean; write(text: string): unknown }, secrets: SecretSet): Pick<CliIO, 'live'> {
  return stream.isTTY === true ? { live: (text) => void stream.write(secrets.mask(text)) } : {};
}

let pipeGuarded = false;

/** A closed pipe (`authconform list | head`) ends the process quietly instead of with a stack trace. */
function guardStdoutPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`authconform: internal error: ${err.message}\n`);
    process.exit(err.code === 'EPIPE' ? (Number(process.exitCode) || 0) : 2);
  });
}

export async function main(argv: string[], io: Partial<CliIO> = {}): Promise<number> {
  if (io.stdout === undefined) guardStdoutPipe();
  const secrets = io.secrets ?? new SecretSet();
  const out = io.stdout ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const err = io.stderr ?? ((line: string) => void process.stderr.write(`${line}\n`));
  // the process's exit for text: every line is masked with the secrets known by then, and no
  // control character from a spec or a target reaches the terminal (our colours excepted)
  const cli: CliIO = {
    env: process.env,
    cwd: process.cwd(),
    ...(io.stdout === undefined ? liveOf(process.stdout, secrets) : {}),
    ...io,
    stdout: (line) => out(escapeControlKeepColour(secrets.mask(line))),
    stderr: (line) => err(escapeControlKeepColour(secrets.mask(line))),
    secrets,
  };
  try {
    return await dispatch(argv, cli);
  } catch (err) {
    return report(err, cli);
  }
}
