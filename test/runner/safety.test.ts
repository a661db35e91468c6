import { describe, expect, it } from 'vitest';
import { checkTargetSafety, isLoopbackHost } from '../../src/runner/safety.ts';
import type { Contract } from '../../src/spec/contract.ts';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';

// sk_live_seeded0001 is a key of the spec's mock seed: fake by construction, no --allow-live needed
const contract = { keyFormat: { live: ['sk_live_'], test: ['sk_test_'] } } as unknown as Contract;
const mock = { credentials: [{ role: 'valid' as const, value: 'sk_live_seeded0001' }] };
const withKey = (value: string): Fixtures => ({ credentials: { valid: { role: 'valid', value, scheme: 'bearerKey' } }, resources: {} });
const none: Fixtures = { credentials: {}, resources: {} };

function check(target: string, fixtures: Fixtures, allow: { allowInsecure?: boolean; allowLive?: boolean } = {}): string {
  try {
    checkTargetSafety({ contract, mock, fixtures, target, allowInsecure: allow.allowInsecure ?? false, allowLive: allow.allowLive ?? false });
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('safety rails', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['localhost', true],
    ['api.localhost', false], // only once pinned to the loopback address it resolves to (pin-loopback.ts)
    ['127.0.0.1.example.com', false],
    ['10.0.0.1', false],
    ['example.com', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(new URL(`http://${host}/`).hostname)).toBe(loopback);
  });

  it.each([
    ['https://api.example.com', withKey('sk_test_abc'), {}, 'ok'],
    ['http://api.example.com', none, {}, 'ok'],
    ['http://127.0.0.1:8080', withKey('sk_test_abc'), {}, 'ok'],
    ['http://127.0.0.1:8080', withKey('sk_live_abc'), {}, 'credentials.valid is a live key (sk_live_…) and 127.0.0.1:8080 is not the embedded mock (a local port can be a tunnel to production): pass --allow-live to probe live keys'],
    ['http://127.0.0.1:8080', withKey('sk_live_abc'), { allowLive: true }, 'ok'],
    ['http://127.0.0.1:8080', withKey('sk_live_seeded0001'), {}, 'ok'],
    ['http://api.example.com', withKey('sk_test_abc'), {}, 'refusing to send credentials over plain http to api.example.com: use an https target, or pass --allow-insecure'],
    ['http://api.example.com', withKey('sk_test_abc'), { allowInsecure: true }, 'ok'],
    ['https://api.example.com', withKey('sk_live_abc'), {}, 'credentials.valid is a live key (sk_live_…) and api.example.com is not local: pass --allow-live to probe production keys'],
    ['https://api.example.com', withKey('sk_live_abc'), { allowLive: true }, 'ok'],
  ] as const)('%s with %j %j → %s', (target, fixtures, allow, expected) => {
    expect(check(target, fixtures, allow)).toBe(expected);
  });
});
