/**
 * The invalid-attempt budget (src/probes/refusal-pacer.ts) on a virtual clock: refused credentials
 * are counted, a request presenting a credential waits once `after − 2` fall within the lockout
 * window, requests without one never wait, a wait beyond --max-wait skips, and `settle` empties
 * the window. No real time passes.
 */
import { describe, expect, it } from 'vitest';
import { RefusalPacer, presentsCredential } from '../../src/probes/refusal-pacer.ts';
import { isSkipCase } from '../../src/probes/skip-case.ts';
import type { ProbeRequest, ProbeResponse } from '../../src/transport/types.ts';
import { acmeContract, req } from './support/acme-contract.ts';

const contract = acmeContract([req('credential.invalid', { errors: ['invalid_key'] })]);
const numbers = { after: 5, withinMs: 60_000, lastsMs: 900_000 };

function virtualClock(maxWaitMs = 120_000) {
  let now = 1_000_000;
  const waits: number[] = [];
  return { waits, clock: { now: () => now, sleep: async (ms: number) => { waits.push(ms); now += ms; }, maxWaitMs }, advance: (ms: number) => (now += ms) };
}

const keyed: ProbeRequest = { method: 'GET', url: 'https://api.test/v1/things', headers: { Authorization: 'Bearer sk_live_unknown' } };
const bare: ProbeRequest = { method: 'GET', url: 'https://api.test/v1/things', headers: {} };
const refused = { status: 401 } as ProbeResponse;
const accepted = { status: 200 } as ProbeResponse;

describe('refusal pacer', () => {
  it('knows which requests present a credential', () => {
    expect(presentsCredential(contract, keyed)).toBe(true);
    expect(presentsCredential(contract, bare)).toBe(false);
  });

  it('lets after − 2 refusals through, then waits until the oldest has left the window', async () => {
    const pacer = new RefusalPacer(contract, numbers);
    const v = virtualClock();
    expect(pacer.budget).toBe(3);
    for (let i = 0; i < 3; i++) {
      await pacer.before(keyed, v.clock);
      pacer.after(keyed, refused, v.clock.now());
      v.advance(1000);
    }
    expect(v.waits).toEqual([]);
    await pacer.before(bare, v.clock);
    expect(v.waits).toEqual([]);
    await pacer.before(keyed, v.clock);
    // first refusal at t0, now t0 + 3 s: wait until t0 + 60 s + 1 s margin
    expect(v.waits).toEqual([58_000]);
  });

  it('does not count accepted requests, nor pace while the lockout case trips it', async () => {
    const pacer = new RefusalPacer(contract, numbers);
    const v = virtualClock();
    for (let i = 0; i < 10; i++) pacer.after(keyed, accepted, v.clock.now());
    await pacer.before(keyed, v.clock);
    for (let i = 0; i < 10; i++) pacer.after(keyed, refused, v.clock.now());
    pacer.tripping = true;
    await pacer.before(keyed, v.clock);
    expect(v.waits).toEqual([]);
  });

  it('skips the case when the wait exceeds --max-wait, and settle empties the window', async () => {
    const pacer = new RefusalPacer(contract, numbers);
    const short = virtualClock(10_000);
    for (let i = 0; i < 3; i++) pacer.after(keyed, refused, short.clock.now());
    const err = await pacer.before(keyed, short.clock).catch((e: unknown) => e);
    expect(isSkipCase(err)).toBe(true);
    expect((err as Error).message).toBe('the lockout budget (3 refused credentials per 60 s, fixtures.lockout) is spent; the next fits in 61 s, beyond the wait bound (--max-wait: 10 s)');
    const v = virtualClock();
    const p2 = new RefusalPacer(contract, numbers);
    p2.after(keyed, refused, v.clock.now());
    v.advance(20_000);
    await p2.settle(v.clock);
    expect(v.waits).toEqual([41_000]);
  });

  it('counts a 403 to a presented credential too (a target refusing unknown keys with it still locks out), not a 404', async () => {
    const pacer = new RefusalPacer(contract, numbers);
    const v = virtualClock();
    pacer.after(keyed, { status: 404 } as ProbeResponse, v.clock.now());
    for (let i = 0; i < 3; i++) pacer.after(keyed, { status: 403 } as ProbeResponse, v.clock.now());
    await pacer.before(keyed, v.clock);
    expect(v.waits).toEqual([61_000]);
  });
});
