/**
 * A vitest reporter writing the run's JUnit XML when the run ends.
 *
 * Our own rather than vitest's built-in `junit` reporter: the built-in one writes one
 * `<testsuite>` per test file and no per-suite `<properties>`, while a conformance report needs a
 * testsuite per spec and family carrying the spec's sha256, the target and the level.
 */
import { writeReportFile } from '../src/runner/output-file.ts';
import { dirname, resolve } from 'node:path';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';
import { TOOL_VERSION } from '../src/runner/tool-version.ts';
import { collectResults } from './collect-results.ts';
import { buildJunitXml } from './junit-xml.ts';

export interface JunitReporterOptions {
  /**
   * where the XML goes (directories are created)
   * @default 'reports/junit.xml'
   */
  outputFile?: string;
  /**
   * secret values to mask once more before writing
   * @default []
   */
  secrets?: string[];
  /** the run's level option, for specs whose metas lack it */
  level?: string;
}

export const DEFAULT_JUNIT_FILE = 'reports/junit.xml';

export default class JunitReporter implements Reporter {
  readonly outputFile: string;
  readonly #options: JunitReporterOptions;

  constructor(options: JunitReporterOptions = {}) {
    this.#options = options;
    this.outputFile = resolve(options.outputFile ?? DEFAULT_JUNIT_FILE);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason): void {
    const xml = buildJunitXml(collectResults(testModules, reason), {
      secrets: this.#options.secrets ?? [],
      toolVersion: TOOL_VERSION,
      ...(this.#options.level === undefined ? {} : { level: this.#options.level }),
    });
    writeReportFile(this.outputFile, xml);
  }
}
