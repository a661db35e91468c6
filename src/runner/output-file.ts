/**
 * Report paths (--junit and every other report): checked before the run starts — a path that is
 * a directory (or under a file) would otherwise only fail once every case had run; one that is an
 * input of the run (the spec, the fixtures, a seed, also through a link) would be overwritten; a
 * FIFO would block and a device would swallow the report — and written through a temporary file
 * in the same folder renamed over the path, so a reader never sees half a report and a link at
 * the path is replaced, not followed.
 */
import { randomBytes } from 'node:crypto';
import { constants, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { access, lstat, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AuthconformError } from '../util/errors.ts';

/** The real path of `file` (its folder's, when it does not exist yet). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return join(realpathSync(dirname(file)), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

/**
 * {@link checkWritableFile}, and the path is none of `inputs` (absolute paths of the run's input
 * files) and not a FIFO, socket or device.
 * @throws AuthconformError AC_USAGE
 */
export async function checkReportPath(file: string, shown: string, inputs: readonly string[]): Promise<void> {
  const target = realPath(file);
  if (inputs.some((input) => realPath(input) === target)) {
    throw new AuthconformError('AC_USAGE', `${shown}: is an input of this run; give another path for the report`);
  }
  const existing = await lstat(file).catch(() => undefined);
  const followed = await stat(file).catch(() => undefined);
  for (const found of [existing, followed]) {
    if (found !== undefined && !found.isFile() && !found.isDirectory() && !found.isSymbolicLink()) {
      throw new AuthconformError('AC_USAGE', `${shown}: is not a regular file (a FIFO, socket or device); give a file path`);
    }
  }
  await checkWritableFile(file, shown);
}

/** Writes `content` to `file` through a temporary file in its folder and a rename. */
export function writeReportFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

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
