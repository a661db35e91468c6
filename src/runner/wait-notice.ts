/**
 * Waits people can see: a wait longer than 2 s in the worker (a rate-limit window on a real target)
 * is announced to the console reporter through vitest's console channel (`onUserConsoleLog`), as
 * one line: `linkt › rate-limits  waiting 39 s for the rate-limit window (Reset from Date)`; a long
 * exhaustion about to start is announced the same way: `linkt › rate-limits  about 17 min to exhaust
 * the P1D limit (1000 requests at 60 per PT1M)`.
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

/** The console line of a worker log that is a wait notice; undefined for any other log. */
export function waitNoticeLine(content: string): string | undefined {
  if (!content.startsWith(MARKER)) return undefined;
  const n = JSON.parse(content.slice(MARKER.length)) as WaitNotice;
  if (n.doing === 'spending') return `  ${n.where}  about ${Math.ceil(n.ms / 60_000)} min to ${n.what}`;
  return `  ${n.where}  waiting ${Math.ceil(n.ms / 1000)} s for ${n.what}`;
}
