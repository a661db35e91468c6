/** The registry of CLI commands, in the order `authconform help` lists them. */
import type { CliCommand } from '../command.ts';
import { command as list } from './list.ts';
import { command as validate } from './validate.ts';
// `run`, `mock` and `generate` are registered here by their authors: import `command` from
// './run.ts', './mock.ts', './generate.ts' and add it to COMMANDS below.

export const COMMANDS: CliCommand[] = [
  validate,
  list,
  // run, mock, generate
];
