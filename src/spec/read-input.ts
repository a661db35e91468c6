/**
 * Reading an input file (spec, seed, fixtures) safely: regular files only (a FIFO is opened
 * non-blocking and refused, a device such as /dev/zero is refused before any byte is read), at
 * most {@link MAX_INPUT_BYTES}, read once through one descriptor (what is checked is what is
 * read). Failures are one-line reasons for the caller to put after the file's name.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Largest spec, seed or fixtures file read: 5 MB. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type InputRead =
  | { ok: true; text: string }
  | { ok: false; why: 'missing' | 'directory' | 'not-regular' | 'too-large' | 'unreadable'; message: string };

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function readInputFile(path: string, maxBytes: number = MAX_INPUT_BYTES): InputRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, why: 'missing', message: 'file not found' };
    if (code === 'EISDIR') return { ok: false, why: 'directory', message: 'is a directory, not a file' };
    return { ok: false, why: 'unreadable', message: `cannot be read (${code ?? 'error'})` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, why: 'directory', message: 'is a directory, not a file' };
    if (!stat.isFile()) return { ok: false, why: 'not-regular', message: 'is not a regular file (a FIFO, socket or device is never read)' };
    if (stat.size > maxBytes) {
      return { ok: false, why: 'too-large', message: `is ${megabytes(stat.size)}, larger than the ${megabytes(maxBytes)} an input file may be` };
    }
    // the file may grow between fstat and read: never read more than the limit
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { ok: false, why: 'too-large', message: `is larger than the ${megabytes(maxBytes)} an input file may be` };
    return { ok: true, text: buffer.subarray(0, length).toString('utf8') };
  } catch (err) {
    return { ok: false, why: 'unreadable', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}
