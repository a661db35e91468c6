/**
 * The rate-limit format additions of issue 10, both ways on the mock: Retry-After on some refusals
 * only (`retryAfter: optional | never`, per section or per limit). The conformant mock passes the
 * cases; each defect fails exactly its own requirement.
 */
import { describe, expect, it } from 'vitest';
import type { Contract, RetryAfterRule } from '../../src/spec/contract.ts';
import { loadContract } from '../../src/spec/load.ts';
import { listDefects } from '../../src/mock/defects.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';
import { startMock } from '../../src/mock/server.ts';
import { MockClient, ResponseLog } from './support.ts';

const EXHAUSTION = new Set(['ratelimit.exceeded', 'ratelimit.retry-after', 'ratelimit.recovery']);

async function verdicts(contract: Contract, defects: string[] = [], kinds = EXHAUSTION): Promise<string[]> {
  const runs = await runAgainstMock(contract, { defects, pick: (c) => kinds.has(c.requirement.kind) });
  return runs.map(({ c, o }) => `${c.requirement.id} ${o.verdict}${o.verdict === 'fail' ? `: ${o.message}` : ''}`);
}

/** Linkt with its section's Retry-After rule, or the free plan's per-minute limit's own. */
async function linktWith(rule: { section?: RetryAfterRule; minute?: RetryAfterRule }): Promise<Contract> {
  const c = await loadContract('linkt');
  const rl = c.rateLimit!;
  const plans = rl.plans.map((p) => ({ ...p, windows: p.windows.map((w) => (w.headers && rule.minute !== undefined ? { ...w, retryAfter: rule.minute } : w)) }));
  const out = { ...rl, plans };
  if (rule.section === undefined) delete out.retryAfter;
  else out.retryAfter = rule.section;
  return { ...c, rateLimit: out };
}

const ALL_PASS = ['LINKT-RATE-05 pass', 'LINKT-RATE-05 pass', 'LINKT-RATE-06 pass', 'LINKT-RATE-07 pass'];

describe('Retry-After on some refusals only', () => {
  it('optional on the limit: the conformant mock passes; the "missing" defect drops Retry-After and the Remaining 0 signal, failing only LINKT-RATE-06', { timeout: 120_000 }, async () => {
    const c = await linktWith({ section: 'always', minute: 'optional' });
    expect(listDefects(c).filter((d) => d.requirement === 'LINKT-RATE-06').map((d) => d.description)).toEqual([
      'Retry-After (and the body field) point one hour beyond the window reset',
      'the 429 carries no Retry-After (optional here) and reports Remaining 1 instead of 0',
    ]);
    expect(await verdicts(c)).toEqual(ALL_PASS);
    const broken = await verdicts(c, ['LINKT-RATE-06/missing']);
    expect(broken.map((v) => v.split(':')[0])).toEqual(['LINKT-RATE-05 pass', 'LINKT-RATE-05 pass', 'LINKT-RATE-06 fail', 'LINKT-RATE-07 pass']);
    expect(broken[2]).toContain('Expected a Retry-After, or X-RateLimit-Remaining: 0 with a future X-RateLimit-Reset (Retry-After is optional for this limit), got no Retry-After, X-RateLimit-Remaining: 1');
  });

  it('always: dropping Retry-After alone fails LINKT-RATE-06; optional on the section: the conformant mock passes it', { timeout: 120_000 }, async () => {
    const c = await linktWith({ section: 'optional' });
    const always = await linktWith({ section: 'always' });
    const dropOnly = listDefects(always).find((d) => d.id === 'LINKT-RATE-06/missing');
    expect(dropOnly?.description).toBe('the 429 carries no Retry-After header');
    expect(await verdicts(always, ['LINKT-RATE-06/missing'])).toContainEqual(expect.stringMatching(/^LINKT-RATE-06 fail: Expected .* got 429 without Retry-After/));
    expect((await verdicts(c)).filter((v) => v.startsWith('LINKT-RATE-06'))).toEqual(['LINKT-RATE-06 pass']);
  });

  it('never: the mock sends no Retry-After on its 429', async () => {
    const c = await linktWith({ section: 'always', minute: 'never' });
    const mock = await startMock(c, { port: 0 });
    try {
      const client = new MockClient(c, mock, new ResponseLog());
      const replies = [];
      for (let i = 0; i < 61; i++) replies.push(await client.call(c.probeOperation, { role: 'valid' }));
      const last = replies.at(-1);
      expect([last?.status, last?.headers['retry-after']]).toEqual([429, undefined]);
    } finally {
      await mock.close();
    }
  });
});
