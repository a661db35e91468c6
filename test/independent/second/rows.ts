/**
 * The verdicts the docs call for on the second-reading servers: for each server (conformant, a
 * conformant variant, or a broken twin with one fault), the requirement ids that SHOULD fail —
 * exactly those. `causes` lists the issue-13 causes that make today's verdict wrong (empty when it
 * is right); docs/independent-matrix.md is checked against this table by matrix.test.ts.
 */
export type Api = 'linkfetch' | 'linkt' | 'linkkit' | 'linkit' | 'linq';

/** `read-only`: no state-changing request, no quota spent. `writes`: state-changing requests allowed. */
export type RunKind = 'read-only' | 'writes';

export interface Row {
  api: Api;
  /** `conformant`, `variant:<name>` or the fault's name */
  name: string;
  run: RunKind;
  /** the requirement ids the docs say this server breaks */
  expected: string[];
  /** issue-13 causes (1–6) that make today's verdict differ from `expected` */
  causes: number[];
}

const row = (api: Api, name: string, expected: string[], causes: number[] = [], run: RunKind = 'read-only'): Row => ({ api, name, run, expected, causes });

export const ROWS: readonly Row[] = [
  row('linkfetch', 'conformant', []),
  row('linkfetch', 'bare-key-accepted', ['LINKFETCH-AUTH-03']),
  row('linkfetch', 'scope-not-enforced', ['LINKFETCH-SCOPE-01']),
  row('linkfetch', 'no-grace', ['LINKFETCH-KEY-01']),
  row('linkfetch', 'test-prefix-as-live', ['LINKFETCH-PREFIX-01']),
  row('linkfetch', 'missing-as-invalid', ['LINKFETCH-AUTH-02']),
  row('linkfetch', 'rate-limit-as-403', ['LINKFETCH-RATE-01']),

  row('linkt', 'conformant', []),
  row('linkt', 'conformant', [], [], 'writes'),
  row('linkt', 'bearer-only', ['LINKT-AUTH-01', 'LINKT-AUTH-02']),
  row('linkt', 'cross-org-read', ['LINKT-TENANT-01']),
  row('linkt', 'scope-not-enforced', ['LINKT-SCOPE-01']),
  row('linkt', 'reset-in-ms', ['LINKT-RATE-04']),
  row('linkt', 'no-retry-after-field', ['LINKT-RATE-05']),
  row('linkt', 'missing-as-403', ['LINKT-AUTH-02']),

  row('linkkit', 'conformant', []),
  row('linkkit', 'variant:content-type-enforced', []),
  row('linkkit', 'bare-key-accepted', ['LINKKIT-AUTH-04']),
  row('linkkit', 'invalid-as-403', ['LINKKIT-AUTH-04']),
  row('linkkit', 'no-rate-limit', ['LINKKIT-RATE-01']),
  row('linkkit', 'scope-not-enforced', ['LINKKIT-SCOPE-01']),
  row('linkkit', 'other-scheme-500', ['LINKKIT-AUTH-04']),

  row('linkit', 'conformant', []),
  row('linkit', 'expired-token-accepted', ['LINKIT-LOGIN-03']),
  row('linkit', 'foreign-org-served', ['LINKIT-ORG-01']),
  row('linkit', 'plain-http-served', ['LINKIT-TLS-01']),
  row('linkit', 'revoked-key-accepted', ['LINKIT-KEY-02']),
  row('linkit', 'any-password', ['LINKIT-LOGIN-02']),

  row('linq', 'conformant', []),
  row('linq', 'conformant', [], [], 'writes'),
  row('linq', 'bare-key-accepted', ['LINQ-AUTH-03']),
  row('linq', 'foreign-chat-served', ['LINQ-TENANT-01']),
  row('linq', 'rate-limit-code-2004', ['LINQ-RATE-01']),
  row('linq', 'scope-not-enforced', ['LINQ-SCOPE-01']),
  row('linq', 'token-in-x-api-key-only', ['LINQ-AUTH-01', 'LINQ-AUTH-02']),
  row('linq', 'unassigned-number-allowed', ['LINQ-SCOPE-02'], [], 'writes'),
];

/** The row of `api` named `name` in run `run`. */
export function rowOf(api: Api, name: string, run: RunKind = 'read-only'): Row {
  const found = ROWS.find((r) => r.api === api && r.name === name && r.run === run);
  if (found === undefined) throw new Error(`no row ${api} ${name} (${run})`);
  return found;
}

/** The rows of one batch: one API, one kind of run; conformant rows or broken twins only when `broken` is given. */
export function rowsOf(api: Api, run: RunKind, broken?: boolean): Row[] {
  return ROWS.filter((r) => r.api === api && r.run === run && (broken === undefined || (r.expected.length > 0) === broken));
}

/** `variant:<name>` → the variant; a fault name → the fault; `conformant` → neither. */
export function switchesOf(r: Row): { faults: string[]; variants: string[] } {
  if (r.name === 'conformant') return { faults: [], variants: [] };
  if (r.name.startsWith('variant:')) return { faults: [], variants: [r.name.slice('variant:'.length)] };
  return { faults: [r.name], variants: [] };
}
