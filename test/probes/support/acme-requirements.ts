/** Every requirement kind the acme API implements, for whole-plan tests. */
import type { Requirement } from '../../../src/spec/contract.ts';
import { req } from './acme-contract.ts';

export function acmeRequirements(): Requirement[] {
  return [
    req('credential.accepted'),
    req('credential.test-mode', { role: 'test_mode' }),
    req('credential.formats'),
    req('credential.missing', { errors: ['missing_key'] }),
    req('credential.invalid', { errors: ['invalid_key'] }),
    req('key.grace', { role: 'revoked_in_grace' }),
    req('key.revoked', { role: 'revoked_expired', errors: ['invalid_key'] }),
    req('key.indistinguishable', { role: 'revoked_expired', errors: ['invalid_key'] }),
    req('key.no-expiry', { after: 'P30D' }),
    req('scope.denied', { role: 'scoped', operation: 'getSecret', allowed: { operation: 'listThings' }, errors: ['scope_denied'] }),
    req('tenant.isolation', {
      role: 'other_tenant',
      resource: { list: 'listThings', idPointer: '/things/0/id', get: 'getThing', param: 'thing_id' },
      errors: ['forbidden'],
      statuses: [404],
    }),
    req('org.membership', { errors: ['foreign_org'] }),
    req('login.issue'),
    req('login.reject'),
    req('login.expiry'),
    req('response.header-echo'),
    req('ratelimit.headers'),
    req('ratelimit.limit'),
    req('ratelimit.remaining'),
    req('ratelimit.reset'),
    req('ratelimit.exceeded', { errors: ['rate_limit'] }),
    req('ratelimit.retry-after', { errors: ['rate_limit'] }),
    req('ratelimit.recovery'),
    req('ratelimit.per-key'),
  ];
}
