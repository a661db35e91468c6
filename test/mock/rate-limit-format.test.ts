/**
 * The rate-limit format additions of issue 10, both ways on the mock: Retry-After on some refusals
 * only (`retryAfter: optional | never`, per section or per limit), and the IETF RateLimit /
 * RateLimit-Policy fields as the header style. The conformant mock passes the cases; each defect
 * fails exactly its own requirement.
 */
import { describe, expect, it } from 'vitest';
import type { Contract, RetryAfterRule } from '../../src/spec/contract.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { LoadedSpec } from '../../src/spec/mock-config.ts';
import { normalizeRateLimit } from '../../src/spec/rate-limit-spec.ts';
import { listDefects } from '../../src/mock/defects.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';
import { startMock } from '../../src/mock/server.ts';
import { MockClient, ResponseLog } from './support.ts';

const EXHAUSTION = new Set(['ratelimit.exceeded', 'ratelimit.retry-after', 'ratelimit.recovery']);

async function verdicts(spec: LoadedSpec, defects: string[] = [], kinds = EXHAUSTION): Promise<string[]> {
  const runs = await runAgainstMock(spec, { defects, pick: (c) => kinds.has(c.requirement.kind) });
  return runs.map(({ c, o }) => `${c.requirement.id} ${o.verdict}${o.verdict === 'fail' ? `: ${o.message}` : ''}`);
}

/** Linkt with its section's Retry-After rule, or the free plan's per-minute limit's own. */
async function linktWith(rule: { section?: RetryAfterRule; minute?: RetryAfterRule }): Promise<LoadedSpec> {
  const spec = await loadSpec('linkt');
  const c = spec.contract;
  const rl = c.rateLimit!;
  const plans = rl.plans.map((p) => ({ ...p, windows: p.windows.map((w) => (w.headers && rule.minute !== undefined ? { ...w, retryAfter: rule.minute } : w)) }));
  const out = { ...rl, plans };
  if (rule.section === undefined) delete out.retryAfter;
  else out.retryAfter = rule.section;
  return { ...spec, contract: { ...c, rateLimit: out } };
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
      const client = new MockClient(c.contract, mock, new ResponseLog());
      const replies = [];
      for (let i = 0; i < 61; i++) replies.push(await client.call(c.contract.probeOperation, { role: 'valid' }));
      const last = replies.at(-1);
      expect([last?.status, last?.headers['retry-after']]).toEqual([429, undefined]);
    } finally {
      await mock.close();
    }
  });
});

const OBSERVED = new Set(['ratelimit.headers', 'ratelimit.limit', 'ratelimit.remaining', 'ratelimit.reset']);

/** Linkt, as if its docs used the IETF fields (draft-ietf-httpapi-ratelimit-headers-10) with a policy named "free". */
async function linktIetf(): Promise<LoadedSpec> {
  const spec = await loadSpec('linkt');
  const c = spec.contract;
  const ietf = normalizeRateLimit({ rateLimit: { error: c.rateLimit!.error, headers: { style: 'ietf', name: 'free' } } })!;
  return { ...spec, contract: { ...c, rateLimit: { ...c.rateLimit!, headers: ietf.headers!, resetUnit: 'delta-seconds' } } };
}

describe('IETF RateLimit header fields', () => {
  it('the mock writes RateLimit-Policy q, w and RateLimit r, t as structured lists', async () => {
    const c = await linktIetf();
    expect(c.contract.rateLimit?.headers).toMatchObject({ limit: 'RateLimit-Policy q of "free"', remaining: 'RateLimit r of "free"', reset: 'RateLimit t of "free"' });
    const mock = await startMock(c, { port: 0 });
    try {
      const client = new MockClient(c.contract, mock, new ResponseLog());
      const r = await client.call(c.contract.probeOperation, { role: 'valid' });
      expect([r.headers['ratelimit-policy'], r.headers['ratelimit']?.replace(/t=\d+/, 't=T'), r.headers['x-ratelimit-limit']]).toEqual(['"free";q=60;w=60', '"free";r=59;t=T', undefined]);
    } finally {
      await mock.close();
    }
  });

  it('conformant: the observation and exhaustion cases pass; each header defect fails only its own requirement', { timeout: 300_000 }, async () => {
    const c = await linktIetf();
    const kinds = new Set([...OBSERVED, ...EXHAUSTION]);
    const ids = (vs: string[]) => vs.map((v) => v.split(':')[0]);
    const conformant = ['LINKT-RATE-01 pass', 'LINKT-RATE-02 pass', 'LINKT-RATE-03 pass', 'LINKT-RATE-04 pass', 'LINKT-RATE-05 pass', 'LINKT-RATE-05 pass', 'LINKT-RATE-06 pass', 'LINKT-RATE-07 pass'];
    expect(await verdicts(c, [], kinds)).toEqual(conformant);
    const rows = listDefects(c).filter((d) => ['LINKT-RATE-01', 'LINKT-RATE-02', 'LINKT-RATE-03', 'LINKT-RATE-04'].includes(d.requirement));
    expect(rows.map((d) => d.id)).toEqual(['LINKT-RATE-01', 'LINKT-RATE-01/omitted', 'LINKT-RATE-02', 'LINKT-RATE-03', 'LINKT-RATE-04']);
    for (const d of rows.filter((x) => x.id !== 'LINKT-RATE-01/omitted')) {
      const got = await verdicts(c, [d.id], OBSERVED);
      expect(ids(got), d.id).toEqual(['LINKT-RATE-01', 'LINKT-RATE-02', 'LINKT-RATE-03', 'LINKT-RATE-04'].map((id) => `${id} ${id === d.requirement ? 'fail' : 'pass'}`));
    }
    const remainingAbove = await verdicts(c, ['LINKT-RATE-01'], OBSERVED);
    expect(remainingAbove[0]).toContain('RateLimit r of "free" 120 is above RateLimit-Policy q of "free" 60');
  });
});

describe('operations exempt from a limit', () => {
  it('the mock does not count them; ratelimit.remaining checks it; the "exempt-counted" defect fails only LINKT-RATE-03', { timeout: 300_000 }, async () => {
    const spec = await loadSpec('linkt');
    const c = spec.contract;
    const other = c.operations.find((o) => o.safe && o.operationId !== c.probeOperation);
    expect(other).toBeDefined();
    const exempt = { ...spec, contract: { ...c, operations: c.operations.map((o) => (o === other ? { ...o, exemptFrom: ['free-minute'] } : o)) } };
    expect(listDefects(exempt).map((d) => d.id).filter((id) => id.startsWith('LINKT-RATE-03'))).toEqual(['LINKT-RATE-03', 'LINKT-RATE-03/exempt-counted']);
    const ok = await verdicts(exempt, [], OBSERVED);
    expect(ok).toEqual(['LINKT-RATE-01 pass', 'LINKT-RATE-02 pass', 'LINKT-RATE-03 pass', 'LINKT-RATE-04 pass']);
    const broken = await verdicts(exempt, ['LINKT-RATE-03/exempt-counted'], OBSERVED);
    expect(broken.map((v) => v.split(':')[0])).toEqual(['LINKT-RATE-01 pass', 'LINKT-RATE-02 pass', 'LINKT-RATE-03 fail', 'LINKT-RATE-04 pass']);
    expect(broken[2]).toContain(`X-RateLimit-Remaining unchanged by ${other!.operationId} (exempt)`);
  });
});
