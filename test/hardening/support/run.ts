/**
 * Runs the real CLI entry (`main`, compiled: test/support/compiled.ts) in-process with captured output, and the
 * facts every hardening scenario checks: no unhandled rejection while it ran, no stack trace.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../../src/spec/bundled.ts';
import { main } from '../../support/compiled.ts';

export const HOSTILE_DIR = join(repoRoot, 'test', 'fixtures', 'hostile');
/** 3 cases on GET /v1/widgets: ACME-AUTH-01 (valid key), ACME-AUTH-02 ×2 (no key, key in Authorization) */
export const HOSTILE_SPEC = join(HOSTILE_DIR, 'acme-hostile.yaml');
/** 27 cases, one request each, over three GET operations */
export const MANY_SPEC = join(HOSTILE_DIR, 'acme-many.yaml');
/** `credentials.valid: ${HOSTILE_VALID_KEY}` */
export const FIXTURES = join(HOSTILE_DIR, 'fixtures.yaml');
export const LIVE_PREFIX = 'acme_live_';

/** A line of a Node/V8 stack trace. */
export const STACK_LINE = /^\s+at /m;

/** A random, high-entropy key with the spec's live prefix (32 characters after it). */
export function canaryKey(): string {
  return LIVE_PREFIX + randomBytes(24).toString('base64url');
}

/** The documented mask: the live prefix, '…', the last four characters. */
export function maskOf(key: string): string {
  return `${LIVE_PREFIX}…${key.slice(-4)}`;
}

/** One temp root per test file (its process); `removeTempDirs` in the file's afterAll. */
let tempRoot: string | undefined;

export function tempDir(label: string): string {
  tempRoot ??= mkdtempSync(join(tmpdir(), 'ac-hardening-'));
  return mkdtempSync(join(tempRoot, `${label}-`));
}

export function removeTempDirs(): void {
  if (tempRoot !== undefined) rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
}

export interface CliResult {
  code: number;
  stdout: string[];
  stderr: string[];
}

/** `authconform <argv>` in this process, output captured, with exactly `env` as its environment. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}, cwd: string = repoRoot): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => void stdout.push(l), stderr: (l) => void stderr.push(l), env, cwd });
  return { code, stdout, stderr };
}

/**
 * Records unhandled rejections while `fn` runs (vitest would report them too, but after the test,
 * and without saying which scenario caused them).
 */
export async function watchingRejections<T>(fn: () => Promise<T>): Promise<{ value: T; rejections: unknown[] }> {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  // concurrent scenarios (it.concurrent) each watch at once: more than Node's default of 10 listeners
  process.setMaxListeners(Math.max(process.getMaxListeners(), 64));
  process.on('unhandledRejection', onRejection);
  try {
    const value = await fn();
    // a rejection is reported after the microtask queue drains: give it one macrotask
    await new Promise((resolve) => setImmediate(resolve));
    return { value, rejections };
  } finally {
    process.off('unhandledRejection', onRejection);
  }
}

/** Runs `tasks` with at most `limit` at a time; results in input order. */
export async function pooled<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
