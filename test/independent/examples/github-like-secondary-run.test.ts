/**
 * `authconform run --target` against the faithful GitHub-like server and the twins whose fault is
 * in the secondary limit (`no-secondary`, `retry-after-invalid`), with the secondary limit probed (fixtures.rateLimit.secondary: true) and the CLI's default wait
 * bound (65 s). The secondary case spends the endpoint's 900 points a minute; the lockout cases,
 * which run last on the same endpoint, wait out the 429's Retry-After (up to a minute) and then
 * pass: nothing of the faithful server fails and no server's lockout cases are skipped. Each twin
 * fails exactly GHLIKE-RATE-11.
 */
import { expect } from 'vitest';
import { batchTests } from '../support/run-with-fault.ts';
import { QUICK_LOCKOUT, githubLikeServers } from './readings.ts';

batchTests(
  'authconform run with the secondary limit probed',
  {
    ...githubLikeServers(QUICK_LOCKOUT),
    fixtures: 'test/independent/examples/github-like.secondary-run.fixtures.yaml',
    options: { maxWaitMs: 65_000 },
  },
  [
    { twin: 'faithful', expected: [] },
    { twin: 'no-secondary', expected: ['GHLIKE-RATE-11'] },
    // rows.ts names GHLIKE-RATE-09 (the statement check reads Retry-After on any limit); the spec's
    // RATE-09 is about the anonymous primary limit, and the secondary case checks its limit's Retry-After
    { twin: 'retry-after-invalid', expected: ['GHLIKE-RATE-11'] },
  ],
  {
    // three servers in turn, each waiting out up to a minute of the secondary limit
    timeoutMs: 480_000,
    also: (run) => {
      // the secondary case ran (passed or failed), and the lockout cases after it were not skipped
      const ran = (id: string) => run.cases.filter((c) => c.name.startsWith(`${id} `)).map((c) => c.skipped === undefined);
      expect(ran('GHLIKE-RATE-11')).toEqual([true]);
      expect(ran('GHLIKE-LOCK-01')).toEqual([true, true]);
    },
  },
);
