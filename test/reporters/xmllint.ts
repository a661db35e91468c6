/** Validation of JUnit XML against the vendored JUnit schema (schemas/junit-10.xsd) with xmllint (libxml2-utils). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The schema kept in the repository (Jenkins xUnit plugin's JUnit model, MIT). */
export const JUNIT_XSD = fileURLToPath(new URL('../../schemas/junit-10.xsd', import.meta.url));

/** Runs xmllint; returns its verdict line (`<file> validates`), throws with its output otherwise. */
export function validateJunit(file: string): string {
  const r = spawnSync('xmllint', ['--noout', '--schema', JUNIT_XSD, file], { encoding: 'utf8' });
  if (r.error !== undefined) throw new Error(`xmllint could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`xmllint: ${r.stderr}`);
  return r.stderr.trim();
}
