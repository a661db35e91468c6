/**
 * The broken twins of the example servers and the requirement ids that must catch each, exactly
 * (examples/<name>/<name>.yaml). `variant:` rows are conformant variants: nothing may fail.
 * The self-tests (`*-twins.test.ts`) check these rows with their own statement checks; the same
 * rows are what `authconform run` must blame once the format of issue 10 lands.
 */
export type Example = 'stripe-like' | 'github-like';

export interface TwinRow {
  example: Example;
  twin: string;
  expected: string[];
  /** why more than one id, or what the authconform run does differently */
  note?: string;
}

const row = (example: Example, twin: string, expected: string[], note?: string): TwinRow => (note ? { example, twin, expected, note } : { example, twin, expected });

export const TWIN_ROWS: readonly TwinRow[] = [
  row('stripe-like', 'basic-password', ['STRIPELIKE-AUTH-01']),
  row('stripe-like', 'no-bearer', ['STRIPELIKE-AUTH-02']),
  row('stripe-like', 'missing-as-403', ['STRIPELIKE-AUTH-03']),
  row('stripe-like', 'prefix-only-check', ['STRIPELIKE-AUTH-04']),
  row('stripe-like', 'plain-http-served', ['STRIPELIKE-AUTH-05']),
  row('stripe-like', 'test-key-refused', ['STRIPELIKE-KEY-01'], 'KEY-02, RATE-02 and RATE-03 skip with a pointer to KEY-01'),
  row('stripe-like', 'mode-leak', ['STRIPELIKE-KEY-02']),
  row('stripe-like', 'publishable-accepted', ['STRIPELIKE-KEY-03'], 'KEY-04 skips: there is no refusal to read'),
  row('stripe-like', 'publishable-message-generic', ['STRIPELIKE-KEY-04']),
  row('stripe-like', 'deleted-works', ['STRIPELIKE-KEY-05']),
  row('stripe-like', 'rk-writes', ['STRIPELIKE-SCOPE-01']),
  row('stripe-like', 'no-request-id-on-errors', ['STRIPELIKE-HDR-01']),
  row('stripe-like', 'no-live-read-limit', ['STRIPELIKE-RATE-01'], 'RATE-05 skips: nothing to recover from'),
  row('stripe-like', 'no-test-read-limit', ['STRIPELIKE-RATE-02']),
  row('stripe-like', 'shared-search-modes', ['STRIPELIKE-RATE-03']),
  row('stripe-like', 'meter-counted', ['STRIPELIKE-RATE-04']),
  row('stripe-like', 'sticky-limit', ['STRIPELIKE-RATE-05']),
  row('stripe-like', 'variant:early-429', [], '"Treat the limits as maximums": exactLimit false'),
  row('stripe-like', 'variant:publishable-403', [], 'the spec allows 401 or 403'),

  row('github-like', 'bearer-refused', ['GHLIKE-AUTH-01'], 'every check that sends the valid token in Bearer skips with a pointer to AUTH-01'),
  row('github-like', 'token-word-refused', ['GHLIKE-AUTH-02']),
  row('github-like', 'missing-as-401', ['GHLIKE-AUTH-03']),
  row('github-like', 'invalid-as-403', ['GHLIKE-AUTH-04'], 'LOCK-01 skips: its invalid attempts are not answered 401'),
  row('github-like', 'basic-accepted', ['GHLIKE-AUTH-05']),
  row('github-like', 'query-token', ['GHLIKE-AUTH-06']),
  row('github-like', 'ua-optional', ['GHLIKE-AUTH-07']),
  row('github-like', 'no-lockout', ['GHLIKE-LOCK-01'], 'LOCK-02 skips: no lockout to read'),
  row('github-like', 'lockout-spares-valid', ['GHLIKE-LOCK-01'], 'LOCK-02 skips'),
  row('github-like', 'lockout-message-generic', ['GHLIKE-LOCK-02']),
  row('github-like', 'octocat-needs-token', ['GHLIKE-PUB-01'], 'RATE-03, RATE-08 and RATE-12 skip with a pointer to PUB-01'),
  row('github-like', '403-anonymous', ['GHLIKE-PRIV-01']),
  row('github-like', '403-other-user', ['GHLIKE-PRIV-02']),
  row('github-like', 'scope-not-enforced', ['GHLIKE-SCOPE-01']),
  row('github-like', 'no-reset-header', ['GHLIKE-RATE-01'], 'RATE-07, RATE-09 and RATE-12 skip'),
  row('github-like', 'limit-1000', ['GHLIKE-RATE-02']),
  row('github-like', 'anonymous-5000', ['GHLIKE-RATE-03'], 'RATE-08 and RATE-12 read the limit header first and skip'),
  row('github-like', 'headers-count-double', ['GHLIKE-RATE-04', 'GHLIKE-RATE-05'], 'remaining and used count the same requests (used + remaining = limit): no fault of one leaves the other right; RATE-10 skips pointing at RATE-04'),
  row('github-like', 'no-used', ['GHLIKE-RATE-05']),
  row('github-like', 'used-off-by-one', ['GHLIKE-RATE-05']),
  row('github-like', 'no-resource', ['GHLIKE-RATE-06']),
  row('github-like', 'reset-delta', ['GHLIKE-RATE-07'], 'RATE-12 skips'),
  row('github-like', 'exhausted-no-zero', ['GHLIKE-RATE-08'], 'RATE-09 skips: the refusal reports Remaining 1, which RATE-08 states is 0'),
  row('github-like', 'retry-after-invalid', ['GHLIKE-RATE-09']),
  row('github-like', 'rate-limit-counted', ['GHLIKE-RATE-10']),
  row('github-like', 'no-secondary', ['GHLIKE-RATE-11'], 'RATE-09 skips; on a real target RATE-11 needs fixtures.rateLimit.secondary'),
  row('github-like', 'reopens-late', ['GHLIKE-RATE-12'], 'authconform run: RATE-12 waits up to an hour on a real target and skips under maxWaitMs; caught here with the manual clock and on the mock'),
  row('github-like', 'no-scope-headers', ['GHLIKE-HDR-01']),
  row('github-like', 'no-accepted-scopes', ['GHLIKE-HDR-02']),
  row('github-like', 'variant:token-case', [], 'scheme words are case-insensitive; refusing `Token` while `token` works is no documented fault'),
  row('github-like', 'variant:exhausted-429', [], '"a 403 or 429 response"'),
  row('github-like', 'variant:clock-hour', [], 'reset at the next full hour, less than an hour ahead'),
];

export const rowsOf = (example: Example): TwinRow[] => TWIN_ROWS.filter((r) => r.example === example);

/** the GitHub-like twins whose fault is in the lockout: their runs need the lockout's numbers */
export const LOCKOUT_TWINS: readonly string[] = TWIN_ROWS.filter((r) => r.example === 'github-like' && r.expected.some((id) => id.startsWith('GHLIKE-LOCK-'))).map((r) => r.twin);
