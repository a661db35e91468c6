/**
 * Starts vitest through its Node API on the conformance entry alone (`suites/conformance.test.ts`,
 * or its compiled JS in the package): no config file, one worker thread, no watch, our reporters only. SIGINT cancels the run: finished cases keep their
 * verdicts; the case in flight is abandoned (its request may still complete before the transport
 * closes) and, with every case not reached, is reported skipped, "interrupted".
 */
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { createVitest, type Reporter, type TestModule } from 'vitest/node';
import { isCompiled, repoRoot } from '../spec/bundled.ts';
import { AuthconformError } from '../util/errors.ts';
import { caseTimeoutMs, type SuiteOptions } from './options.ts';

/** the vitest entry, relative to the package root: compiled JS in the package, TypeScript in a checkout's tests */
export const CONFORMANCE_ENTRY = isCompiled ? 'dist/suites/conformance.test.js' : 'suites/conformance.test.ts';

/** the compiled package's own modules and bundles: the worker imports them natively, vite does not transform them */
const COMPILED_CODE = new RegExp(`^${escapeRegExp(join(repoRoot, 'dist'))}[\\\\/](src|reporters|bundle)[\\\\/]`);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface VitestRunInput {
  /** environment of the worker (the plan's path, the fixtures' variables) */
  env: Record<string, string>;
  reporters: Reporter[];
  options: SuiteOptions;
  /** where vitest's own logging goes */
  log: Writable;
  /** called when a signal cancels the run, before vitest is told to cancel */
  onInterrupt?: () => void;
}

export interface VitestRunOutput {
  testModules: TestModule[];
  unhandledErrors: unknown[];
  /** the signal that cancelled the run (SIGINT, SIGTERM or SIGHUP); absent when it ran to the end */
  interrupted?: StopSignal;
}

/** The signals that cancel a run (Ctrl+C, a CI's cancel, a closed terminal) and their exit codes (128 + number). */
export const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;
const SIGNAL_NAMES = Object.keys(STOP_SIGNALS) as StopSignal[];

export async function startConformanceVitest(input: VitestRunInput): Promise<VitestRunOutput> {
  const foreignListeners = new Set(SIGNAL_NAMES.flatMap((name) => process.listeners(name)));
  let vitest;
  try {
    vitest = await createVitest(
      'test',
      {
        config: false,
        root: repoRoot,
        include: [CONFORMANCE_ENTRY],
        watch: false,
        // one file in one worker thread: one process's memory instead of a fork's (npm run bench:run)
        pool: 'threads',
        maxWorkers: 1,
        fileParallelism: false,
        isolate: true,
        // compiled code is imported natively in the worker, not transformed by vite
        ...(isCompiled ? { server: { deps: { external: [COMPILED_CODE] } } } : {}),
        reporters: input.reporters,
        env: input.env,
        testTimeout: caseTimeoutMs(input.options),
        hookTimeout: 30_000,
        teardownTimeout: 10_000,
        passWithNoTests: false,
        printConsoleTrace: false,
        // one file, always run whole: no results cache to write (the checkout may be read-only)
        cache: false,
      },
      { logLevel: 'silent', clearScreen: false },
      { stdout: input.log, stderr: input.log },
    );
  } catch (err) {
    throw new AuthconformError('AC_INTERNAL', `vitest could not start: ${firstLine(err)}`);
  }
  // vitest's logger exits the process on a signal; we cancel instead, so the reports get written
  for (const name of SIGNAL_NAMES) {
    for (const listener of process.listeners(name)) {
      if (!foreignListeners.has(listener)) process.off(name, listener);
    }
  }
  let interrupted: StopSignal | undefined;
  const onSignal = (signal: StopSignal): void => {
    if (interrupted !== undefined) process.exit(STOP_SIGNALS[signal]); // a second signal does not wait
    interrupted = signal;
    input.onInterrupt?.();
    void vitest.cancelCurrentRun('keyboard-input');
  };
  for (const name of SIGNAL_NAMES) process.on(name, onSignal);
  try {
    const result = await vitest.start();
    return { testModules: result.testModules, unhandledErrors: result.unhandledErrors, ...(interrupted === undefined ? {} : { interrupted }) };
  } catch (err) {
    throw new AuthconformError('AC_INTERNAL', `vitest failed: ${firstLine(err)}`);
  } finally {
    for (const name of SIGNAL_NAMES) process.off(name, onSignal);
    await vitest.close();
  }
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? message;
}
