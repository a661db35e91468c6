/** Reading a file a report command was given: its bytes, or AC_USAGE (exit 2) naming it as shown. */
import { readFileSync } from 'node:fs';
import { AuthconformError } from '../util/errors.ts';

export interface InputFile {
  bytes: Buffer;
  /** how the user named it (`--json run.json`) */
  shown: string;
}

/** @throws AuthconformError AC_USAGE `<shown>: cannot read the file` */
export function readInput(file: string, shown: string): InputFile {
  try {
    return { bytes: readFileSync(file), shown };
  } catch {
    throw new AuthconformError('AC_USAGE', `${shown}: cannot read the file`);
  }
}
