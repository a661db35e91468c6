import { describe, expect, it } from 'vitest';
import {
  alphabetOf,
  canaryKey,
  lastCharChanged,
  missingRole,
  prefixOf,
  truncatedKey,
  wrongPrefixKey,
} from '../../src/probes/credential.ts';
import { acmeFixtures } from './support/acme-contract.ts';

const prefixed = { keyFormat: { live: ['sk_live_', 'sk_'], test: ['sk_test_'] } };
const bare = { keyFormat: { live: [], test: [] } };
const valid = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

describe('credential variants', () => {
  it('finds the longest documented prefix', () => {
    expect(prefixOf(prefixed, valid)).toBe('sk_live_');
    expect(prefixOf(prefixed, 'sk_other')).toBe('sk_');
    expect(prefixOf(bare, valid)).toBeUndefined();
  });

  it('draws the alphabet from the character classes and symbols of the key body', () => {
    expect(alphabetOf('abc123')).toBe('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(alphabetOf('AB_c-')).toBe('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-');
  });

  it('makes canaries with the documented prefix and the same length and alphabet as the valid key', () => {
    for (let i = 0; i < 20; i++) {
      const canary = canaryKey(prefixed, valid);
      expect(canary).toMatch(/^sk_live_[A-Za-z0-9]{24}$/);
      expect(canary).not.toBe(valid);
      expect(canaryKey(prefixed, valid, 'sk_test_')).toMatch(/^sk_test_[A-Za-z0-9]{24}$/);
    }
    expect(canaryKey(bare, 'lk_mock_4f9c')).toMatch(/^[a-z0-9_]{12}$/);
    expect(canaryKey(prefixed)).toMatch(/^sk_live_[A-Za-z0-9]{32}$/);
  });

  it('replaces the prefix by an undocumented one', () => {
    expect(wrongPrefixKey(prefixed, valid)).toBe('xk_live_4eC39HqLyjWDarjtT1zdp7dc');
    expect(wrongPrefixKey(bare, valid)).toBeUndefined();
  });

  it('truncates to the prefix plus half the body, and changes the last character within its class', () => {
    expect(truncatedKey(prefixed, valid)).toBe('sk_live_4eC39HqLyjWD');
    expect(truncatedKey(bare, 'abcd')).toBe('ab');
    expect(lastCharChanged('key9')).toBe('key0');
    expect(lastCharChanged('keyz')).toBe('keya');
    expect(lastCharChanged('keyQ')).toBe('keyR');
    expect(lastCharChanged('key_')).toBe('keyx');
  });

  it('names the missing role', () => {
    const f = acmeFixtures();
    delete f.credentials.revoked_in_grace;
    expect(missingRole(f, 'valid', 'revoked_in_grace')).toBe('no `revoked_in_grace` credential in the fixtures');
    expect(missingRole(f, 'valid')).toBeUndefined();
    f.credentials.login = { role: 'login', value: '', scheme: 'x', email: 'a@b' };
    expect(missingRole(f, 'login')).toBe('the `login` credential in the fixtures needs email and password');
  });
});
