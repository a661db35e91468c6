/**
 * The official Linkt SDK (@linkt/sdk) against the mock of specs/linkt.yaml: listing ICPs in the
 * documented shape, AuthenticationError for a bad key, RateLimitError once the plan's limit is used.
 */
import { describe, expect } from 'vitest';
import { mockTest as it } from '../support/mock-test.ts';
import { AuthenticationError, Linkt, RateLimitError } from '@linkt/sdk';
import type { Contract } from '../../src/spec/contract.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { everyResponseMatchesItsSpec, recordingFetch, ResponseLog, SPECS } from './support.ts';

const log = new ResponseLog();
const present = SPECS.includes('linkt');

describe.runIf(present)('@linkt/sdk against the linkt mock', () => {
  let contract: Contract;
  let mock: MockServer;
  const sdk = (apiKey: string): Linkt => new Linkt({ apiKey, baseURL: mock.url, maxRetries: 0, fetch: recordingFetch(contract, log) });

  it.beforeAll(async ({ mocks }) => {
    ({ contract, mock } = await mocks.start('linkt'));
  });

  it('lists the ICPs of the key organization with client.icp.list()', async () => {
    const list = await sdk(mock.fixtures.credentials.valid!.value).icp.list();
    expect({ ids: list.icps.map((i) => i.id), page: list.page, page_size: list.page_size, total: list.total }).toEqual({
      ids: ['6650a1f0c2b4e81d3f9a0001', '6650a1f0c2b4e81d3f9a0002'],
      page: 1,
      page_size: 20,
      total: 2,
    });
  });

  it('raises AuthenticationError for an unknown key', async () => {
    const err = await sdk('lk_mock_not_a_key').icp.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect([(err as AuthenticationError).status, (err as AuthenticationError).error]).toEqual([401, { error: 'unauthorized', message: 'Missing or invalid API key.' }]);
  });

  it('raises RateLimitError once the plan limit is used up (maxRetries 0), with retry_after in the body', async () => {
    await fetch(`${mock.url}/__authconform/reset`, { method: 'POST' }).then((r) => r.arrayBuffer());
    const client = sdk(mock.fixtures.credentials.valid!.value);
    for (let i = 0; i < 60; i++) await client.icp.list();
    const err = await client.icp.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    const body = (err as RateLimitError).error as { error: string; retry_after: number };
    expect(body.error).toBe('rate_limit_exceeded');
    expect(String(body.retry_after)).toBe((err as RateLimitError).headers?.get('retry-after'));
  });
});

describe.runIf(present)('linkt responses', () => {
  everyResponseMatchesItsSpec(log);
});

// without specs/linkt.yaml the SDK tests above are not generated; the file still holds one test that says so
if (!present) {
  it('specs/linkt.yaml is absent: no SDK test is generated', () => {
    expect(SPECS).not.toContain('linkt');
  });
}
