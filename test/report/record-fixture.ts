/**
 * A hand-made run record for the projection tests: one spec, a failed MUST, a passed MUST, a
 * warned SHOULD, a skip, an error, a passed MAY; a secret in the reason and the exchanges.
 */
import type { RecordCase, RunRecord } from '../../src/report/record.ts';

export const SECRET = 'sk_live_SECRETsecret0123456789abcdef';
export const SHA = 'ab'.repeat(32);

const source = { doc: 'auth', title: 'Acme — Auth', section: 'Errors', quote: '401 invalid_key' };

function kase(name: string, extra: Partial<RecordCase>): RecordCase {
  return {
    name,
    requirementId: name.split(' ')[0]!,
    level: 'MUST',
    kind: 'credential.invalid',
    statement: 'A wrong key is refused with 401 <invalid_key> & nothing else.',
    source,
    family: 'invalid-credentials',
    verdict: 'pass',
    failsRun: true,
    findings: [],
    exchanges: [],
    durationMs: 12,
    startedAt: '2025-12-29T09:20:00.000Z',
    ...extra,
  };
}

export function sampleRecord(): RunRecord {
  return {
    recordVersion: 1,
    tool: { name: 'authconform', version: '9.9.9' },
    node: 'v22.1.0',
    startedAt: '2025-12-29T09:19:59.000Z',
    endedAt: '2025-12-29T09:20:03.000Z',
    options: { level: 'default', writes: false, spendQuota: false, only: [], shard: null },
    interrupted: false,
    errors: [],
    specs: [
      {
        name: 'acme',
        title: 'Acme API',
        sha256: SHA,
        target: 'https://api.acme.test',
        mock: false,
        roles: ['valid'],
        keyPrefixes: ['sk_live_', 'sk_test_'],
        requests: 12,
        order: 0,
        families: ['invalid-credentials', 'key-lifecycle'],
        cases: [
          kase('ACME-AUTH-03 unknown key with a documented prefix', {
            verdict: 'fail',
            reason: `Expected 401 invalid_key, got 200 for GET /v1/x (key ${SECRET})`,
            expected: '401 invalid_key',
            actual: '200',
            exchanges: [`> GET https://api.acme.test/v1/x\n> authorization: Bearer ${SECRET}\n< 200\n< {"ok":true}`],
          }),
          kase('ACME-AUTH-03 truncated key', { exchanges: ['> GET https://api.acme.test/v1/x\n< 401'] }),
          kase('ACME-AUTH-04 expired token', { verdict: 'skip', reason: 'no `expired_token` credential in the fixtures' }),
          kase('ACME-AUTH-05 crashes', { verdict: 'error', reason: 'Test timed out in 5000ms.' }),
          kase('ACME-KEY-03 revoked and unknown look alike', {
            family: 'key-lifecycle',
            level: 'SHOULD',
            kind: 'key.indistinguishable',
            verdict: 'fail',
            failsRun: false,
            reason: 'bodies differ',
            source: { doc: 'auth', title: 'Acme — Auth', section: 'Rotation' },
          }),
          kase('ACME-KEY-04 grace', { family: 'key-lifecycle', level: 'MAY', kind: 'key.grace' }),
        ],
      },
    ],
  };
}
