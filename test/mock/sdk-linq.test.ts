/**
 * The official Linq SDK (@linqapp/sdk) against the mock of specs/linq.yaml: listing chats, the
 * SDK's typed errors with the documented codes in `err.error`, and its Retry-After handling.
 */
import { describe, expect } from 'vitest';
import { mockTest as it } from '../support/mock-test.ts';
import { AuthenticationError, LinqAPIV3, PermissionDeniedError, RateLimitError } from '@linqapp/sdk';
import type { Contract } from '../../src/spec/contract.ts';
import { startMock } from '../../src/mock/server.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { everyResponseMatchesItsSpec, recordingFetch, ResponseLog, SPECS, specFor } from './support.ts';

const log = new ResponseLog();
const present = SPECS.includes('linq');

describe.runIf(present)('@linqapp/sdk against the linq mock', () => {
  let contract: Contract;
  let mock: MockServer;
  const sdk = (apiKey: string, maxRetries = 0, url = mock.url): LinqAPIV3 =>
    new LinqAPIV3({ apiKey, baseURL: `${url}/api/partner`, maxRetries, fetch: recordingFetch(contract, log) });

  it.beforeAll(async ({ mocks }) => {
    ({ contract, mock } = await mocks.start('linq'));
  });

  it('lists the chats of the token with client.chats.listChats()', async () => {
    const page = await sdk(mock.fixtures.credentials.valid!.value).chats.listChats();
    expect(page.chats.map((c) => c.id)).toEqual(['550e8400-e29b-41d4-a716-446655440000', '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e']);
  });

  it('raises AuthenticationError with code 2004 in err.error for an unknown token', async () => {
    const err = await sdk('lq_not_a_token').chats.listChats().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect([(err as AuthenticationError).status, (err as AuthenticationError).error]).toEqual([401, { code: 2004, message: 'Missing or invalid bearer token.' }]);
  });

  it('raises PermissionDeniedError with 2005 for a read-only token and 2006 for an unassigned from number', async () => {
    const message = { parts: [{ type: 'text' as const, value: 'Hello from authconform' }] };
    const scoped = await sdk(mock.fixtures.credentials.scoped!.value)
      .chats.create({ from: '+12025550101', to: ['+14155550123'], message })
      .catch((e: unknown) => e);
    const unassigned = await sdk(mock.fixtures.credentials.valid!.value)
      .chats.create({ from: '+12025550199', to: ['+14155550123'], message })
      .catch((e: unknown) => e);
    expect(scoped).toBeInstanceOf(PermissionDeniedError);
    expect(unassigned).toBeInstanceOf(PermissionDeniedError);
    expect([(scoped as PermissionDeniedError).error, (unassigned as PermissionDeniedError).error]).toEqual([
      { code: 2005, message: 'Valid token but insufficient permissions for this resource.' },
      { code: 2006, message: 'You cannot send from this phone number.' },
    ]);
  });

  it('raises RateLimitError with code 1007 once the limit is used up (maxRetries 0)', async () => {
    await fetch(`${mock.url}/__authconform/reset`, { method: 'POST' }).then((r) => r.arrayBuffer());
    const client = sdk(mock.fixtures.credentials.valid!.value);
    const limit = mock.fixtures.rateLimit!.perMinute!;
    for (let i = 0; i < limit; i++) await client.chats.listChats();
    const err = await client.chats.listChats().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).error).toEqual({ code: 1007, message: 'Rate limit exceeded.' });
  });

  it('honours Retry-After: with maxRetries 2 a limited call succeeds once the 1 s window has passed', async () => {
    const small = await startMock(specFor(contract), { rateLimit: { perWindow: 1, windowMs: 1000 } });
    try {
      const seen = log.seen.length;
      const client = sdk(small.fixtures.credentials.valid!.value, 2, small.url);
      await client.chats.listChats();
      const page = await client.chats.listChats(); // 429 with Retry-After: 1 (unless a window boundary passed), then success
      expect(page.chats.length).toBe(2);
      const statuses = log.seen.slice(seen).map((s) => s.reply.status);
      expect(statuses[0]).toBe(200);
      expect(statuses.at(-1)).toBe(200);
      const limited = log.seen.slice(seen).filter((s) => s.reply.status === 429);
      for (const s of limited) expect(s.reply.headers['retry-after']).toBe('1');
    } finally {
      await small.close();
    }
  });
});

describe.runIf(present)('linq responses', () => {
  everyResponseMatchesItsSpec(log);
});

// without specs/linq.yaml the SDK tests above are not generated; the file still holds one test that says so
if (!present) {
  it('specs/linq.yaml is absent: no SDK test is generated', () => {
    expect(SPECS).not.toContain('linq');
  });
}
