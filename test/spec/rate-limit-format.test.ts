/**
 * The rate-limit format additions of issue 10 in the loader: one status set for an exhausted
 * limit (rateLimit.statuses is shorthand for the error's set), and located validate errors when a
 * spec misuses them. Built from the broken-spec corpus' minimal valid spec.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/spec/load.ts';
import { tempDir } from '../support/temp-dir.ts';

const DIR = fileURLToPath(new URL('../fixtures/broken-specs/', import.meta.url));
const MINIMAL = readFileSync(join(DIR, '_valid-minimal.yaml'), 'utf8');

/** The minimal spec with `edits` applied (each an exact replacement), written beside its seed and source. */
export function minimalWith(...edits: Array<[string, string]>): string {
  const dir = tempDir('ac-rlf-');
  cpSync(join(DIR, '_seeds'), join(dir, '_seeds'), { recursive: true });
  cpSync(join(DIR, 'acme-auth.txt'), join(dir, 'acme-auth.txt'));
  let text = MINIMAL;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`not in the minimal spec: ${from}`);
    text = text.replace(from, to);
  }
  writeFileSync(join(dir, 'spec.yaml'), text);
  return join(dir, 'spec.yaml');
}

const LIMITED = '    rate_limited: { status: 429, code: rate_limited }\n';
const RATE = '  rateLimit:\n    error: rate_limited\n';

describe('"403 or 429": one status set for an exhausted limit', () => {
  it('rateLimit.statuses and a status set on the error load to the same contract', async () => {
    const shorthand = await loadContract(minimalWith([RATE, `${RATE}    statuses: [403, 429]\n`]));
    const onError = await loadContract(minimalWith([LIMITED, '    rate_limited: { status: [429, 403], code: rate_limited }\n']));
    expect(shorthand.errors.rate_limited).toEqual({ id: 'rate_limited', status: 429, statuses: [429, 403], code: 'rate_limited' });
    expect(onError.errors.rate_limited).toEqual(shorthand.errors.rate_limited);
    expect(shorthand.operations.map((o) => o.acceptStatuses)).toEqual(onError.operations.map((o) => o.acceptStatuses));
    expect(shorthand.rateLimit).toEqual(onError.rateLimit);
  });

  it('both, in agreement, load the same too', async () => {
    const both = await loadContract(minimalWith([LIMITED, '    rate_limited: { status: [429, 403], code: rate_limited }\n'], [RATE, `${RATE}    statuses: [403, 429]\n`]));
    expect(both.errors.rate_limited?.statuses).toEqual([429, 403]);
  });
});
