/**
 * Validation of JUnit XML against the Jenkins junit-4 schema (vendored in test/support/schemas/,
 * MIT licence header kept) with libxml2 compiled to WebAssembly (npm `xmllint-wasm`): no apt package.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

export const JUNIT_XSD = fileURLToPath(new URL('../support/schemas/jenkins-junit.xsd', import.meta.url));

/** Validates `file`; returns the verdict line (`<file> validates`), throws with its errors otherwise. */
export async function validateJunit(file: string): Promise<string> {
  const fileName = basename(file);
  const result = await validateXML({ xml: [{ fileName, contents: readFileSync(file, 'utf8') }], schema: [readFileSync(JUNIT_XSD, 'utf8')] });
  if (!result.valid) throw new Error(`xmllint: ${result.rawOutput}`);
  return `${file} validates`;
}
