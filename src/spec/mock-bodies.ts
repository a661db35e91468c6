/**
 * What the mock serves must be what the spec documents: each `mock.operations` static body (and
 * test body), and each data item a list or get operation answers with (from the seed file's or
 * the spec's `data`), validates against the operation's success response schema.
 */
import type { MockSection, Operation } from './contract.ts';
import { validateBody } from './body-schema.ts';
import type { Finding } from './finding.ts';
import { joinPointer } from './json-pointer.ts';

/** A finding in the spec, or in the seed file (data items when the seed holds the data). */
export interface BodyFinding {
  in: 'spec' | 'seed';
  finding: Finding;
}

type Schema = Record<string, unknown>;

function isObject(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function property(schema: unknown, name: string): Schema | undefined {
  const sub = isObject(schema) && isObject(schema.properties) ? schema.properties[name] : undefined;
  return isObject(sub) ? sub : undefined;
}

/** The item as the mock serves it: its `tenant` bookkeeping removed unless the schema documents one. */
function served(item: Record<string, unknown>, schema: Schema): Record<string, unknown> {
  if (!('tenant' in item) || property(schema, 'tenant') !== undefined) return item;
  const { tenant: _tenant, ...rest } = item;
  return rest;
}

function problems(errors: string[]): string {
  return errors.slice(0, 3).join('; ') + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : '');
}

/**
 * Every mock answer that breaks its operation's success schema. `dataInSeed`: the data items come
 * from the seed file (pointers `/data/...` there) rather than the spec's `mock.data`.
 */
export function mockBodyFindings(operations: Operation[], mock: MockSection, dataInSeed: boolean): BodyFinding[] {
  const out: BodyFinding[] = [];
  const seen = new Set<string>();
  const report = (where: BodyFinding['in'], pointer: string, what: string, op: Operation, errors: string[]): void => {
    if (errors.length === 0 || seen.has(`${where}${pointer}`)) return;
    seen.add(`${where}${pointer}`);
    out.push({
      in: where,
      finding: { pointer, message: `${what} does not match the ${op.successStatus} response schema of ${op.operationId}: ${problems(errors)}`, hint: 'make the mock answer what the operation documents, or correct the schema' },
    });
  };
  const dataPointer = (collection: string, i: number): string =>
    dataInSeed ? joinPointer('', 'data', collection, i) : joinPointer('/x-authconform', 'mock', 'data', collection, i);
  for (const op of operations) {
    const m = mock.operations?.[op.operationId];
    const schema = op.successSchema;
    if (m === undefined || schema === undefined) continue;
    const at = joinPointer('/x-authconform', 'mock', 'operations', op.operationId);
    if (m.respond === 'static') {
      // a static answer with another status than the success one has no schema read here
      if ((m.status ?? op.successStatus) !== op.successStatus) continue;
      report('spec', `${at}/body`, `mock.operations.${op.operationId}.body`, op, validateBody(m.body, schema));
      if (m.testBody !== undefined) report('spec', `${at}/testBody`, `mock.operations.${op.operationId}.testBody`, op, validateBody(m.testBody, schema));
      continue;
    }
    if (m.respond !== 'list' && m.respond !== 'get') continue;
    const listed = m.respond !== 'list' ? undefined : m.field === '' ? schema.items : property(schema, m.field)?.items;
    const itemSchema = m.respond === 'list' ? (isObject(listed) ? listed : undefined) : m.wrap !== undefined ? property(schema, m.wrap) : schema;
    if (m.respond === 'list' && m.field !== '') {
      const envelope: Record<string, unknown> = { [m.field]: [], ...(m.extra ?? {}) };
      if (m.total !== undefined) envelope[m.total] = 0;
      report('spec', at, `the list mock.operations.${op.operationId} answers (field, extra, total)`, op, validateBody(envelope, schema));
    }
    if (itemSchema === undefined) continue;
    (mock.data?.[m.collection] ?? []).forEach((item, i) => {
      report(dataInSeed ? 'seed' : 'spec', dataPointer(m.collection, i), `${m.collection}[${i}] (served by ${op.operationId})`, op, validateBody(served(item, itemSchema), itemSchema));
    });
  }
  return out;
}
