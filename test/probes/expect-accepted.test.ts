import { describe, expect, it } from 'vitest';
import { checkAccepted, checkAcceptedStatus } from '../../src/probes/expect-accepted.ts';
import { OPERATIONS } from './support/acme-contract.ts';
import { response } from './support/responses.ts';

const list = OPERATIONS[0]!; // acceptStatuses 200, 422; schema requires `things`

describe('checkAccepted', () => {
  it('accepts a documented status and a 2xx body that validates', () => {
    expect(checkAccepted(response(200, { things: [], more: true }), list)).toEqual([]);
    expect(checkAccepted(response(422, 'cache miss'), list)).toEqual([]);
  });

  it('refuses other statuses', () => {
    expect(checkAccepted(response(401, { things: [] }), list)).toEqual(['status 401, expected 200 or 422']);
  });

  it('validates the 2xx body against the success schema', () => {
    expect(checkAccepted(response(200, { items: [] }), list)).toEqual(["body must have required property 'things'"]);
    expect(checkAccepted(response(200, 'plain'), list)).toEqual(['body is not JSON']);
  });
});

describe('checkAcceptedStatus (every probe but credential.accepted)', () => {
  it('looks at the status alone', () => {
    expect(checkAcceptedStatus(response(200, { items: [] }), list)).toEqual([]);
    expect(checkAcceptedStatus(response(200, 'plain'), list)).toEqual([]);
    expect(checkAcceptedStatus(response(401, { things: [] }), list)).toEqual(['status 401, expected 200 or 422']);
  });
});
