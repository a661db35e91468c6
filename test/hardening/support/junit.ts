/** The JUnit file of a run, flattened to its test cases (through xmlbuilder2's DOM). */
import { readFileSync } from 'node:fs';
import { create } from 'xmlbuilder2';

export interface JunitCaseResult {
  suite: string;
  name: string;
  /** seconds, as written */
  time: number;
  /** the failure's message attribute */
  failure?: string;
  /** the failure's text (message, expected/actual, evidence) */
  failureText?: string;
  skipped?: string;
}

export function junitCases(file: string): JunitCaseResult[] {
  const doc = create(readFileSync(file, 'utf8')).node as unknown as Document;
  return Array.from(doc.getElementsByTagName('testcase')).map((tc) => {
    const out: JunitCaseResult = {
      suite: (tc.parentNode as Element).getAttribute('name') ?? '',
      name: tc.getAttribute('name') ?? '',
      time: Number(tc.getAttribute('time')),
    };
    const failure = tc.getElementsByTagName('failure')[0];
    if (failure !== undefined) {
      out.failure = failure.getAttribute('message') ?? '';
      out.failureText = failure.textContent ?? '';
    }
    const skipped = tc.getElementsByTagName('skipped')[0];
    if (skipped !== undefined) out.skipped = skipped.textContent ?? '';
    return out;
  });
}
