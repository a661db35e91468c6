import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContract, loadSpec } from '../../src/spec/load.ts';

const DIR = fileURLToPath(new URL('../fixtures/broken-specs/', import.meta.url));
const FILE = `${DIR}_valid-minimal.yaml`;

describe('normalize (the Acme minimal spec)', () => {
  it('produces the contract fields from the document, the extension and the seed', async () => {
    const c = await loadContract('_valid-minimal.yaml', { cwd: DIR });
    expect(c.name).toBe('_valid-minimal');
    expect(c.title).toBe('Acme API');
    expect(c.file).toBe(FILE);
    expect(c.sha256).toBe(createHash('sha256').update(readFileSync(FILE)).digest('hex'));
    expect(c.servers).toEqual(['https://api.acme.test']);
    expect(c.sources).toEqual({ auth: { title: 'Acme — Authentication', file: 'acme-auth.txt' } });
    expect(c.schemes).toEqual([{ name: 'apiKey', type: 'header', header: 'X-Acme-Key', credential: 'api_key' }]);
    expect(c.defaultScheme).toBe('apiKey');
    expect(c.keyFormat).toEqual({ live: ['acme_live_'], test: [] });
    expect(c.roles).toEqual(['valid', 'revoked_expired']);
    expect(c.errors).toEqual({
      missing_key: { id: 'missing_key', status: 401, code: 'missing_key' },
      invalid_key: { id: 'invalid_key', status: 401, code: 'invalid_key' },
      rate_limited: { id: 'rate_limited', status: 429, code: 'rate_limited' },
    });
    expect(c.probeOperation).toBe('listWidgets');
    expect(c.rateLimit).toEqual({ on: 'authenticated', plans: [], error: 'rate_limited', perCredential: true });
    expect(c.rotation).toEqual({ grace: 'PT1H', graceMs: 3_600_000, error: 'invalid_key' });
    expect(c.organization).toBeUndefined();
    expect(c.login).toBeUndefined();
    expect(c.transport).toEqual({ httpsOnly: false });
    expect(c.requiredHeaders).toEqual([]);
    expect(c.echoHeaders).toEqual([]);
    expect(c.traceability).toHaveLength(3);
    expect(c.traceability[2]).toEqual({ doc: 'auth', section: 'Keys', quote: 'Keep your key secret.', untestable: 'Advice to clients.' });
  });

  it('normalizes operations: method, schemes, safety, statuses, resolved success schema', async () => {
    const c = await loadContract('_valid-minimal.yaml', { cwd: DIR });
    expect(c.operations).toEqual([
      {
        operationId: 'listWidgets',
        method: 'GET',
        path: '/v1/widgets',
        scopes: [],
        schemes: ['apiKey'],
        safe: true,
        example: {},
        successStatus: 200,
        acceptStatuses: [200],
        successSchema: { type: 'object', properties: { widgets: { type: 'array' } } },
      },
      {
        operationId: 'createWidget',
        method: 'POST',
        path: '/v1/widgets',
        scopes: [],
        schemes: ['apiKey'],
        safe: false,
        example: {},
        successStatus: 201,
        acceptStatuses: [201],
      },
    ]);
  });

  it('resolves requirements: default role and operation filled in, error names resolved', async () => {
    const c = await loadContract('_valid-minimal.yaml', { cwd: DIR });
    const probe = c.operations.find((o) => o.operationId === c.probeOperation);
    expect(c.requirements[0]).toEqual({
      id: 'ACME-AUTH-01',
      level: 'MUST',
      kind: 'credential.accepted',
      statement: 'A valid key in X-Acme-Key is accepted.',
      source: { doc: 'auth', section: 'Keys' },
      errors: [],
      role: 'valid',
      operation: probe,
    });
    expect(c.requirements[2]).toEqual({
      id: 'ACME-KEY-01',
      level: 'SHOULD',
      kind: 'key.revoked',
      role: 'revoked_expired',
      statement: 'A key revoked more than an hour ago is refused with 401 invalid_key.',
      source: { doc: 'auth', section: 'Rotation' },
      errors: [c.errors.invalid_key],
      operation: probe,
    });
    expect(c.requirements[2]?.errors[0]).toBe(c.errors.invalid_key);
  });

  it('merges the seed file into the mock section, returned beside the contract with the raw operations', async () => {
    const { contract: c, mock } = await loadSpec('_valid-minimal.yaml', { cwd: DIR });
    expect(Object.keys(mock.openapi)).toEqual(c.operations.map((o) => o.operationId));
    const { openapi: _openapi, ...section } = mock;
    expect(section).toEqual({
      seed: '_seeds/acme.yaml',
      rateLimitPerMinute: 10,
      clockStart: '2026-01-01T00:00:00Z',
      credentials: [
        { role: 'valid', value: 'acme_live_valid0001', tenant: 't1' },
        { role: 'revoked_expired', value: 'acme_live_revoked0002', tenant: 't1', revokedAgo: 'PT2H' },
      ],
    });
  });
});
