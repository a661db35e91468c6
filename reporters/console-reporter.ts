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
import { formatWait, parseWaitNotice, type WaitNotice } from '../src/runner/wait-notice.ts';

/** A terminal the reporter may rewrite in place: text as is, no newline added. */
export interface LiveOutput {
  write(text: string): void;
}

/** Back to the start of the line and clear it. */
export const CLEAR_LINE = '\r\u001b[K';
/** how often a wait shown in place counts down */
const TICK_MS = 1_000;

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
  /**
   * a terminal (stdout is a TTY, colours on): a wait is shown on one line rewritten in place once
   * a second and cleared by the next line; without it, a wait is one line of its own
   * @default none
   */
  live?: LiveOutput;
}

export default class ConsoleReporter implements Reporter {
  readonly #writeLine: (line: string) => void;
  readonly #live: LiveOutput | undefined;
  /** the wait shown in place, and its countdown */
  #waiting: { timer: NodeJS.Timeout } | undefined;
  readonly #c: ReturnType<typeof pc.createColors>;
  readonly #secrets: string[];
  readonly #startedAt: number;
  /** suites already reported (a cancelled run reports some twice) */
  readonly #done = new Set<string>();
  /** the run is being cancelled (a signal): the cases it did not finish are skipped as "interrupted" */
  #interrupted = false;
  /** the results of the last finished run, for callers that need them (exit code) */
  results: RunResults | undefined;

  constructor(options: ConsoleReporterOptions = {}) {
    this.#writeLine = options.write ?? ((line) => console.log(line));
    this.#live = options.live;
    this.#c = pc.createColors(options.color ?? pc.isColorSupported);
    this.#secrets = options.secrets ?? [];
    this.#startedAt = options.startedAt ?? performance.now();
  }

  /** The run is being cancelled: from now on a family's unfinished cases are reported "interrupted". */
  interrupt(): void {
    this.#interrupted = true;
  }

  onTestSuiteReady(suite: TestSuite): void {
    const spec = suite.meta().authconformSpec;
    if (suite.parent.type !== 'module' || spec === undefined) return;
    const where = spec.mock ? `embedded mock ${spec.target}` : spec.target;
    this.#write(this.#c.bold(`${spec.spec}`) + this.#c.dim(` ${escapeControl(spec.title)} → ${this.#redact(spec.keyPrefixes)(where)}`));
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    const notice = parseWaitNotice(log.content.trimEnd());
    if (notice === undefined) return;
    if (this.#live === undefined) this.#write(this.#c.dim(this.#redact([])(formatWait(notice))));
    else this.#showWait(this.#live, notice);
  }

  /** The wait on one line, rewritten once a second with the seconds left (down to 1 s, then kept). */
  #showWait(live: LiveOutput, notice: WaitNotice): void {
    this.#clearWait();
    const line = (msLeft: number): string => `${CLEAR_LINE}${this.#c.dim(this.#redact([])(formatWait(notice, msLeft)))}`;
    live.write(line(notice.ms));
    let msLeft = notice.ms;
    const timer = setInterval(() => {
      msLeft = Math.max(msLeft - TICK_MS, 1);
      live.write(line(msLeft));
      if (msLeft <= TICK_MS) clearInterval(timer);
    }, TICK_MS);
    timer.unref();
    this.#waiting = { timer };
  }

  /** Clears the wait shown in place, if any (before any other line, and at the end of the run). */
  #clearWait(): void {
    if (this.#waiting === undefined) return;
    clearInterval(this.#waiting.timer);
    this.#waiting = undefined;
    this.#live!.write(CLEAR_LINE);
  }

  #write(line: string): void {
    this.#clearWait();
    this.#writeLine(line);
  }

  onTestSuiteResult(suite: TestSuite): void {
    const family = suite.meta().authconformFamily;
    if (family === undefined || suite.parent.type !== 'suite' || this.#done.has(suite.id)) return;
    this.#done.add(suite.id);
    const redact = this.#redact(suite.parent.meta().authconformSpec?.keyPrefixes ?? []);
    const cases = [...suite.children.allTests()].map((t) => caseOf(t, this.#interrupted));
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
    this.#clearWait();
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
