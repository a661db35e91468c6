/** The parts of a Contract the fixtures loader reads, for tests that must not depend on a bundled spec. */
import type { Contract } from '../../src/spec/contract.ts';

export function stubContract(): Contract {
  return {
    name: 'acme',
    defaultScheme: 'bearerKey',
    schemes: [
      { name: 'bearerKey', type: 'bearer', header: 'Authorization', credential: 'api_key' },
      { name: 'apiKeyHeader', type: 'header', header: 'x-api-key', credential: 'api_key' },
    ],
    keyFormat: { live: ['sk_live_'], test: ['sk_test_'] },
    rateLimit: { on: 'authenticated', plans: [{ name: 'free', perMinute: 60 }, { name: 'pro', perMinute: 600 }], error: 'rate_limit', retryAfter: 'always', perCredential: true },
    rotation: { grace: 'PT0S', graceMs: 0, choices: ['PT0S', 'PT1H', 'P7D'], error: 'invalid_key' },
    login: { operationId: 'login', tokenPointer: '/token', expiresPointer: '/expires_at', tokenScheme: 'bearerKey', error: 'bad_login', expiredError: 'expired' },
  } as unknown as Contract;
}
