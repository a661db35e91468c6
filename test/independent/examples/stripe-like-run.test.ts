/**
 * `authconform run --target` against the Stripe-like servers (issue 10): the faithful server
 * (stripe-like-server.ts, written from examples/stripe-like/stripe-like-authentication.txt) fails
 * nothing, and each broken twin (stripe-like-twins.ts) fails exactly the requirement ids of its row
 * in rows.ts (`variant:` rows: none), as failures or, for a MAY requirement, warnings. One run of
 * the real run path for all of them (faultTest): every server one spec entry, with writes allowed
 * (the write limit and meter events are probed).
 */
import { describe, expect } from 'vitest';
import { FAULT_BATCH_TIMEOUT_MS, faultTest, runOf } from '../support/run-with-fault.ts';
import { FIXTURES_OF, SPEC_OF, stripeLikeReading } from './readings.ts';
import { rowsOf } from './rows.ts';
import type { StripeTwinName } from './stripe-like-twins.ts';

const FAITHFUL = 'faithful';
const ROWS = [{ twin: FAITHFUL, expected: [] as string[] }, ...rowsOf('stripe-like').map((r) => ({ twin: r.twin, expected: r.expected }))];

const it = faultTest({
  spec: SPEC_OF['stripe-like'],
  fixtures: FIXTURES_OF['stripe-like'],
  faults: ROWS.map((r) => r.twin),
  start: (twin) => stripeLikeReading(twin === FAITHFUL ? undefined : (twin as StripeTwinName)),
  env: (server) => server.env,
  options: { writes: true },
});

describe('authconform run against the Stripe-like servers', { timeout: FAULT_BATCH_TIMEOUT_MS }, () => {
  it.for(ROWS)('$twin fails exactly $expected', ({ twin, expected }, { runs }) => {
    const { cases, blamedIds, log } = runOf(runs, twin);
    if (blamedIds.join() !== [...expected].sort().join()) console.log(log);
    expect(cases.length).toBeGreaterThan(0);
    expect(blamedIds).toEqual([...expected].sort());
  });
});
