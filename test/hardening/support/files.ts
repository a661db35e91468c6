/** Files a run wrote, to search them for secrets. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `root` modified at or after `sinceMs` (directories in `skip` by name are not entered). */
export function filesWrittenSince(root: string, sinceMs: number, skip: readonly string[] = ['.git']): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // removed while we looked (another run's temp dir)
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(entry.name)) walk(path);
      } else if (entry.isFile()) {
        try {
          if (statSync(path).mtimeMs >= sinceMs) out.push(path);
        } catch {
          // gone already
        }
      }
    }
  };
  walk(root);
  return out;
}

/** The text of a file (latin1: any byte sequence reads), or '' when it is gone. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}
