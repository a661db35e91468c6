/**
 * The challenge rows against answers a real server may send (the mock's WWW-Authenticate replaced on
 * the way back): conformant variants pass, the RFC's violations fail the row that states them, with
 * the value in the message.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../src/spec/mock-config.ts';
import { loadSpecWithProfiles } from '../../src/spec/layer-profiles.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';

let linkfetch: LoadedSpec | undefined;
const contract = async (): Promise<LoadedSpec> => (linkfetch ??= await loadSpecWithProfiles('linkfetch', ['standards']));

/** The verdicts of one row with every 401's WWW-Authenticate replaced by `field`. */
async function verdicts(id: string, field: string): Promise<string[]> {
  const runs = await runAgainstMock(await contract(), {
    pick: (c) => c.requirement.id === id,
    wrapSend: (send) => async (req) => {
      const res = await send(req);
      return res.status === 401 ? { ...res, headers: { ...res.headers, 'www-authenticate': field } } : res;
    },
  });
  return runs.map(({ o }) => `${o.verdict}: ${o.message}`);
}

describe('challenge rows on variants of the 401 challenge', () => {
  it('realm in two challenges, a quoted comma and mixed-case names are no repeat; Realm beside realm is', { timeout: 60_000 }, async () => {
    expect(await verdicts('STD-HTTP-AUTHPARAM-ONCE', 'Basic realm="a, b", bearer REALM="a", Error=invalid_token')).toEqual([
      expect.stringMatching(/^pass: /),
    ]);
    const [repeated] = await verdicts('STD-HTTP-AUTHPARAM-ONCE', 'Bearer realm="x", Realm="y"');
    expect(repeated).toMatch(/^fail: Expected each auth-param name at most once per challenge, got the Bearer challenge repeats realm \(WWW-Authenticate: Bearer realm="x", Realm="y"\)/);
  });

  it('a bare "Bearer" fails STD-BEARER-CHALLENGE; an ApiKey challenge alone fails it; the other Bearer rows skip pointing there', { timeout: 60_000 }, async () => {
    expect(await verdicts('STD-BEARER-CHALLENGE', 'Bearer')).toEqual([
      'fail: Expected a Bearer challenge with at least one auth-param (realm, error, …), got a bare "Bearer" challenge for GET /v1/profiles (no credential)',
    ]);
    expect(await verdicts('STD-BEARER-CHALLENGE', 'ApiKey realm="x"')).toEqual([
      'fail: Expected 401 with a Bearer challenge, got 401 with WWW-Authenticate: ApiKey realm="x" for GET /v1/profiles (no credential)',
    ]);
    const [noError] = await verdicts('STD-BEARER-NO-ERROR-WITHOUT-CREDENTIALS', 'ApiKey realm="x"');
    expect(noError).toMatch(/^skip: precondition not met: the 401 carried no Bearer challenge .* — see STD-BEARER-CHALLENGE$/);
  });

  it('error on the no-credential challenge fails STD-BEARER-NO-ERROR-WITHOUT-CREDENTIALS; a localized description fails STD-BEARER-ATTR-CHARSET naming its code point', { timeout: 60_000 }, async () => {
    expect(await verdicts('STD-BEARER-NO-ERROR-WITHOUT-CREDENTIALS', 'Bearer realm="x", error="invalid_request"')).toEqual([
      'fail: Expected a Bearer challenge without error, error_description or error_uri, got error="invalid_request" for GET /v1/profiles (no credential)',
    ]);
    const [charset] = await verdicts('STD-BEARER-ATTR-CHARSET', 'Bearer realm="x", error="invalid_token", error_description="Jeton expir\u00e9"');
    expect(charset).toMatch(/^fail: Expected error_description within RFC 6750 §3's character set, got error_description contains U\+00E9, outside %x20-21 \/ %x23-5B \/ %x5D-7E/);
    expect(await verdicts('STD-BEARER-ATTR-CHARSET', 'Bearer realm="x", error="invalid_token", error_description="a \\"quoted\\" word"')).toEqual([
      expect.stringMatching(/^fail: .*error_description contains U\+0022/),
    ]);
  });
});
