/**
 * The minimal valid Acme spec of the broken-spec corpus (test/fixtures/broken-specs/), edited and
 * written to a fresh temporary folder with its seed and the page it cites: for tests that need a
 * variant of a valid spec on disk.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dir.ts';

export const CORPUS = fileURLToPath(new URL('../fixtures/broken-specs/', import.meta.url));
export const MINIMAL_SPEC = readFileSync(join(CORPUS, '_valid-minimal.yaml'), 'utf8');

/** A folder holding `acme.yaml` (`edit` applied to the minimal spec), `_seeds/acme.yaml` (+ `seedExtra`) and `acme-auth.txt`. */
export function acmeSpecDir(edit: (spec: string) => string, seedExtra = ''): string {
  const dir = tempDir('authconform-acme-');
  writeFileSync(join(dir, 'acme.yaml'), edit(MINIMAL_SPEC));
  mkdirSync(join(dir, '_seeds'));
  writeFileSync(join(dir, '_seeds', 'acme.yaml'), `${readFileSync(join(CORPUS, '_seeds', 'acme.yaml'), 'utf8')}${seedExtra}`);
  writeFileSync(join(dir, 'acme-auth.txt'), readFileSync(join(CORPUS, 'acme-auth.txt')));
  return dir;
}
