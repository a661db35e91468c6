import { describe, expect, it } from 'vitest';
import { bearerCharsetViolations } from '../../src/http-auth/bearer-attributes.ts';
import type { Challenge } from '../../src/http-auth/challenges.ts';

const bearer = (params: Record<string, string>): Challenge => ({
  scheme: 'Bearer',
  params: Object.entries(params).map(([name, value]) => ({ name, value, quoted: true })),
});

describe('Bearer attribute character sets (RFC 6750 §3)', () => {
  it('accepts printable ASCII without " and \\ in error and error_description, and space-separated scopes', () => {
    expect(bearerCharsetViolations(bearer({ error: 'invalid_token', error_description: "The access token expired (it's old)", scope: 'read write:links' }))).toEqual([]);
  });

  it('names the first character outside the set', () => {
    expect(bearerCharsetViolations(bearer({ error_description: 'Clé invalide' }))).toEqual([
      { attribute: 'error_description', codePoint: 0xe9, reason: 'error_description contains U+00E9, outside %x20-21 / %x23-5B / %x5D-7E' },
    ]);
    expect(bearerCharsetViolations(bearer({ error: 'a"b' }))[0]!.codePoint).toBe(0x22);
  });

  it('refuses empty scope tokens and characters outside the scope set', () => {
    expect(bearerCharsetViolations(bearer({ scope: 'read  write' }))).toEqual([
      { attribute: 'scope', reason: 'scope has an empty scope token (leading, trailing or doubled space)' },
    ]);
    expect(bearerCharsetViolations(bearer({ scope: 'read\\all' }))).toEqual([
      { attribute: 'scope', codePoint: 0x5c, reason: 'scope contains U+005C, outside %x21 / %x23-5B / %x5D-7E' },
    ]);
  });

  it('ignores other attributes', () => {
    expect(bearerCharsetViolations(bearer({ realm: 'Société' }))).toEqual([]);
  });
});
