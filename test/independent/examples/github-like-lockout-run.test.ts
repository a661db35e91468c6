/**
 * `authconform run --target` against the faithful GitHub-like server and the lockout twins (rows.ts
 * LOCKOUT_TWINS), all locking a client out after 10 invalid attempts within 2 s, for 3 s, with those
 * numbers in the fixtures: the run paces its own refusals to stay under the budget, the lockout
 * cases run last and wait the lockout out. The faithful server fails nothing and its lockout cases
 * pass; each twin fails exactly its row's ids.
 */
import { expect } from 'vitest';
import { batchTests } from '../support/run-with-fault.ts';
import { QUICK_LOCKOUT, githubLikeServers } from './readings.ts';
import { LOCKOUT_TWINS, rowsOf } from './rows.ts';

batchTests(
  'authconform run against the GitHub-like servers that lock clients out',
  {
    ...githubLikeServers(QUICK_LOCKOUT),
    fixtures: 'test/independent/examples/github-like.lockout-run.fixtures.yaml',
    // as a vendor certifying its own API: the scope case creates a repository, the anonymous limit is spent
    options: { writes: true, spendQuota: true },
  },
  [{ twin: 'faithful', expected: [] }, ...rowsOf('github-like').filter((r) => LOCKOUT_TWINS.includes(r.twin))],
  {
    also: (run, row) => {
      if (row.twin !== 'faithful') return;
      expect(run.cases.filter((c) => c.name.startsWith('GHLIKE-LOCK-')).map((c) => [c.name.split(' ')[0], c.skipped === undefined])).toEqual([
        ['GHLIKE-LOCK-01', true],
        ['GHLIKE-LOCK-01', true],
        ['GHLIKE-LOCK-02', true],
      ]);
    },
  },
);
