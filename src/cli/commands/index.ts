/** The registry of CLI commands, in the order `authconform help` lists them. */
import type { CliCommand } from '../command.ts';
import { command as generate } from './generate.ts';
import { command as list } from './list.ts';
import { command as merge } from './merge.ts';
import { command as mock } from './mock.ts';
import { command as report } from './report.ts';
import { command as run } from './run.ts';
import { command as validate } from './validate.ts';
import { command as verify } from './verify.ts';

export const COMMANDS: CliCommand[] = [run, report, merge, verify, mock, validate, list, generate];
