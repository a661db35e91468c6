/**
 * A report path is checked before the run starts: a JUnit path that is a directory (or under a
 * file) would otherwise only fail once every case had run, and the results would be lost.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuthconformError } from '../util/errors.ts';

/**
 * @param file absolute path of the file to write (it and its directories may not exist yet)
 * @param shown the path as the user gave it, with the flag, e.g. `--junit out/`
 * @throws AuthconformError AC_USAGE
 */
export async function checkWritableFile(file: string, shown: string): Promise<void> {
  const fail = (why: string): never => {
    throw new AuthconformError('AC_USAGE', `${shown}: ${why}`);
  };
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory() === true) fail('is a directory, give a file path');
  if (existing !== undefined) {
    if (!(await writable(file))) fail('cannot be written');
    return;
  }
  // the nearest existing ancestor must be a directory we may create entries in
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const found = await stat(dir).catch(() => undefined);
    if (found !== undefined) {
      if (!found.isDirectory()) fail(`${dir} is not a directory`);
      if (!(await writable(dir))) fail(`cannot create files in ${dir}`);
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
