/**
 * The twins self-test of one example: every twin has a row and every row a twin; each twin,
 * started with its own server and manual clock, breaks exactly the statement checks its row names.
 */
import { describe, expect, test } from 'vitest';
import type { ManualClock } from './clock.ts';
import { verdicts, type Outcome } from './http.ts';
import { rowsOf, type Example } from './rows.ts';

/** A started server of the example, with the manual clock its checks move. */
export interface Started {
  clock: ManualClock;
  server: { close(): Promise<void> };
}

export function describeTwins<T extends Started>(example: Example, twins: readonly string[], start: (twin: string) => Promise<T>, checks: Record<string, (t: T) => Promise<Outcome>>): void {
  const it = test.extend('startTwin', { scope: 'file' }, async ({}, { onCleanup }) => {
    const started: T[] = [];
    onCleanup(async () => {
      await Promise.all(started.map((t) => t.server.close()));
    });
    return async (twin: string) => {
      const t = await start(twin);
      started.push(t);
      return t;
    };
  });

  // Each twin is a server of its own; several run at once (the requests are loopback round trips).
  describe.concurrent(`${example} broken twins`, { timeout: 180_000 }, () => {
    it('every twin has a row and every row a twin', () => {
      expect(rowsOf(example).map((r) => r.twin).sort()).toEqual([...twins].sort());
    });

    for (const row of rowsOf(example)) {
      it(`${row.twin} breaks exactly ${row.expected.join(', ') || 'nothing'}`, async ({ startTwin }) => {
        const target = await startTwin(row.twin);
        // an hour between checks: every window and lockout of the previous check is over
        const v = await verdicts(checks, target, () => target.clock.advance(3_600_000));
        console.log(`[${row.twin}] ${v.notes.join(' | ')}`);
        expect(v.failing).toEqual(row.expected);
      });
    }
  });
}
