/**
 * `node:util` parseArgs in strict mode for one command: a bad flag becomes AC_USAGE (exit 2) with
 * a one-line message that carries the command's usage.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { AuthconformError } from '../util/errors.ts';
import type { CliCommand } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A usage error of `command`: `<what>; usage: <usage>`. */
export function usageError(command: Pick<CliCommand, 'usage'>, what: string): AuthconformError {
  return new AuthconformError('AC_USAGE', `${what}; usage: ${command.usage.split('\n')[0] ?? ''}`);
}

function describeParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // Node's text spans lines ("argument missing", "argument is ambiguous. Did you forget ...")
      const option = /'(--?[\w-]+)/.exec(e.message ?? '')?.[1];
      const text = e.message ?? '';
      if (option === undefined) break;
      if (/does not take an argument/.test(text)) return `${option} takes no value`;
      if (/ambiguous/.test(text)) return `${option} needs a value (write ${option}=VALUE for a value that starts with "-")`;
      if (/argument missing/.test(text)) return `${option} needs a value`;
      break;
    }
  }
  return (e.message ?? String(err)).split('\n')[0] ?? String(err);
}

export function parseCommandArgs<O extends Options>(command: Pick<CliCommand, 'usage'>, argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) throw usageError(command, describeParseError(err));
    throw err;
  }
}
