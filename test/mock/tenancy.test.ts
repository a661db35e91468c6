/**
 * What an accepted credential may do, per spec: tenant isolation on get and list, scope denial with
 * the requirement's error while allowed operations work, request-body bindings (a phone number not
 * assigned to the token), echo headers, test-mode bodies, and required request headers.
 */
import { describe, expect } from 'vitest';
import { mockTest as it } from '../support/mock-test.ts';
import type { Contract } from '../../src/spec/contract.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { isBindingRequirement } from '../../src/mock/error-catalog.ts';
import { contractIn, everyResponseMatchesItsSpec, expectError, loadContracts, MockClient, probeOperation, ResponseLog, seedsRole, SPECS, specFor } from './support.ts';

const log = new ResponseLog();
const CONTRACTS = await loadContracts();

/** Which of this file's features a spec documents (decided from the contract, before any mock starts). */
function featuresOf(spec: Contract) {
  const m = specFor(spec).mock.operations?.[spec.probeOperation];
  const ops = Object.values(specFor(spec).mock.operations ?? {});
  return {
    tenantIsolation: spec.requirements.find((q) => q.kind === 'tenant.isolation')?.resource !== undefined,
    scopeDenial: spec.requirements.some((q) => q.kind === 'scope.denied' && !isBindingRequirement(specFor(spec).mock, q)) && seedsRole(spec, 'scoped'),
    bindings: spec.requirements.some((q) => isBindingRequirement(specFor(spec).mock, q)),
    echoHeaders: spec.echoHeaders.length > 0,
    testModeBody: seedsRole(spec, 'test_mode') && m?.respond === 'static' && m.testBody !== undefined,
    requiredHeaders: spec.requiredHeaders.length > 0,
    create: ops.some((o) => o.respond === 'create') && ops.some((o) => o.respond === 'list'),
  };
}

describe.each(SPECS.flatMap((n) => [[n, 'direct'], [n, 'msw']] as const))('%s mock (%s dispatch): tenants, scopes, bindings, headers', (name, dispatch) => {
  const has = featuresOf(contractIn(CONTRACTS, name));
  let contract: Contract;
  let mock: MockServer;
  let client: MockClient;

  it.beforeAll(async ({ mocks }) => {
    ({ contract, mock } = await mocks.start(name, { port: 0, dispatch }));
    client = new MockClient(contract, mock, log);
  });

  if (Object.values(has).every((applies) => !applies)) {
    it('documents no tenant isolation, scopes, bindings, echo or required headers, test-mode body or create: the valid key is served with none of them', async () => {
      const r = await client.call(contract.probeOperation, { role: 'valid', omitRequired: true });
      expect(r.status).toBe(probeOperation(contract).successStatus);
      const rl = contract.rateLimit?.headers;
      const expected = ['content-type', 'content-length', 'date', 'connection', 'keep-alive', ...(rl !== undefined ? [rl.limit, rl.remaining, rl.reset].map((h) => h.toLowerCase()) : [])];
      expect(Object.keys(r.headers).filter((h) => !expected.includes(h))).toEqual([]);
      expect((['scoped', 'other_tenant', 'test_mode'] as const).filter((role) => mock.fixtures.credentials[role] !== undefined)).toEqual([]);
    });
  }

  if (has.tenantIsolation) it("tenant isolation: another tenant's key cannot get the first tenant's resource, nor see it in its list", async () => {
    const r = contract.requirements.find((q) => q.kind === 'tenant.isolation');
    if (r?.kind !== 'tenant.isolation') throw new Error('no tenant.isolation requirement');
    const res = r.resource!;
    const get = res.get.operationId;
    const own = await client.call(get, { role: 'valid' });
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('tenant');
    const id = String((own.body as { id: unknown }).id);
    const list = await client.call(res.list.operationId, { role: 'valid' });
    expect(JSON.stringify(list.body)).toContain(id);
    const foreign = await client.call(get, { role: 'other_tenant' });
    const accepted = [...r.errors.map((e) => e.status), ...r.statuses];
    expect(accepted).toContain(foreign.status);
    expect(foreign.text).not.toContain(id);
    const foreignList = await client.call(res.list.operationId, { role: 'other_tenant' });
    expect(foreignList.status).toBe(200);
    expect(foreignList.text).not.toContain(id);
    const missing = await client.call(get, { role: 'valid', path: { [res.param ?? '']: 'no-such-id' } });
    expect(missing.status).toBe(404);
  });

  if (has.scopeDenial) it('scope denial: the scoped key gets the requirement error on its operation and is accepted on the allowed one', async () => {
    const reqs = contract.requirements.filter((q) => q.kind === 'scope.denied' && !isBindingRequirement(specFor(contract).mock, q));
    for (const r of reqs) {
      if (r.kind !== 'scope.denied') continue;
      const refused = await client.call(r.operation.operationId, { role: r.role, ...(r.request?.body !== undefined ? { body: r.request.body } : {}) });
      expectError(refused, r.errors[0]!);
      const allowed = await client.call(r.allowed!.operation.operationId, { role: r.role });
      expect(allowed.status >= 200 && allowed.status < 300).toBe(true);
    }
  });

  if (has.bindings) it("bindings: a body value outside the credential's attribute list gets the binding error; an assigned one is served", async () => {
    const reqs = contract.requirements.filter((q) => isBindingRequirement(specFor(contract).mock, q));
    for (const r of reqs) {
      if (r.kind !== 'scope.denied') continue;
      const refused = await client.call(r.operation.operationId, { role: r.role, body: r.request?.body });
      expectError(refused, r.errors[0]!);
      const allowed = await client.call(r.allowed!.operation.operationId, { role: r.role });
      expect(allowed.status).toBe(r.allowed!.operation.successStatus);
    }
  });

  if (has.echoHeaders) it('echo headers: accepted keys get their documented prefix, refused requests none', async () => {
    for (const echo of contract.echoHeaders) {
      const live = await client.call(contract.probeOperation, { role: 'valid' });
      expect(live.headers[echo.name.toLowerCase()]).toBe(contract.keyFormat.live.find((p) => client.credential('valid').value.startsWith(p)));
      if (mock.fixtures.credentials.test_mode !== undefined) {
        const test = await client.call(contract.probeOperation, { role: 'test_mode' });
        expect(test.headers[echo.name.toLowerCase()]).toBe(contract.keyFormat.test.find((p) => client.credential('test_mode').value.startsWith(p)));
      }
      const refused = await client.call(contract.probeOperation);
      expect(refused.headers[echo.name.toLowerCase()]).toBeUndefined();
    }
  });

  if (has.testModeBody) it('test-mode keys get the test body of static operations', async () => {
    const m = specFor(contract).mock.operations?.[contract.probeOperation];
    const test = await client.call(contract.probeOperation, { role: 'test_mode' });
    const live = await client.call(contract.probeOperation, { role: 'valid' });
    expect([test.body, live.body]).toEqual([(m as { testBody: unknown }).testBody, (m as { body: unknown }).body]);
  });

  if (has.requiredHeaders) it('required request headers: missing or wrong → 4xx JSON error (415 for Content-Type); present → accepted', async () => {
    for (const h of contract.requiredHeaders) {
      const status = h.name.toLowerCase() === 'content-type' ? 415 : 400;
      const without = await client.call(contract.probeOperation, { role: 'valid', omitRequired: true });
      const wrong = await client.call(contract.probeOperation, { role: 'valid', headers: { [h.name]: 'text/plain' } });
      const withParams = await client.call(contract.probeOperation, { role: 'valid', headers: { [h.name]: `${h.value}; charset=utf-8` } });
      expect([without.status, wrong.status, withParams.status]).toEqual([status, status, h.name.toLowerCase() === 'content-type' ? 200 : status]);
      expect(without.body).toEqual({ error: status === 415 ? 'unsupported_media_type' : 'missing_required_header', message: `The ${h.name} header must be ${h.value}.` });
      // authentication comes first: no credential and no header is still the missing-credential error
      const anonymous = await client.call(contract.probeOperation, { omitRequired: true });
      expect(anonymous.status).toBe(401);
    }
  });

  if (has.create) it('create answers the documented shape and the created item joins the tenant list', async () => {
    const entry = Object.entries(specFor(contract).mock.operations ?? {}).find(([, m]) => m.respond === 'create');
    const listing = Object.entries(specFor(contract).mock.operations ?? {}).find(([, m]) => m.respond === 'list');
    await client.control('POST', 'reset', {});
    const [opId, m] = entry!;
    const created = await client.call(opId, { role: 'valid' });
    expect(created.status).toBe(contract.operations.find((o) => o.operationId === opId)!.successStatus);
    const item = ('wrap' in m! && m.wrap !== undefined ? (created.body as Record<string, unknown>)[m.wrap] : created.body) as { id: string };
    const list = await client.call(listing![0], { role: 'valid' });
    expect(list.text).toContain(item.id);
    if (mock.fixtures.credentials.other_tenant !== undefined) {
      expect((await client.call(listing![0], { role: 'other_tenant' })).text).not.toContain(item.id);
    }
  });
});

everyResponseMatchesItsSpec(log);
