/**
 * Conformant variants: what the docs leave free changes (messages, extra envelope fields, header
 * case, key strings, the Retry-After form) and every response still matches its spec.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startMock } from '../../src/mock/server.ts';
import { listVariants } from '../../src/mock/variants.ts';
import { AuthconformError } from '../../src/util/errors.ts';
import { contractIn, contractOf, credentialHeaders, errorOfKind, everyResponseMatchesItsSpec, expectError, loadContracts, MockClient, ResponseLog, SPECS, specFor, specOf } from './support.ts';

const log = new ResponseLog();
const CONTRACTS = await loadContracts();

function rawHeaders(url: string, headers: Record<string, string>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.rawHeaders));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('variant names', () => {
  it('lists every variant and all; an unknown name is an AC_USAGE error', async () => {
    expect(listVariants().map((v) => v.name)).toEqual(['messages', 'extra-fields', 'header-case', 'key-strings', 'status-alternatives', 'retry-after', 'rate-limit-status', 'all']);
    const err = await startMock(await specOf(SPECS[0]!), { variants: ['shouting'] }).catch((e: unknown) => e);
    expect([(err as AuthconformError).code, (err as AuthconformError).message]).toEqual([
      'AC_USAGE',
      'unknown mock variant "shouting" — valid: messages, extra-fields, header-case, key-strings, status-alternatives, retry-after, rate-limit-status, all',
    ]);
  });
});

describe.each(SPECS)('%s mock with every variant', (name) => {
  it('stays conformant: documented errors, accepted roles, and the variant changes are visible', async () => {
    const contract = await contractOf(name);
    const plain = await startMock(specFor(contract));
    const mock = await startMock(specFor(contract), { variants: ['all'] });
    try {
      const client = new MockClient(contract, mock, log);
      const before = new MockClient(contract, plain, log);
      // key-strings: other values, same documented prefixes and lengths; the seed's values are unknown here
      const valid = client.credential('valid');
      const seeded = before.credential('valid');
      expect(valid.value).not.toBe(seeded.value);
      expect(valid.value.length).toBe(seeded.value.length);
      expectError(await client.call(contract.probeOperation, { credential: seeded }), errorOfKind(contract, 'credential.invalid'));
      const ok = await client.call(contract.probeOperation, { role: 'valid' });
      expect(ok.status).toBe(200);
      // messages + extra-fields on errors
      const missing = await client.call(contract.probeOperation);
      expectError(missing, errorOfKind(contract, 'credential.missing'));
      const original = await before.call(contract.probeOperation);
      expect(JSON.stringify(missing.body)).not.toBe(JSON.stringify(original.body));
      expect((missing.body as Record<string, unknown>).request_id).toMatch(/^req_[0-9a-f]{16}$/);
      // header-case: documented headers in another case on the wire
      const op = contract.operations.find((o) => o.operationId === contract.probeOperation)!;
      const raw = await rawHeaders(mock.url + client.pathOf(op), { ...Object.fromEntries(contract.requiredHeaders.map((h) => [h.name, h.value])), ...credentialHeaders(contract, valid) });
      const names = raw.filter((_, i) => i % 2 === 0);
      expect(names).toContain('content-type');
      for (const e of contract.echoHeaders) expect(names).toContain(e.name.toUpperCase());
      const rl = contract.rateLimit?.headers;
      if (rl !== undefined) expect(names).toContain(rl.limit.toLowerCase());
    } finally {
      await Promise.all([plain.close(), mock.close()]);
    }
  });

  if (contractIn(CONTRACTS, name).rateLimit !== undefined) it('retry-after: an HTTP-date equal to the reset when no body field must agree, delay-seconds otherwise', async () => {
    const contract = await contractOf(name);
    const mock = await startMock(specFor(contract), { variants: ['retry-after'], rateLimit: { perWindow: 1, windowMs: 60_000 } });
    try {
      const client = new MockClient(contract, mock, log);
      let r;
      do r = await client.call(contract.probeOperation, { role: 'valid' });
      while (r.status !== 429);
      const value = r.headers['retry-after']!;
      if (contract.rateLimit!.retryAfterField !== undefined) {
        expect(value).toMatch(/^\d+$/);
        return;
      }
      expect(new Date(Date.parse(value)).toUTCString()).toBe(value);
      const seconds = (Date.parse(value) - Date.parse(r.headers['date']!)) / 1000;
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(Date.parse(value) % 60_000).toBe(0); // the end of the minute window
    } finally {
      await mock.close();
    }
  });
});

everyResponseMatchesItsSpec(log);
