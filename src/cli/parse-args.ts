/**
 * Parses one command's argv with commander, built from the command's declaration
 * (src/cli/command.ts). A bad flag or value becomes AC_USAGE (exit 2) with a one-line message
 * that ends with the command's short usage.
 */
import { Command, CommanderError, Option } from 'commander';
import { AuthconformError } from '../util/errors.ts';
import type { CommandDecl, OptionDecl } from './command.ts';

/** Options every command takes. */
export const COMMON_OPTIONS: OptionDecl[] = [{ flags: '--no-color', help: 'no colours in the output (as does NO_COLOR=1 in the environment)' }];

/** `authconform run [spec...] [options]`: the one-line usage of usage errors. */
export function shortUsage(decl: CommandDecl): string {
  return ['authconform', decl.name, decl.args, '[options]'].filter((p) => p !== undefined).join(' ');
}

/** A usage error of `decl`: `<what>; usage: <short usage>`. */
export function usageError(decl: CommandDecl, what: string): AuthconformError {
  return new AuthconformError('AC_USAGE', `${what}; usage: ${shortUsage(decl)}`);
}

/** The long flag of a declaration without its dashes: `max-requests`, `no-control`. */
export function optionName(option: OptionDecl): string {
  return /--([\w-]+)/.exec(option.flags)![1]!;
}

function checkInteger(decl: CommandDecl, option: OptionDecl, raw: string): number {
  const { min, max } = option.integer!;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || (max !== undefined && n > max)) {
    const range = max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
    throw usageError(decl, `--${optionName(option)} must be an integer ${range}, got "${raw}"`);
  }
  return n;
}

function checkChoice(decl: CommandDecl, option: OptionDecl, raw: string): string {
  if (!option.choices!.includes(raw)) throw usageError(decl, `--${optionName(option)} must be one of ${option.choices!.join(', ')}, got "${raw}"`);
  return raw;
}

function toOption(decl: CommandDecl, option: OptionDecl): Option {
  const o = new Option(option.flags, option.help);
  if (option.required === true) o.makeOptionMandatory();
  if (option.default !== undefined) o.default(option.integer === undefined ? option.default : Number(option.default));
  const parse = (raw: string): string | number => {
    if (option.integer !== undefined) return checkInteger(decl, option, raw);
    if (option.choices !== undefined) return checkChoice(decl, option, raw);
    return raw;
  };
  if (option.repeatable === true) o.argParser((raw: string, previous: unknown) => [...((previous as unknown[] | undefined) ?? []), parse(raw)]);
  else if (option.integer !== undefined || option.choices !== undefined) o.argParser((raw: string) => parse(raw));
  return o;
}

/** The commander program of one command (help output goes to `write`). */
export function buildCommand(decl: CommandDecl, write: (text: string) => void = () => {}): Command {
  const cmd = new Command(`authconform ${decl.name}`)
    .description(decl.summary)
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeOut: write, writeErr: () => {}, outputError: () => {} })
    .helpOption('-h, --help', 'show this help')
    // the same help on a terminal and in a pipe
    .configureHelp({ helpWidth: 100 });
  if (decl.args !== undefined) cmd.argument(decl.args, decl.argsHelp);
  for (const option of [...decl.options, ...COMMON_OPTIONS]) cmd.addOption(toOption(decl, option));
  return cmd;
}

/** The help text of a command, as lines. */
export function helpText(decl: CommandDecl): string[] {
  return buildCommand(decl).helpInformation().trimEnd().split('\n').concat(decl.notes === undefined ? [] : ['', ...decl.notes]);
}

const QUOTED = /'([^']+)'/;

function describeCommanderError(decl: CommandDecl, err: CommanderError): string {
  const quoted = QUOTED.exec(err.message)?.[1] ?? '';
  const flag = /^--?[\w-]+/.exec(quoted)?.[0] ?? quoted;
  switch (err.code) {
    case 'commander.unknownOption': {
      const [name, value] = quoted.split('=', 2);
      const known = decl.options.find((o) => `--${optionName(o)}` === name);
      if (value !== undefined && known !== undefined) return `${name} takes no value`;
      return `unknown option ${quoted}`;
    }
    case 'commander.optionMissingArgument':
      return `${flag} needs a value`;
    case 'commander.excessArguments':
      return decl.args === undefined ? 'this command takes no arguments' : 'too many arguments';
    case 'commander.missingMandatoryOptionValue':
      return `${flag} is required`;
    case 'commander.missingArgument':
      return `no ${quoted} given`;
  }
  return err.message.replace(/^error: /, '');
}

export interface ParsedArgs {
  /** option values by long flag name (`max-requests`; a negation `--no-control` as `no-control: true`) */
  values: Record<string, string | number | boolean | Array<string | number> | undefined>;
  positionals: string[];
}

/** Parses `argv` (the arguments after the command name) by the command's declaration. */
export function parseCommandArgs(decl: CommandDecl, argv: string[]): ParsedArgs {
  const cmd = buildCommand(decl);
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) throw usageError(decl, describeCommanderError(decl, err));
    throw err;
  }
  const raw = cmd.opts();
  const values: ParsedArgs['values'] = {};
  for (const option of [...decl.options, ...COMMON_OPTIONS]) {
    const name = optionName(option);
    if (name.startsWith('no-')) {
      if (raw[camel(name.slice(3))] === false) values[name] = true;
    } else {
      values[name] = raw[camel(name)] as ParsedArgs['values'][string];
    }
  }
  return { values, positionals: cmd.args };
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Typed reads of parsed values. */
export const read = {
  string: (p: ParsedArgs, name: string): string | undefined => p.values[name] as string | undefined,
  number: (p: ParsedArgs, name: string): number | undefined => p.values[name] as number | undefined,
  strings: (p: ParsedArgs, name: string): string[] => (p.values[name] as string[] | undefined) ?? [],
  flag: (p: ParsedArgs, name: string): boolean => p.values[name] === true,
};
