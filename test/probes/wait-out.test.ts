/**
 * sendPastRateLimit (src/probes/rate-limits/wait-out.ts): a stage-setting request refused by a rate
 * limit that earlier cases spent is waited out once, within --max-wait, then sent again; beyond the
 * bound, or still limited after the wait, the case skips naming the limit. Sleeps are recorded,
 * never taken.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/spec/bundled.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { Contract } from '../../src/spec/contract.ts';
import type { ProbeContext } from '../../src/probes/model.ts';
import type { Sent } from '../../src/probes/steps.ts';
import { SkipCase } from '../../src/probes/skip-case.ts';
import { sendPastRateLimit } from '../../src/probes/rate-limits/wait-out.ts';

const contract: Contract = (await loadSpec(join(repoRoot, 'test/fixtures/rate-github/rate-github.yaml'))).contract;
const op = contract.operations[0]!;

function sent(status: number, headers: Record<string, string> = {}, json?: unknown): Sent {
  return {
    req: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} } as Sent['req'],
    res: { status, headers, rawHeaderNames: Object.keys(headers), body: JSON.stringify(json ?? {}), truncated: false, json, elapsedMs: 1 },
    label: 'GET /x',
    op,
  };
}

const SECONDARY = sent(403, {}, { message: 'You have exceeded a secondary rate limit.' });
const OK = sent(200);

/** A real-target context whose sleeps are recorded; `answers` are sent in turn. */
function world(answers: Sent[], maxWaitMs: number, mock = false) {
  const slept: number[] = [];
  const advanced: number[] = [];
  let sends = 0;
  const ctx = {
    contract,
    options: { maxWaitMs },
    sleep: async (ms: number) => void slept.push(ms),
    ...(mock ? { control: { advance: async (ms: number) => (advanced.push(ms), ms) } } : {}),
  } as unknown as ProbeContext;
  const send = async () => answers[sends++]!;
  return { ctx, send, slept, advanced, sends: () => sends };
}

describe('sendPastRateLimit', () => {
  it('returns an answer no rate limit gave after one request', async () => {
    const w = world([OK], 65_000);
    expect(await sendPastRateLimit(w.ctx, w.send)).toBe(OK);
    expect([w.sends(), w.slept.length]).toEqual([1, 0]);
  });

  it('waits out a secondary limit told by its message (its window plus a second), then sends again', async () => {
    const w = world([SECONDARY, OK], 65_000);
    expect(await sendPastRateLimit(w.ctx, w.send)).toBe(OK);
    expect(w.slept).toEqual([61_000]);
    expect(w.sends()).toBe(2);
  });

  it("a secondary refusal is not timed by the primary limit's Reset: an unreadable Retry-After leaves the window", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const w = world([sent(429, { 'retry-after': 'soon', 'x-ratelimit-reset': reset }, { message: 'You have exceeded a secondary rate limit.' }), OK], 65_000);
    expect(await sendPastRateLimit(w.ctx, w.send)).toBe(OK);
    expect(w.slept).toEqual([61_000]);
  });

  it('waits for Retry-After where the refusal carries it, and moves the clock on the mock', async () => {
    const w = world([sent(429, { 'retry-after': '7' }), OK], 65_000, true);
    expect(await sendPastRateLimit(w.ctx, w.send)).toBe(OK);
    expect([w.advanced, w.slept]).toEqual([[8_000], []]);
  });

  it('skips naming the limit when it ends beyond --max-wait', async () => {
    const w = world([SECONDARY, OK], 5_000);
    const err = await sendPastRateLimit(w.ctx, w.send).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SkipCase);
    expect((err as Error).message).toBe('the valid key is held by the per-endpoint limit (403 on GET /x), spent by earlier cases; it ends in 61 s, beyond the wait bound (--max-wait: 5 s)');
    expect(w.sends()).toBe(1);
  });

  it('skips when the limit is still there after the wait', async () => {
    const w = world([sent(429, { 'retry-after': '2' }), sent(429, { 'retry-after': '2' })], 65_000);
    const err = await sendPastRateLimit(w.ctx, w.send).catch((e: unknown) => e);
    expect((err as Error).message).toBe('the valid key is still held by a rate limit (429 on GET /x) after waiting 3 s');
  });

  it('leaves a 403 without rate-limit signals or the secondary message alone', async () => {
    const denied = sent(403, {}, { message: 'Resource not accessible by personal access token' });
    const w = world([denied], 65_000);
    expect(await sendPastRateLimit(w.ctx, w.send)).toBe(denied);
    expect(w.sends()).toBe(1);
  });
});
