/**
 * Each broken twin of the Stripe-like server breaks exactly the statement rows.ts names (checked by
 * the statement checks of stripe-like-statements.ts); conformant variants break none.
 */
import { describe, expect, test } from 'vitest';
import { ManualClock } from './clock.ts';
import { verdicts } from './http.ts';
import { rowsOf } from './rows.ts';
import { STRIPE_CHECKS } from './stripe-like-statements.ts';
import { startStripeLike } from './stripe-like-server.ts';
import { STRIPE_TWINS, type StripeTwinName } from './stripe-like-twins.ts';

const it = test.extend('startTwin', { scope: 'file' }, async ({}, { onCleanup }) => {
  const closers: Array<() => Promise<void>> = [];
  onCleanup(() => Promise.all(closers.map((c) => c())).then(() => {}));
  return async (name: StripeTwinName) => {
    const clock = new ManualClock();
    const server = await startStripeLike({ clock, twin: STRIPE_TWINS[name] });
    closers.push(() => server.close());
    return { server, clock };
  };
});

describe.concurrent('Stripe-like broken twins', { timeout: 120_000 }, () => {
  it('every twin has a row and every row a twin', () => {
    expect(rowsOf('stripe-like').map((r) => r.twin).sort()).toEqual(Object.keys(STRIPE_TWINS).sort());
  });

  for (const row of rowsOf('stripe-like')) {
    it(`${row.twin} breaks exactly ${row.expected.join(', ') || 'nothing'}`, async ({ startTwin }) => {
      const target = await startTwin(row.twin as StripeTwinName);
      const v = await verdicts(STRIPE_CHECKS, target, () => target.clock.advance(3_600_000));
      console.log(`[${row.twin}] ${v.notes.join(' | ')}`);
      expect(v.failing).toEqual(row.expected);
    });
  }
});
