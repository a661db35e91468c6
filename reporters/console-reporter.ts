/**
 * Live console output of a run: a header per spec, one line per family as it completes, its
 * failures and warnings with requirement id and one-line message, then a summary table and a
 * totals line. Colours follow picocolors (NO_COLOR / FORCE_COLOR / TTY).
 */
import pc from 'picocolors';
import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestModule, TestRunEndReason, TestSuite } from 'vitest/node';
import { createRedactor, type Redactor } from '../src/runner/redactor.ts';
import { escapeControl } from '../src/util/terminal-text.ts';
import { caseOf, casesOf, collectResults, spanMs, tally, type CaseResult, type RunResults } from './collect-results.ts';
import { formatSeconds, formatTable, summaryRows } from './summary-table.ts';
import { groupedSkipReasons } from './skip-reasons.ts';
import { waitNoticeLine } from '../src/runner/wait-notice.ts';

export interface ConsoleReporterOptions {
  /**
   * where lines go
   * @default console.log
   */
  write?: (line: string) => void;
  /**
   * colour on/off
   * @default picocolors' detection
   */
  color?: boolean;
  /**
   * secret values to mask once more
   * @default []
   */
  secrets?: string[];
  /**
   * when the run started (`performance.now()`), for the wall time in the totals line
   * @default the reporter's construction
   */
  startedAt?: number;
}

export default class ConsoleReporter implements Reporter {
  readonly #write: (line: string) => void;
  readonly #c: ReturnType<typeof pc.createColors>;
  readonly #secrets: string[];
  readonly #startedAt: number;
  /** suites already reported (a cancelled run reports some twice) */
  readonly #done = new Set<string>();
  /** the results of the last finished run, for callers that need them (exit code) */
  results: RunResults | undefined;

  constructor(options: ConsoleReporterOptions = {}) {
    this.#write = options.write ?? ((line) => console.log(line));
    this.#c = pc.createColors(options.color ?? pc.isColorSupported);
    this.#secrets = options.secrets ?? [];
    this.#startedAt = options.startedAt ?? performance.now();
  }

  onTestSuiteReady(suite: TestSuite): void {
    const spec = suite.meta().authconformSpec;
    if (suite.parent.type !== 'module' || spec === undefined) return;
    const where = spec.mock ? `embedded mock ${spec.target}` : spec.target;
    this.#write(this.#c.bold(`${spec.spec}`) + this.#c.dim(` ${escapeControl(spec.title)} → ${this.#redact(spec.keyPrefixes)(where)}`));
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    const line = waitNoticeLine(log.content.trimEnd());
    if (line !== undefined) this.#write(this.#c.dim(line));
  }

  onTestSuiteResult(suite: TestSuite): void {
    const family = suite.meta().authconformFamily;
    if (family === undefined || suite.parent.type !== 'suite' || this.#done.has(suite.id)) return;
    this.#done.add(suite.id);
    const redact = this.#redact(suite.parent.meta().authconformSpec?.keyPrefixes ?? []);
    const cases = [...suite.children.allTests()].map((t) => caseOf(t));
    const t = tally(cases);
    const failed = t.failed + t.errors;
    const counts = [
      `${t.passed} passed`,
      failed > 0 ? this.#c.red(`${failed} failed`) : `${failed} failed`,
      ...(t.warnings > 0 ? [this.#c.yellow(`${t.warnings} warning${t.warnings === 1 ? '' : 's'}`)] : []),
      t.skipped > 0 ? `${t.skipped} skipped: ${groupedSkipReasons(cases)}` : '0 skipped',
    ];
    this.#write(redact(`  ${family.spec} › ${family.family}  ${counts.join(', ')}`));
    for (const c of cases) {
      const line = this.#caseLine(c, redact);
      if (line !== undefined) this.#write(line);
    }
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason): void {
    const results = collectResults(testModules, reason);
    this.results = results;
    const c = this.#c;
    const redact = this.#redact([]);
    for (const error of results.collectionErrors) this.#write(c.red(`error: ${redact(error)}`));
    if (results.specs.length === 0) return;
    this.#write('');
    for (const line of formatTable(summaryRows(results.specs))) this.#write(line);
    const all = results.specs.flatMap(casesOf);
    const t = tally(all);
    const requests = results.specs.reduce((sum, s) => sum + (s.meta?.requests ?? 0), 0);
    const time = results.specs.reduce((sum, s) => sum + spanMs(casesOf(s)), 0);
    const failed = t.failed + t.errors;
    this.#write('');
    this.#write(
      `${c.bold('total')}: ${t.passed} passed, ${failed} failed, ${t.warnings} warnings, ${t.skipped} skipped` +
        ` · ${requests} requests · ${formatSeconds(time)} in cases, ${formatSeconds(performance.now() - this.#startedAt)} wall` +
        (results.interrupted ? c.yellow(' · interrupted') : ''),
    );
  }

  #caseLine(c: CaseResult, redact: Redactor): string | undefined {
    const level = c.level ?? '';
    const message = redact(c.message ?? '');
    if (c.status === 'failed') return `    ${this.#c.red('✗')} ${c.requirementId} ${level}  ${message}`;
    if (c.status === 'error') return `    ${this.#c.red('✗')} ${c.requirementId} error  ${message}`;
    if (c.warning) return `    ${this.#c.yellow('!')} ${c.requirementId} ${level} (warning)  ${message}`;
    return undefined;
  }

  /** Masks secrets and escapes control characters (specs and targets write these texts). */
  #redact(keyPrefixes: string[]): Redactor {
    const mask = createRedactor(this.#secrets, keyPrefixes);
    return (text) => escapeControl(mask(text));
  }
}
