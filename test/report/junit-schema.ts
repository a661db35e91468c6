/** JUnit XML checked against the vendored JUnit schema of the Jenkins xUnit plugin (junit-10.xsd) with xmllint-wasm (no system binary). */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const XSD = readFileSync(new URL('../../schemas/junit-10.xsd', import.meta.url), 'utf8');

/** xmllint's messages; empty when the document validates. */
export async function junitSchemaProblems(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'junit.xml', contents: xml }, schema: { fileName: 'junit-10.xsd', contents: XSD } });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
