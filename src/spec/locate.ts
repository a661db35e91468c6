/**
 * Turns what the user typed into a spec file: a bundled name (`<name>` →
 * `<repo>/specs/<name>.yaml`) or a path relative to the working directory (`.yaml`/`.yml`,
 * the extension may be left out).
 */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { AuthconformError } from '../util/errors.ts';
import { BUNDLED_SPECS, bundledSpecPath, isBundledSpec } from './bundled.ts';

const YAML_EXTENSIONS = ['.yaml', '.yml'];

/** Exists and is not a directory (a FIFO or device is found here and refused by the reader). */
function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function bundledHint(): string {
  return `bundled specs: ${BUNDLED_SPECS.join(', ')}`;
}

/** Absolute path of the spec file; throws AC_SPEC_NOT_FOUND naming what was tried. */
export function locateSpec(nameOrPath: string, cwd: string = process.cwd()): string {
  if (isBundledSpec(nameOrPath)) {
    const file = bundledSpecPath(nameOrPath);
    if (isFile(file)) return file;
    throw new AuthconformError('AC_SPEC_NOT_FOUND', `bundled spec "${nameOrPath}" is missing: ${file}`);
  }
  const base = resolve(cwd, nameOrPath);
  const ext = extname(base).toLowerCase();
  const candidates = YAML_EXTENSIONS.includes(ext) ? [base] : YAML_EXTENSIONS.map((e) => base + e);
  const found = candidates.find(isFile);
  if (found !== undefined) return found;
  if (isDirectory(base)) {
    throw new AuthconformError('AC_SPEC_UNREADABLE', `spec "${nameOrPath}" is a directory, not a YAML file; ${bundledHint()}`);
  }
  if (!YAML_EXTENSIONS.includes(ext) && isFile(base)) {
    throw new AuthconformError('AC_SPEC_NOT_FOUND', `spec "${nameOrPath}" is not a .yaml or .yml file`);
  }
  throw new AuthconformError(
    'AC_SPEC_NOT_FOUND',
    `spec "${nameOrPath}" not found (looked for ${candidates.join(', ')}); ${bundledHint()}`,
  );
}
