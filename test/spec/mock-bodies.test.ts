/** The mock's answers (static bodies, data items of list and get operations) are checked against the documented success schema. */
import { describe, expect, it } from 'vitest';
import type { MockSection, Operation } from '../../src/spec/contract.ts';
import { mockBodyFindings } from '../../src/spec/mock-bodies.ts';

const item = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
const op = (operationId: string, successSchema: Record<string, unknown>): Operation =>
  ({ operationId, method: 'GET', path: `/${operationId}`, scopes: [], schemes: [], safe: true, example: {}, successStatus: 200, acceptStatuses: [200], successSchema }) as Operation;

describe('mockBodyFindings', () => {
  it('a get operation with wrap: each data item inside the wrapper schema; tenant bookkeeping is not served', () => {
    const mock: MockSection = {
      operations: { getWidget: { respond: 'get', collection: 'widgets', param: 'id', notFound: 'nf', wrap: 'data' } },
      data: { widgets: [{ id: 'w1', tenant: 't1' }, { id: 7, tenant: 't1' }] },
    };
    const found = mockBodyFindings([op('getWidget', { type: 'object', properties: { data: { ...item, additionalProperties: false } } })], mock, false);
    expect(found).toEqual([
      {
        in: 'spec',
        finding: {
          pointer: '/x-authconform/mock/data/widgets/1',
          message: 'widgets[1] (served by getWidget) does not match the 200 response schema of getWidget: body /id must be string',
          hint: 'make the mock answer what the operation documents, or correct the schema',
        },
      },
    ]);
  });

  it('a static test body and a list envelope are checked too; valid answers give nothing', () => {
    const envelope = { type: 'object', required: ['items', 'count'], properties: { items: { type: 'array', items: item }, count: { type: 'integer' } } };
    const mock: MockSection = {
      operations: {
        me: { respond: 'static', body: { id: 'u1' }, testBody: { id: 1 } },
        list: { respond: 'list', collection: 'widgets', field: 'items', extra: { count: 'many' } },
      },
      data: { widgets: [{ id: 'w1' }] },
    };
    const found = mockBodyFindings([op('me', item), op('list', envelope)], mock, true).map((f) => `${f.in} ${f.finding.pointer}: ${f.finding.message}`);
    expect(found).toEqual([
      'spec /x-authconform/mock/operations/me/testBody: mock.operations.me.testBody does not match the 200 response schema of me: body /id must be string',
      'spec /x-authconform/mock/operations/list: the list mock.operations.list answers (field, extra, total) does not match the 200 response schema of list: body /count must be integer',
    ]);
  });
});
