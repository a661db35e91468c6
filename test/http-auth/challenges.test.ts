import { describe, expect, it } from 'vitest';
import { challengeFor, paramValue, parseChallenges, repeatedParams } from '../../src/http-auth/challenges.ts';

describe('parseChallenges', () => {
  it('reads the two challenges of RFC 9110 §11.6.1 example, with a quoted-pair', () => {
    // WWW-Authenticate: Basic realm="simple", Newauth realm="apps", type=1, title="Login to \"apps\""
    expect(parseChallenges(['Basic realm="simple", Newauth realm="apps", type=1, title="Login to \\"apps\\""'])).toEqual({
      ok: true,
      challenges: [
        { scheme: 'Basic', params: [{ name: 'realm', value: 'simple', quoted: true }] },
        {
          scheme: 'Newauth',
          params: [
            { name: 'realm', value: 'apps', quoted: true },
            { name: 'type', value: '1', quoted: false },
            { name: 'title', value: 'Login to "apps"', quoted: true },
          ],
        },
      ],
    });
  });

  it('reads the RFC 6750 §3 examples', () => {
    const r = parseChallenges(['Bearer realm="example", error="invalid_token", error_description="The access token expired"']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const bearer = challengeFor(r.challenges, 'bearer')!;
    expect([paramValue(bearer, 'ERROR'), paramValue(bearer, 'error_description')]).toEqual(['invalid_token', 'The access token expired']);
  });

  it('takes a bare scheme, a token68, several field lines and empty list elements', () => {
    expect(parseChallenges([', Bearer ,, ', 'Negotiate abc+/def==', 'ApiKey realm="x"'])).toEqual({
      ok: true,
      challenges: [
        { scheme: 'Bearer', params: [] },
        { scheme: 'Negotiate', token68: 'abc+/def==', params: [] },
        { scheme: 'ApiKey', params: [{ name: 'realm', value: 'x', quoted: true }] },
      ],
    });
  });

  it('keeps commas inside quoted strings and allows whitespace around "="', () => {
    const r = parseChallenges(['Newauth title="a, b", realm = "c"']);
    expect(r).toEqual({ ok: true, challenges: [{ scheme: 'Newauth', params: [{ name: 'title', value: 'a, b', quoted: true }, { name: 'realm', value: 'c', quoted: true }] }] });
  });

  it('reads "Bearer realm=" as a token68, as the grammar does (an auth-param needs a value)', () => {
    expect(parseChallenges(['Bearer realm='])).toEqual({ ok: true, challenges: [{ scheme: 'Bearer', token68: 'realm=', params: [] }] });
  });

  it('gives no challenge for an empty field (the 401 row fails on that)', () => {
    expect(parseChallenges([''])).toEqual({ ok: true, challenges: [] });
  });

  it.each([
    ['realm="x"', 'expected a space or "," after the auth-scheme realm', 5],
    ['Bearer realm="x', 'unterminated quoted-string', 13],
    ['Bearer realm="x", title=', 'auth-param title has no value', 24],
    ['Bearer realm="a" error="b"', 'expected "," between list elements, found "e"', 17],
    ['"Bearer"', 'expected an auth-scheme, found "\\""', 0],
  ])('reports %j as unparseable with the offset', (value, error, offset) => {
    expect(parseChallenges([value])).toEqual({ ok: false, error, offset });
  });
});

describe('repeated parameters', () => {
  it('finds a name twice in one challenge, case-insensitively, but not across challenges', () => {
    const r = parseChallenges(['Bearer realm="a", Realm="b", error="x", Basic realm="c"']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.challenges.map(repeatedParams)).toEqual([['realm'], []]);
  });
});
