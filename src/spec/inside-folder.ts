/** Whether a path named in a spec (seed file, cited source) stays inside a folder, through symbolic links too. */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

function inside(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Why `path` (relative to `from`) is not a file inside `folder`; undefined when it is. */
export function escapesFolder(folder: string, from: string, path: string): string | undefined {
  if (!inside(folder, resolve(from, path))) return "is outside the spec's folder";
  try {
    if (!inside(realpathSync(folder), realpathSync(resolve(from, path)))) return "is a link to a file outside the spec's folder";
  } catch {
    // missing: reported as such by the reader
  }
  return undefined;
}
