/**
 * A list operation whose documented body is a top-level JSON array (`field: ""`, the root JSON
 * pointer): the mock serves the array itself, validate refuses `field: "/"` and a property name
 * where the schema is an array, each with its location and exit 2.
 */
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { runCli } from '../spec/cli-capture.ts';
import { acmeSpecDir } from '../support/acme-spec-dir.ts';

/** The minimal Acme spec with GET /v1/widgets documented as a top-level array, and its seed. */
function arraySpec(field: string): string {
  const arraySchema = '    WidgetList:\n      type: array\n      items: { type: object, required: [id], properties: { id: { type: string } } }\n';
  const list = `    rateLimitPerMinute: 10\n    operations:\n      listWidgets: { respond: list, collection: widgets, field: ${JSON.stringify(field)} }\n`;
  return acmeSpecDir(
    (spec) => spec.replace('    WidgetList:\n      type: object\n      properties:\n        widgets: { type: array }\n', arraySchema).replace('    rateLimitPerMinute: 10\n', list),
    'data:\n  widgets:\n    - { id: w_1, tenant: t1 }\n    - { id: w_2, tenant: t2 }\n    - { id: w_3, tenant: t1 }\n',
  );
}

let mock: MockServer | undefined;
afterAll(async () => {
  await mock?.close();
});

describe('top-level JSON arrays', () => {
  it('field "": the mock answers the tenant\'s items as the body itself', async () => {
    const dir = arraySpec('');
    mock = await startMock(await loadSpec('acme.yaml', { cwd: dir }), { port: 0 });
    const res = await request(`${mock.url}/v1/widgets`, { headers: { 'x-acme-key': 'acme_live_valid0001' } });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual([{ id: 'w_1' }, { id: 'w_3' }]);
  });

  it('field "/" is refused with its location', async () => {
    const run = await runCli(['validate', 'acme.yaml'], arraySpec('/'));
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      '✗ acme.yaml: 1 problem',
      'acme.yaml:85:65 (/x-authconform/mock/operations/listWidgets/field): mock.operations.listWidgets.field is "/", which names a property called "/" — write field: "" for a body that is the array itself (the root JSON pointer)',
    ]);
  });

  it('a property name where the documented body is an array is refused', async () => {
    const run = await runCli(['validate', 'acme.yaml'], arraySpec('widgets'));
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      '✗ acme.yaml: 1 problem',
      'acme.yaml:85:65 (/x-authconform/mock/operations/listWidgets/field): mock.operations.listWidgets.field is "widgets", but the success response of listWidgets is a top-level array — write field: "" (the root JSON pointer) for a body that is the array itself',
    ]);
  });
});
