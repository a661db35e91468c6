/**
 * Key lifecycle on the mock clock: the live rotation story through the control API (grace window
 * to the second), immediate revocation without grace, keys that never expire, the control API
 * itself (clock, keys, reset) and its absence when control is off.
 */
import { describe, expect } from 'vitest';
import { mockTest as it } from '../support/mock-test.ts';
import type { Contract } from '../../src/spec/contract.ts';
import { startMock } from '../../src/mock/server.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { durationMs } from '../../src/spec/duration.ts';
import { contractIn, contractOf, errorById, errorOfKind, everyResponseMatchesItsSpec, expectError, loadContracts, MockClient, realSince, ResponseLog, seedsRole, SPECS, specFor } from './support.ts';

const log = new ResponseLog();
const CONTRACTS = await loadContracts();
const SECOND = 1000;

describe.each(SPECS)('%s mock: key lifecycle', (name) => {
  const spec = contractIn(CONTRACTS, name);
  let contract: Contract;
  let mock: MockServer;
  let client: MockClient;

  it.beforeAll(async ({ mocks }) => {
    ({ contract, mock } = await mocks.start(name, { port: 0 }));
    client = new MockClient(contract, mock, log);
  });

  it('rotation: a new key works, the revoked one until the end of the grace window, then the rotation error', async () => {
    await client.control('POST', 'reset', {});
    const probe = contract.probeOperation;
    const old = client.credential('valid');
    const created = await client.control('POST', 'keys', { like: old.value });
    const fresh = { ...old, value: (created.body as { value: string }).value };
    expect((await client.call(probe, { credential: fresh })).status).toBe(200);
    const revoked = await client.control('POST', 'keys/revoke', { value: old.value });
    expect(typeof (revoked.body as { revokedAt: unknown }).revokedAt).toBe('number');
    const grace = contract.rotation?.graceMs ?? 0;
    const rotationError = contract.rotation !== undefined ? errorById(contract, contract.rotation.error) : errorOfKind(contract, 'credential.invalid');
    if (grace > 0) {
      await client.advance(grace - SECOND); // e.g. 23:59:59 after the revocation for PT24H
      expect((await client.call(probe, { credential: old })).status).toBe(200);
      await client.advance(2 * SECOND); // 24:00:01
    }
    expectError(await client.call(probe, { credential: old }), rotationError);
    expect((await client.call(probe, { credential: fresh })).status).toBe(200);
  });

  if (seedsRole(spec, 'revoked_in_grace') && spec.rotation !== undefined) it('the seeded key revoked within the grace window stops working once the clock passes the window', async () => {
    await client.control('POST', 'reset', {});
    expect((await client.call(contract.probeOperation, { role: 'revoked_in_grace' })).status).toBe(200);
    await client.advance(contract.rotation!.graceMs);
    expectError(await client.call(contract.probeOperation, { role: 'revoked_in_grace' }), errorById(contract, contract.rotation!.error));
  });

  it('API keys do not expire: the valid key works after the key.no-expiry duration (else a year)', async () => {
    await client.control('POST', 'reset', {});
    const after = contract.requirements.find((r) => r.kind === 'key.no-expiry')?.after ?? 'P365D';
    await client.advance(durationMs(after)!);
    expect((await client.call(contract.probeOperation, { role: 'valid' })).status).toBe(200);
  });

  it('reset brings back the seed: revoked keys work again, created keys are gone, the clock restarts', async () => {
    await client.control('POST', 'reset', {});
    const start = ((await client.control('GET', 'clock')).body as { now: number }).now;
    const valid = client.credential('valid');
    const created = ((await client.control('POST', 'keys', { like: valid.value })).body as { value: string }).value;
    await client.control('POST', 'keys/revoke', { value: valid.value });
    await client.advance(400 * 86_400_000);
    const resetAt = performance.now();
    const reset = await client.control('POST', 'reset', {});
    const now = (reset.body as { now: number }).now;
    // back to clockStart: only the real time since the reset, nothing of the 400 days advanced
    const clockStart = Date.parse(specFor(contract).mock.clockStart ?? '2026-01-01T00:00:00Z');
    expect(start).toBeGreaterThanOrEqual(clockStart);
    expect(now - clockStart).toBeGreaterThanOrEqual(0);
    expect(now - clockStart).toBeLessThanOrEqual(realSince(resetAt));
    expect((await client.call(contract.probeOperation, { role: 'valid' })).status).toBe(200);
    expectError(await client.call(contract.probeOperation, { credential: { ...valid, value: created } }), errorOfKind(contract, 'credential.invalid'));
  });

  it('the clock starts at the seed clockStart and moves by exactly the advanced amount', async () => {
    const resetAt = performance.now();
    await client.control('POST', 'reset', {});
    const readAt = performance.now();
    const before = ((await client.control('GET', 'clock')).body as { now: number }).now;
    const clockStart = Date.parse(specFor(contract).mock.clockStart ?? '2026-01-01T00:00:00Z');
    expect(before - clockStart).toBeGreaterThanOrEqual(0);
    expect(before - clockStart).toBeLessThanOrEqual(realSince(resetAt));
    const advanceAt = performance.now();
    const after = await client.advance(3_600_000);
    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
    expect(after - before).toBeLessThanOrEqual(3_600_000 + realSince(readAt) + 1); // +1: the clock floors to ms
    const r = await client.call(contract.probeOperation, { role: 'valid' });
    // the Date header is the mock's clock at the call, in whole seconds
    const date = Date.parse(r.headers['date']!);
    expect(date).toBeGreaterThan(after - SECOND);
    expect(date).toBeLessThanOrEqual(after + realSince(advanceAt) + 1);
  });

  it('the control API refuses bad input with 400 and unknown credentials with 404', async () => {
    const statuses = [
      (await client.control('POST', 'clock', { advanceMs: -1 })).status,
      (await client.control('POST', 'clock', { advanceMs: 'soon' })).status,
      (await client.control('POST', 'keys', {})).status,
      (await client.control('POST', 'keys', { like: 'no-such-key' })).status,
      (await client.control('POST', 'keys/revoke', { value: 'no-such-key' })).status,
    ];
    expect(statuses).toEqual([400, 400, 400, 404, 404]);
  });
});

describe.each(SPECS)('%s mock without control', (name) => {
  it('does not serve /__authconform/ (404 JSON like any unknown route)', async () => {
    const contract = await contractOf(name);
    const mock = await startMock(specFor(contract), { control: false });
    try {
      const client = new MockClient(contract, mock, log);
      const replies = [await client.control('GET', 'clock'), await client.control('POST', 'reset', {})];
      expect(replies.map((r) => [r.status, (r.body as { error: string }).error])).toEqual([
        [404, 'not_found'],
        [404, 'not_found'],
      ]);
    } finally {
      await mock.close();
    }
  });
});

everyResponseMatchesItsSpec(log);
