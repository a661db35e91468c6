/** JUnit XML checked against the vendored Jenkins junit-4 schema with xmllint-wasm (no system binary). */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const XSD = readFileSync(new URL('../../schemas/jenkins-junit.xsd', import.meta.url), 'utf8');

/** xmllint's messages; empty when the document validates. */
export async function junitSchemaProblems(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'junit.xml', contents: xml }, schema: { fileName: 'jenkins-junit.xsd', contents: XSD } });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
