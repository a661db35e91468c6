import type { SecretSet } from '../secrets/index.ts';

/**
 * A CLI command: one file per command in src/cli/commands/, dispatched by src/cli/main.ts.
 * A command declares its arguments and options once (`options`: one entry per option); parsing
 * (commander), `authconform help <command>` and the README's command table all come from that.
 */
export interface CliIO {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * the run's secrets: main masks every line written through stdout/stderr with them (error
   * messages of any library included); a command adds what it loads (fixture credentials)
   */
  secrets?: SecretSet;
  /**
   * stdout when it is a terminal: text written as is (no newline), for a line rewritten in place
   * (`\r`, clear line); absent when stdout is a file or a pipe
   */
  live?: (text: string) => void;
}

/** One option of a command. */
export interface OptionDecl {
  /** commander's flag syntax: `--target <URL>` (takes a value), `--strict` (boolean), `--no-control` (negation) */
  flags: string;
  /** one line for the help and the README table */
  help: string;
  /** may be given more than once; the values are collected in order */
  repeatable?: boolean;
  /** the only values allowed */
  choices?: readonly string[];
  /** an integer option: its range (the value reaches the command as a number) */
  integer?: { min: number; max?: number };
  /** the command refuses to run without it */
  required?: boolean;
  /** the value when the option is absent, shown in the help */
  default?: string;
}

export interface CommandDecl {
  name: string;
  summary: string;
  /** positional arguments in commander's syntax: `<spec>`, `[spec...]`, `<spec...>`; none when absent */
  args?: string;
  /** what the positional argument is, for the help */
  argsHelp?: string;
  options: OptionDecl[];
  /** lines printed after the options in `authconform help <command>` */
  notes?: string[];
}

export interface CliCommand extends CommandDecl {
  /** returns the process exit code; throws AuthconformError for bad input (exit 2) */
  run(argv: string[], io: CliIO): Promise<number>;
}
