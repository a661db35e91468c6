/**
 * Waits people can see: a wait longer than 2 s in the worker (a rate-limit window on a real target)
 * is announced to the console reporter through vitest's console channel (`onUserConsoleLog`), as
 * one line: `linkt › rate-limits  waiting 39 s for the rate-limit window (Reset from Date)`; a long
 * exhaustion about to start is announced the same way: `linkt › rate-limits  about 17 min to exhaust
 * the P1D limit (1000 requests at 60 per PT1M)`. On a terminal (colours on) the console reporter
 * rewrites that line in place once a second, counting down, and clears it when the next line comes
 * (reporters/console-reporter.ts).
 */

/** waits shorter than this are not announced */
export const NOTICE_AFTER_MS = 2_000;
const MARKER = '\u0000authconform-wait ';

export interface WaitNotice {
  /** `linkt › rate-limits`, or the spec alone for a wait of the shared transport */
  where: string;
  ms: number;
  what: string;
  /** `waiting` (the default), or `spending` for a long exhaustion about to start */
  doing?: 'waiting' | 'spending';
}

/** Announces `notice` when it is long enough to be noticed. */
export function announceWait(notice: WaitNotice): void {
  if (notice.ms <= NOTICE_AFTER_MS) return;
  console.info(`${MARKER}${JSON.stringify(notice)}`);
}

/** The wait notice a worker log holds; undefined for any other log. */
export function parseWaitNotice(content: string): WaitNotice | undefined {
  if (!content.startsWith(MARKER)) return undefined;
  return JSON.parse(content.slice(MARKER.length)) as WaitNotice;
}

/** `  linkt › rate-limits  waiting 39 s for …`, with `msLeft` of the wait still to go. */
export function formatWait(n: WaitNotice, msLeft: number = n.ms): string {
  if (n.doing === 'spending') return `  ${n.where}  about ${Math.ceil(msLeft / 60_000)} min to ${n.what}`;
  return `  ${n.where}  waiting ${Math.ceil(msLeft / 1000)} s for ${n.what}`;
}

/** The console line of a worker log that is a wait notice; undefined for any other log. */
export function waitNoticeLine(content: string): string | undefined {
  const n = parseWaitNotice(content);
  return n === undefined ? undefined : formatWait(n);
}
