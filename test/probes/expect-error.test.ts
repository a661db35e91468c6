import { describe, expect, it } from 'vitest';
import { checkError, checkOneOf, describeErrors } from '../../src/probes/expect-error.ts';
import type { ErrorSpec } from '../../src/spec/contract.ts';
import { response } from './support/responses.ts';

const missing: ErrorSpec = { id: 'missing_key', status: 401, code: 'missing_key' };
const invalid: ErrorSpec = { id: 'invalid_key', status: 401, code: 'invalid_key' };
const numeric: ErrorSpec = { id: 'e2004', status: 401, code: 2004 };
const statusOnly: ErrorSpec = { id: 'unauthorized', status: 401 };
const schema: ErrorSpec = {
  id: 'unauthorized_body',
  status: 401,
  schema: {
    type: 'object',
    required: ['code', 'error'],
    properties: { code: { const: 401 }, error: { type: 'string' } },
  },
};

describe('checkError', () => {
  it('finds the code as a value at any depth of the JSON body', () => {
    expect(checkError(response(401, { error: { details: [{ code: 'missing_key' }] } }), missing)).toEqual([]);
    expect(checkError(response(401, { error: 'invalid_key', hint: 'missing_key is not it' }), missing)).toEqual([
      'body has no value missing_key',
    ]);
  });

  it('matches numeric codes as strings and as numbers', () => {
    expect(checkError(response(401, { code: 2004 }), numeric)).toEqual([]);
    expect(checkError(response(401, { error: { code: '2004' } }), numeric)).toEqual([]);
    expect(checkError(response(401, { code: 20040 }), numeric)).toEqual(['body has no value 2004']);
  });

  it('matches a code as a whole word of a non-JSON body', () => {
    expect(checkError(response(401, 'error: missing_key (send a key)'), missing)).toEqual([]);
    expect(checkError(response(401, 'error: missing_keys'), missing)).toEqual(['body does not contain the word missing_key']);
  });

  it('validates a documented schema, allowing extra fields', () => {
    expect(checkError(response(401, { code: 401, error: 'Unauthorized', details: 'x', extra: [1] }), schema)).toEqual([]);
    expect(checkError(response(401, { code: 403 }), schema)).toEqual([
      "body must have required property 'error'",
      'body /code must be equal to constant 401',
    ]);
    expect(checkError(response(401, '<html>no</html>'), schema)).toEqual(['body is not JSON']);
  });

  it('checks only the status when the docs give only the status', () => {
    expect(checkError(response(401, 'anything'), statusOnly)).toEqual([]);
    expect(checkError(response(403, 'anything'), statusOnly)).toEqual(['status 403, expected 401']);
  });

  it('requires the headers the docs name on the error', () => {
    const spec: ErrorSpec = { id: 'rate', status: 429, headers: ['retry-after'] };
    expect(checkError(response(429, '', { 'Retry-After': '3' }), spec)).toEqual([]);
    expect(checkError(response(429, ''), spec)).toEqual(['no retry-after header']);
  });
});

describe('checkOneOf', () => {
  it('passes when any documented error matches', () => {
    expect(checkOneOf(response(401, { code: 'missing_key' }), [invalid, missing])).toEqual({ ok: true, spec: missing, mismatches: [] });
  });

  it('reports the closest error, preferring a matching status', () => {
    const m = checkOneOf(response(401, { code: 'nope' }), [{ id: 'x', status: 403, code: 'nope' }, invalid]);
    expect(m).toEqual({ ok: false, spec: invalid, mismatches: ['body has no value invalid_key'] });
  });

  it('describes the alternatives', () => {
    expect(describeErrors([invalid, missing, schema, statusOnly], [404])).toBe(
      '401 with code invalid_key or 401 with code missing_key or 401 with the documented unauthorized_body body or 401 or 404',
    );
  });
});
