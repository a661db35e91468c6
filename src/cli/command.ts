/** A CLI command: one file per command in src/cli/commands/, dispatched by src/cli/main.ts. */
import type { SecretSet } from '../secrets/index.ts';

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
}

export interface CliCommand {
  name: string;
  summary: string;
  /** the usage line(s) shown by `authconform help <name>` and on usage errors */
  usage: string;
  /** returns the process exit code; throws AuthconformError for bad input (exit 2) */
  run(argv: string[], io: CliIO): Promise<number>;
}
