/** The fixtures' `scopes:` section: per-target scope choices, checked against the spec with located errors. */
import { describe, expect, it } from 'vitest';
import { parseFixtures } from '../../src/fixtures/load-fixtures.ts';
import { loadContract } from '../../src/spec/load.ts';
import { AuthconformError } from '../../src/util/errors.ts';

const linq = await loadContract('linq');
const FILE = 'fixtures/linq.staging.yaml';
const HEAD = `credentials:
  valid: lq_token_valid
resources:
  sending_number: "+13125550147"
`;

function errorOf(text: string): string {
  try {
    parseFixtures(HEAD + text, FILE, linq, {});
  } catch (err) {
    if (err instanceof AuthconformError) return `${err.code} ${err.message}`;
    throw err;
  }
  throw new Error('expected an AuthconformError');
}

describe('fixtures scopes:', () => {
  it('reads the denied and allowed operations and requests, ${VAR} interpolated in the body', () => {
    const text = `${HEAD}scopes:
  LINQ-SCOPE-01:
    operation: listChats
    allowed: { operation: createChat, request: { body: { from: "{fixture:sending_number}", note: "\${NOTE}" } } }
`;
    expect(parseFixtures(text, FILE, linq, { NOTE: 'hi' }).fixtures.scopes).toEqual({
      'LINQ-SCOPE-01': { operation: 'listChats', allowed: { operation: 'createChat', request: { body: { from: '{fixture:sending_number}', note: 'hi' } } } },
    });
  });

  it('names the line of a requirement id that is no scope.denied requirement', () => {
    expect(errorOf('scopes:\n  LINQ-AUTH-01: { operation: listChats }\n')).toBe(
      'AC_FIXTURES_INVALID fixtures/linq.staging.yaml:6: scopes.LINQ-AUTH-01: no scope.denied requirement LINQ-AUTH-01 in linq (scope.denied requirements: LINQ-SCOPE-01, LINQ-SCOPE-02)',
    );
  });

  it('names the line of an operation the spec does not have', () => {
    expect(errorOf('scopes:\n  LINQ-SCOPE-01:\n    allowed: { operation: listMessages }\n')).toBe(
      'AC_FIXTURES_INVALID fixtures/linq.staging.yaml:7: scopes.LINQ-SCOPE-01.allowed.operation: no operation \'listMessages\' in linq (operations: listChats, createChat, getChat)',
    );
  });

  it('names the line of a {fixture:NAME} placeholder with no resource of that name', () => {
    expect(errorOf('scopes:\n  LINQ-SCOPE-02:\n    request: { body: { from: "{fixture:unassigned_number}" } }\n')).toBe(
      'AC_FIXTURES_INVALID fixtures/linq.staging.yaml:7: {fixture:unassigned_number} has no value: add unassigned_number to resources',
    );
  });

  it('refuses unknown keys in a choice and in a request', () => {
    expect(errorOf('scopes:\n  LINQ-SCOPE-01:\n    request: { cookies: { a: b } }\n')).toMatch(/^AC_FIXTURES_INVALID fixtures\/linq.staging.yaml:7: unknown key 'cookies' in scopes.LINQ-SCOPE-01.request \(expected one of: path, query, headers, body\)$/);
  });
});
