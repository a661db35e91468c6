/** Validation of JUnit XML against the Jenkins junit-4 schema with xmllint (libxml2-utils). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The schema, next to the repository: `<repo>/../shared/schemas/jenkins-junit.xsd`. */
export const JUNIT_XSD = fileURLToPath(new URL('../../../shared/schemas/jenkins-junit.xsd', import.meta.url));

/** Runs xmllint; returns its verdict line (`<file> validates`), throws with its output otherwise. */
export function validateJunit(file: string): string {
  const r = spawnSync('xmllint', ['--noout', '--schema', JUNIT_XSD, file], { encoding: 'utf8' });
  if (r.error !== undefined) throw new Error(`xmllint could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`xmllint: ${r.stderr}`);
  return r.stderr.trim();
}
