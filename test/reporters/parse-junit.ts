/** Reads a JUnit file back into plain objects for assertions (through xmlbuilder2's DOM). */
import { readFileSync } from 'node:fs';
import { create } from 'xmlbuilder2';

export interface JunitCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; text: string };
  error?: { message: string; text: string };
  skipped?: string;
  systemOut?: string;
}

export interface JunitSuite {
  name: string;
  attributes: Record<string, string>;
  properties: Record<string, string>;
  cases: JunitCase[];
}

export function readJunit(file: string): JunitSuite[] {
  const doc = create(readFileSync(file, 'utf8')).node as unknown as Document;
  return Array.from(doc.getElementsByTagName('testsuite')).map((suite) => {
    const attributes: Record<string, string> = {};
    for (const attr of Array.from(suite.attributes)) attributes[attr.name] = attr.value;
    const properties: Record<string, string> = {};
    for (const p of Array.from(suite.getElementsByTagName('property'))) properties[p.getAttribute('name')!] = p.getAttribute('value')!;
    const cases = Array.from(suite.getElementsByTagName('testcase')).map((tc) => {
      const c: JunitCase = { name: tc.getAttribute('name')!, classname: tc.getAttribute('classname')! };
      const child = (tag: string): Element | undefined => tc.getElementsByTagName(tag)[0];
      const failure = child('failure');
      if (failure) c.failure = { message: failure.getAttribute('message')!, type: failure.getAttribute('type')!, text: failure.textContent ?? '' };
      const error = child('error');
      if (error) c.error = { message: error.getAttribute('message')!, text: error.textContent ?? '' };
      const skipped = child('skipped');
      if (skipped) c.skipped = skipped.textContent ?? '';
      const out = child('system-out');
      if (out) c.systemOut = out.textContent ?? '';
      return c;
    });
    return { name: attributes.name!, attributes, properties, cases };
  });
}
