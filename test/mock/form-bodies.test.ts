/**
 * Form-encoded request bodies (application/x-www-form-urlencoded): encoded by the probes'
 * request builder (bracket notation for structure), read back by the mock, defaulted from the
 * operation's only requestBody media type, and refused by validate when the body is no object.
 */
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeForm, encodeForm } from '../../src/util/form-encoding.ts';
import { buildRequest, operationById } from '../../src/probes/request-builder.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { runCli } from '../spec/cli-capture.ts';
import { acmeSpecDir } from '../support/acme-spec-dir.ts';
import { acmeContract, acmeFixtures } from '../probes/support/acme-contract.ts';

/** The minimal Acme spec whose createWidget takes a form body and creates a widget; `example` is its x-authconform example. */
function formSpec(example: string): string {
  const responses = '      operationId: createWidget\n      responses:\n        "201": { description: Created. }\n        "401": { description: Missing or unknown key. }\n';
  const form = [
    '      operationId: createWidget',
    '      requestBody:',
    '        content:',
    '          application/x-www-form-urlencoded:',
    '            schema: { type: object, properties: { name: { type: string } } }',
    '      responses:',
    '        "201":',
    '          description: Created.',
    '          content:',
    '            application/json:',
    '              schema: { type: object, properties: { id: { type: string }, name: { type: string }, tags: { type: object } } }',
    '        "401": { description: Missing or unknown key. }',
    `      x-authconform: { safe: false, example: ${example} }`,
    '',
  ].join('\n');
  const create = '    rateLimitPerMinute: 10\n    operations:\n      createWidget: { respond: create, collection: widgets }\n';
  return acmeSpecDir((spec) => spec.replace(responses, form).replace('    rateLimitPerMinute: 10\n', create));
}

let mock: MockServer | undefined;
afterAll(async () => {
  await mock?.close();
});

describe('form encoding', () => {
  it('encodes scalars, nested objects and lists in bracket notation, and decodes them back', () => {
    const text = encodeForm({ name: 'a b&c', amount: 5, live: true, metadata: { plan: 'pro' }, expand: ['customer', 'invoice'] });
    expect(text).toBe('name=a+b%26c&amount=5&live=true&metadata%5Bplan%5D=pro&expand%5B%5D=customer&expand%5B%5D=invoice');
    expect(decodeForm(text)).toEqual({ name: 'a b&c', amount: '5', live: 'true', metadata: { plan: 'pro' }, expand: ['customer', 'invoice'] });
    expect(decodeForm('a=1&a=2')).toEqual({ a: ['1', '2'] });
  });

  it('the request builder sends a form body with its Content-Type when the example says so', () => {
    const contract = acmeContract([]);
    const req = buildRequest({ contract, fixtures: acmeFixtures() }, {
      operation: operationById(contract, 'createThing'),
      request: { body: { owner: 'x', tags: { a: '1' } }, contentType: 'application/x-www-form-urlencoded' },
    });
    expect(req.body).toBe('name=thing&owner=x&tags%5Ba%5D=1');
    expect(req.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
  });
});

describe('an operation whose request body is a form', () => {
  it('takes its content type from the only requestBody media type, and the mock reads the fields', async () => {
    const spec = await loadSpec('acme.yaml', { cwd: formSpec('{ body: { name: w, tags: { color: red } } }') });
    const { contract } = spec;
    const op = contract.operations.find((o) => o.operationId === 'createWidget')!;
    expect(op.example).toEqual({ body: { name: 'w', tags: { color: 'red' } }, contentType: 'application/x-www-form-urlencoded' });
    mock = await startMock(spec, { port: 0 });
    const built = buildRequest({ contract, fixtures: mock.fixtures }, { operation: op, credential: mock.fixtures.credentials.valid! });
    expect(built.body).toBe('name=w&tags%5Bcolor%5D=red');
    const res = await request(`${mock.url}${built.path}`, { method: 'POST', headers: built.headers, body: built.body! });
    expect(res.statusCode).toBe(201);
    const created = (await res.body.json()) as Record<string, unknown>;
    expect([created.name, created.tags]).toEqual(['w', { color: 'red' }]);
  });

  it('a form body that is not a mapping is refused with its location', async () => {
    const run = await runCli(['validate', 'acme.yaml'], formSpec('{ contentType: application/x-www-form-urlencoded, body: [1, 2] }'));
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      '✗ acme.yaml: 1 problem',
      'acme.yaml:38:102 (/paths/~1v1~1widgets/post/x-authconform/example/body): operation createWidget sends a form body (application/x-www-form-urlencoded) that is not an object of fields — write body as a mapping: field: value (nested mappings and lists use bracket notation)',
    ]);
  });
});
