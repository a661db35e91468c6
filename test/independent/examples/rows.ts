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
];

export const rowsOf = (example: Example): TwinRow[] => TWIN_ROWS.filter((r) => r.example === example);
