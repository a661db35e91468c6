/** runCase: never throws; transport errors, probe errors, skips, echoed secrets, stray 429s. */
import { describe, expect, it } from 'vitest';
import type { Case, Outcome } from '../../src/probes/model.ts';
import { createProbeContext } from '../../src/probes/context.ts';
import { makeCase } from '../../src/probes/make-case.ts';
import { pass } from '../../src/probes/outcome.ts';
import { runCase } from '../../src/probes/run-case.ts';
import { buildRequest, operationById } from '../../src/probes/request-builder.ts';
import { createTransport } from '../../src/transport/client.ts';
import { createOrigins } from '../../src/transport/origins.ts';
import { acmeContract, acmeFixtures, KEYS, req } from './support/acme-contract.ts';
import { startTarget, type Handler } from './support/server.ts';

const contract = acmeContract([req('credential.accepted')]);
const fixtures = acmeFixtures();
const requirement = contract.requirements[0]!;

async function run(c: Case, handler: Handler = () => ({ status: 200, body: { things: [] } })): Promise<Outcome> {
  const target = await startTarget(handler);
  const transport = createTransport({ timeoutMs: 300, deadlineMs: 5000, rateLimitAware: false, useEnvProxy: false });
  try {
    const ctx = createProbeContext({
      contract,
      fixtures,
      origins: createOrigins((r) => transport.send(r), target.url, fixtures.plainUrl),
      options: { writes: false, spendQuota: false, maxWaitMs: 1000 },
    });
    return await runCase(c, ctx);
  } finally {
    await transport.close();
    await target.close();
  }
}

const sendValid = (family = 'valid-credentials') =>
  makeCase(family, requirement, 'sends the valid key', async (ctx) => {
    const res = await ctx.send(buildRequest(ctx, { operation: operationById(contract, 'listThings'), credential: fixtures.credentials.valid! }));
    return pass(ctx, `got ${res.status}`);
  });

describe('runCase', () => {
  it('returns a planned skip without running the case', async () => {
    const c = makeCase('x', requirement, 't', () => Promise.reject(new Error('must not run')), 'no `valid` credential in the fixtures');
    expect(await run(c)).toEqual({ verdict: 'skip', message: 'no `valid` credential in the fixtures', evidence: [] });
  });

  it('fails with the transport error and the request', async () => {
    const outcome = await run(sendValid(), () => 'hang');
    expect(outcome.verdict).toBe('fail');
    expect(outcome.message).toBe('no response headers within 300 ms for GET /v1/things');
    expect(outcome.evidence).toHaveLength(1);
    expect(outcome.evidence[0]).toContain('! AC_HEADERS_TIMEOUT no response headers within 300 ms');
  });

  it('fails with "probe error" on anything else thrown', async () => {
    const c = makeCase('x', requirement, 't', () => Promise.reject(new TypeError('cannot read x')));
    expect(await run(c)).toEqual({ verdict: 'fail', message: 'probe error: cannot read x', evidence: [] });
  });

  it('skips when a fixture resource is missing at run time', async () => {
    const c = makeCase('x', requirement, 't', async (ctx) => {
      await ctx.send(buildRequest({ ...ctx, fixtures: acmeFixtures({ resources: {} }) }, { operation: operationById(contract, 'getThing') }));
      return pass(ctx, 'unreachable');
    });
    expect(await run(c)).toEqual({ verdict: 'skip', message: 'fixtures.resources.thing_id is not set', evidence: [] });
  });

  it('keeps the exchange as evidence, unmasked: the runner masks it at the exit (case-test.ts)', async () => {
    const outcome = await run(sendValid());
    expect(outcome.verdict).toBe('pass');
    expect(outcome.evidence[0]?.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^> GET http:\/\/127\.0\.0\.1:\d+\/v1\/things\?q=x$/) as unknown as string,
      `> Authorization: Bearer ${KEYS.valid}`,
    ]);
  });

  it('turns a pass into a failure when the target echoes a credential back', async () => {
    const outcome = await run(sendValid(), (r) => ({ status: 200, headers: { 'x-debug': r.headers['authorization'] ?? '' }, body: { things: [] } }));
    expect({ verdict: outcome.verdict, message: outcome.message, findings: outcome.findings }).toEqual({
      verdict: 'fail',
      message: 'target echoed a credential back in response header x-debug of GET /v1/things',
      findings: ['target echoed a credential back in response header x-debug of GET /v1/things'],
    });
  });

  it('holds a 429 met outside the rate-limit family to the documented error', async () => {
    const limited: Handler = () => ({ status: 429, headers: { 'Retry-After': 'soon' }, body: { error: 'slow down' } });
    const outcome = await run(sendValid(), limited);
    expect({ verdict: outcome.verdict, message: outcome.message, findings: outcome.findings }).toEqual({
      verdict: 'fail',
      message:
        '429 for GET /v1/things does not match the documented rate-limit error: body has no value rate_limit; no X-RateLimit-Limit header; no X-RateLimit-Remaining header; no X-RateLimit-Reset header; Retry-After soon is neither delay-seconds nor an HTTP-date',
      findings: [
        '429 for GET /v1/things does not match the documented rate-limit error: body has no value rate_limit; no X-RateLimit-Limit header; no X-RateLimit-Remaining header; no X-RateLimit-Reset header; Retry-After soon is neither delay-seconds nor an HTTP-date',
      ],
    });
  });

  it('leaves a documented 429 alone, and 429s inside the rate-limit family to that family', async () => {
    const documented: Handler = () => ({
      status: 429,
      headers: { 'Retry-After': '3', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' },
      body: { error: { code: 'rate_limit' } },
    });
    expect((await run(sendValid(), documented)).verdict).toBe('pass');
    const wrong: Handler = () => ({ status: 429, body: 'no' });
    expect((await run(sendValid('rate-limits'), wrong)).verdict).toBe('pass');
  });
});
