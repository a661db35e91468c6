/** How problems name a file. */
import { isAbsolute, relative } from 'node:path';

/** How a file is named in problems: relative to cwd when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
