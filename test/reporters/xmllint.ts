/**
 * Validation of JUnit XML against the JUnit schema kept in the repository (schemas/junit-10.xsd:
 * the Jenkins xUnit plugin's, MIT licence header kept; unlike junit-4 it allows the skip reason as
 * `<skipped message>`) with libxml2 compiled to WebAssembly (npm `xmllint-wasm`): no apt package.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

export const JUNIT_XSD = fileURLToPath(new URL('../../schemas/junit-10.xsd', import.meta.url));

/** Validates `file`; returns the verdict line (`<file> validates`), throws with its errors otherwise. */
export async function validateJunit(file: string): Promise<string> {
  const problems = await junitSchemaProblems(readFileSync(file, 'utf8'), basename(file));
  if (problems.length > 0) throw new Error(`xmllint: ${problems.join('\n')}`);
  return `${file} validates`;
}

/** xmllint's messages for a JUnit document; empty when it validates. */
export async function junitSchemaProblems(xml: string, fileName = 'junit.xml'): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [readFileSync(JUNIT_XSD, 'utf8')] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
