/**
 * Red team weak spot (issue item 10): a target answering 429 to every request let the rate-limit
 * exhaustion case pass ("refused after 0 requests") while AUTH-01 (the valid key is accepted)
 * failed. The valid key refused before any request of the sequence is accepted is a precondition:
 * the exhaustion case skips with a pointer to the requirement that covers it.
 */
import { describe, expect, it } from 'vitest';
import { acmeContract, acmeFixtures } from '../probes/support/acme-contract.ts';
import { acmeRequirements } from '../probes/support/acme-requirements.ts';
import { play } from '../probes/support/scenario.ts';

const contract = acmeContract(acmeRequirements());
const EXCEEDED = 'exceeding 5 requests per minute gives 429';
const ACCEPTED = 'valid credential is accepted on listThings';

describe('a target that answers 429 to every request', () => {
  const always429 = {
    tweak: () => ({
      status: 429,
      headers: { 'Retry-After': '60', 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '60' },
      body: { error: { code: 'rate_limit' } },
    }),
  };

  it('fails the acceptance requirement, and the exhaustion case skips pointing at it (no pass)', async () => {
    const accepted = await play({ name: 'always 429', title: ACCEPTED, contract, fixtures: acmeFixtures(), api: always429, verdict: 'fail' });
    const exceeded = await play({ name: 'always 429', title: EXCEEDED, contract, fixtures: acmeFixtures(), api: always429, verdict: 'skip' });
    expect(accepted.verdict).toBe('fail');
    expect({ verdict: exceeded.verdict, message: exceeded.message }).toEqual({
      verdict: 'skip',
      message: 'precondition not met: the valid key was refused (429) on GET /v1/things — see ACME-CREDENTIAL-ACCEPTED',
    });
  });

  it('a conformant target still passes the exhaustion case', async () => {
    const outcome = await play({ name: 'conformant', title: EXCEEDED, contract, fixtures: acmeFixtures(), api: {}, verdict: 'pass' });
    expect(outcome.verdict).toBe('pass');
  });
});
