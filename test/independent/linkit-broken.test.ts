/**
 * "Catches what it did not write": the real run path (`runConformance`, same options as
 * linkit.test.ts) against the independent Linkit implementation with one deliberate fault at a
 * time. Each run must exit 1, and the requirements of the failing JUnit testcases must be exactly
 * the ones the fault breaks (docs/requirements.md) — no more, no fewer.
 *
 * The scenarios run concurrently (each its own server, env and JUnit file; process.env untouched).
 */
import { describe, expect } from 'vitest';
import { fixtureEnv, startServer, type LinkitFault } from './linkit-server.ts';
import { FAULT_BATCH_TIMEOUT_MS, faultTest, runOf } from './support/run-with-fault.ts';

/** every requirement that checks the shared 401 body {code 401, error "Unauthorized", details} */
const UNAUTHORIZED_BODY = ['LINKIT-AUTH-02', 'LINKIT-AUTH-03', 'LINKIT-LOGIN-02', 'LINKIT-LOGIN-03', 'LINKIT-KEY-02'];

/**
 * fault → the requirement ids of the failing testcases, exactly. `raw-api-key-rejected` also breaks
 * the raw-key half of LINKIT-AUTH-04; the suite reports that case skipped on a failed precondition
 * pointing at LINKIT-AUTH-01 (one root failure, not two), which the row asserts explicitly.
 */
const ROWS: Array<[LinkitFault, string[], { skippedFor?: string; pointingAt?: string }]> = [
  ['expired-token-accepted', ['LINKIT-LOGIN-03'], {}],
  ['revoked-key-accepted', ['LINKIT-KEY-02'], {}],
  ['org-header-unchecked', ['LINKIT-ORG-01'], {}],
  ['unauthorized-without-details', UNAUTHORIZED_BODY, {}],
  ['raw-api-key-rejected', ['LINKIT-AUTH-01'], { skippedFor: 'LINKIT-AUTH-04 apiKey', pointingAt: 'see LINKIT-AUTH-01' }],
  ['login-without-expires-at', ['LINKIT-LOGIN-01'], {}],
  // plain HTTP proxied to the app: the canary gets the API's own 401, the same as over HTTPS
  ['plain-http-served', ['LINKIT-TLS-01'], {}],
];

/** One run of every row's server, each carrying its fault. */
const it = faultTest({
  spec: 'linkit',
  fixtures: 'test/independent/linkit.fixtures.yaml',
  faults: ROWS.map(([fault]) => fault),
  start: (fault) => startServer({}, [fault]),
  env: fixtureEnv,
});

describe('independent Linkit implementation with one fault', { timeout: FAULT_BATCH_TIMEOUT_MS }, () => {
  it.for(ROWS)('%s is caught as exactly %j', ([fault, expected, { skippedFor, pointingAt }], { runs }) => {
    const { exitCode, cases, failingIds, log } = runOf(runs, fault);
    expect(exitCode, log).toBe(1);
    expect(failingIds).toEqual([...expected].sort());
    if (skippedFor !== undefined) {
      const dependent = cases.filter((c) => c.name.startsWith(`${skippedFor} `));
      expect(dependent.length).toBeGreaterThan(0);
      for (const c of dependent) expect(c.skipped).toContain(pointingAt);
    }
  });
});
