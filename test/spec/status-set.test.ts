/**
 * Errors documented with several statuses (issue 10, "status sets"): `status: [403, 429]` and
 * `status: "4XX"` are loaded, honoured by every error comparison, described as the docs say, and a
 * malformed status is a located validate error.
 */
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkOneOf, describeErrors } from '../../src/probes/expect-error.ts';
import { loadContract } from '../../src/spec/load.ts';
import { alternativeStatus, describeStatus, statusMatches, statusOutside } from '../../src/spec/status-set.ts';
import type { ProbeResponse } from '../../src/transport/types.ts';
import { tempDir } from '../support/temp-dir.ts';

const DIR = fileURLToPath(new URL('../fixtures/schemes/', import.meta.url));

function withErrors(errors: string): string {
  const dir = tempDir('ac-status-');
  for (const f of ['seed.yaml', 'schemes-auth.txt']) copyFileSync(join(DIR, f), join(dir, f));
  const text = readFileSync(join(DIR, 'token-words.yaml'), 'utf8').replace(/    invalid_key: .*\n/, `    invalid_key: ${errors}\n`);
  writeFileSync(join(dir, 'spec.yaml'), text);
  return join(dir, 'spec.yaml');
}

const res = (status: number): ProbeResponse => ({ status, headers: {}, body: '{"code":"invalid_key"}', json: { code: 'invalid_key' } }) as unknown as ProbeResponse;

describe('status sets and ranges', () => {
  it('a set: the first is the status the mock answers, every member matches', () => {
    const spec = { id: 'e', status: 403, statuses: [403, 429] };
    expect([403, 429, 401].map((n) => statusMatches(spec, n))).toEqual([true, true, false]);
    expect([describeStatus(spec), alternativeStatus(spec), statusOutside(spec)]).toEqual(['403 or 429', 429, 400]);
  });

  it('a range matches its class; a single status only itself', () => {
    const range = { id: 'e', status: 400, statuses: ['4XX' as const] };
    expect([400, 404, 499, 500, 302].map((n) => statusMatches(range, n))).toEqual([true, true, true, false, false]);
    expect([describeStatus(range), alternativeStatus(range), statusOutside(range, [403, 500])]).toEqual(['4xx', 422, 500]);
    const one = { id: 'e', status: 401 };
    expect([statusMatches(one, 401), statusMatches(one, 403), describeStatus(one), alternativeStatus(one)]).toEqual([true, false, '401', undefined]);
  });

  it('the loader keeps the set; error comparisons honour it (no "Expected 401, got 403")', async () => {
    const c = await loadContract(join(DIR, 'token-words.yaml'));
    const e = c.errors.invalid_key!;
    expect(e).toEqual({ id: 'invalid_key', status: 401, statuses: [401, 403], code: 'invalid_key' });
    expect([checkOneOf(res(403), [e]).ok, checkOneOf(res(401), [e]).ok, checkOneOf(res(429), [e]).mismatches]).toEqual([
      true,
      true,
      ['status 429, expected 401 or 403'],
    ]);
    expect(describeErrors([e])).toBe('401 or 403 with code invalid_key');
  });

  it('a range loads as its class; a malformed status is a validate error with its location', async () => {
    const range = await loadContract(withErrors('{ status: "4XX", code: invalid_key }'));
    expect(range.errors.invalid_key).toEqual({ id: 'invalid_key', status: 400, statuses: ['4XX'], code: 'invalid_key' });
    await expect(loadContract(withErrors('{ status: "4xx", code: invalid_key }'))).rejects.toMatchObject({
      code: 'AC_SPEC_INVALID',
      problems: expect.arrayContaining([
        expect.objectContaining({ line: 28, pointer: '/x-authconform/errors/invalid_key/status', message: 'status "4xx" does not match ^[1-5]XX$' }),
      ]),
    });
  });
});
