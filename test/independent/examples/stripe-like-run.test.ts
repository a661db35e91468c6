/**
 * `authconform run --target` against the Stripe-like servers (issue 10): the faithful server
 * (stripe-like-server.ts, written from examples/stripe-like/stripe-like-authentication.txt) fails
 * nothing, and each broken twin (stripe-like-twins.ts) fails exactly the requirement ids of its row
 * in rows.ts (`variant:` rows: none), as failures or, for a MAY requirement, warnings. One run of
 * the real run path for all of them (faultTest), every server one spec entry, with writes allowed
 * (the write limit and meter events are probed).
 */
import { batchTests } from '../support/run-with-fault.ts';
import { FIXTURES_OF, SPEC_OF, stripeLikeReading } from './readings.ts';
import { rowsOf } from './rows.ts';
import type { StripeTwinName } from './stripe-like-twins.ts';

const FAITHFUL = 'faithful';

batchTests(
  'authconform run against the Stripe-like servers',
  {
    spec: SPEC_OF['stripe-like'],
    fixtures: FIXTURES_OF['stripe-like'],
    start: (twin) => stripeLikeReading(twin === FAITHFUL ? undefined : (twin as StripeTwinName)),
    env: (server) => server.env,
    options: { writes: true },
  },
  [{ twin: FAITHFUL, expected: [] }, ...rowsOf('stripe-like')],
);
