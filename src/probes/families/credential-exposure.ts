/**
 * The security rows about credentials beyond the key itself (profiles/security.yaml):
 * - sec.login-no-enumeration: a wrong password for the login account (its last character changed)
 *   and a password for an account that does not exist (a random name in the same email domain) →
 *   the same status, the same challenge apart from error_description, the same body (same keys,
 *   equal values apart from per-request ones). The wrong password must be refused first: that is
 *   what the password-refused requirement (SEC-LOGIN-PASSWORD-EXACT) states.
 * - sec.no-credential-echo: canaries, never valid keys — one of the valid key's length, one four
 *   times as long, each in the scheme's placement; one as `?api_key=` without any credential; and, with a
 *   login, a canary password → no response to a refusal holds 8 or more consecutive characters of
 *   a canary's random part (plain, URL-encoded, base64: the run's echo detector, seeded with the
 *   canaries alone). The documented prefix, and masks keeping 4 characters, pass.
 * - sec.no-query-credential: the valid key (the test_mode key when the fixtures have one) in its
 *   documented placement must be accepted first (credential.accepted covers it); then the same key
 *   in the query string as access_token, api_key, apikey, key, token and the scheme's own name,
 *   with no credential where the scheme puts it → each refused (any non-2xx). On a real target only
 *   with a test_mode key (the key lands in server and proxy logs).
 */
import { randomInt } from 'node:crypto';
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { SecretSet } from '../../secrets/index.ts';
import { getAtPointer } from '../../spec/json-pointer.ts';
import type { Case, PlanCases, ProbeContext } from '../model.ts';
import { canaryKey, credentialOf, documentedPrefixes, missingRole, prefixOf, requireCredential } from '../credential.ts';
import { loginSpec, sendLogin } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, PreconditionFailed, requireAccepted } from '../preconditions.ts';
import { schemeByName } from '../request-builder.ts';
import { sendBuilt, type Sent } from '../steps.ts';
import { bodyDifferences } from './same-answer.ts';

const ID = 'security';

function randomName(length: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length }, () => letters[randomInt(letters.length)]).join('');
}

/** A login refused: neither 2xx nor a token at the login's token pointer. */
function issuedToken(ctx: ProbeContext, s: Sent): boolean {
  const token = getAtPointer(s.res.json, loginSpec(ctx).tokenPointer);
  return (s.res.status >= 200 && s.res.status < 300) || (typeof token === 'string' && token !== '');
}

/** The challenge without error_description (RFC 6750 lets it differ per cause). */
function challengeOf(s: Sent): string {
  return (s.res.headers['www-authenticate'] ?? '').replace(/,?\s*error_description=("(?:[^"\\]|\\.)*"|[^,\s]*)/gi, '');
}

function loginEnumerationCase(fixtures: Fixtures, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'a wrong password and an unknown account get the same answer',
    async (ctx) => {
      const login = requireCredential(ctx.fixtures, 'login');
      const email = login.email ?? '';
      const domain = email.includes('@') ? email.slice(email.lastIndexOf('@')) : '@example.com';
      const password = login.password ?? '';
      const wrong = password.slice(0, -1) + (password.endsWith('x') ? 'y' : 'x');
      const known = await sendLogin(ctx, wrong);
      if (issuedToken(ctx, known)) {
        throw new PreconditionFailed(
          `a login with a wrong password was accepted (${known.res.status}) on ${known.label}`,
          COVERAGE.passwordRefused(),
          expectation('a refusal of a wrong password', String(known.res.status), known.label, 'password with its last character changed'),
        );
      }
      let unknownEmail = `${randomName(12)}${domain}`;
      while (unknownEmail === email) unknownEmail = `${randomName(12)}${domain}`;
      const unknown = await sendLogin(ctx, wrong, unknownEmail);
      const note = 'an account that does not exist, against a wrong password';
      if (unknown.res.status !== known.res.status) {
        return fail(ctx, expectation(`${known.res.status}, as for a wrong password`, String(unknown.res.status), unknown.label, note));
      }
      if (challengeOf(unknown) !== challengeOf(known)) {
        return fail(ctx, expectation(`the challenge of a wrong password (${known.res.headers['www-authenticate'] ?? 'none'})`, unknown.res.headers['www-authenticate'] ?? 'no WWW-Authenticate', unknown.label, note));
      }
      const diff = bodyDifferences(known.res.json ?? known.res.body, unknown.res.json ?? unknown.res.body);
      if (diff.length > 0) return fail(ctx, expectation('the body of a wrong password', `${unknown.res.status} (${diff.join('; ')})`, unknown.label, note));
      return pass(ctx, `a wrong password and an unknown account were both refused with ${known.res.status} and the same body`);
    },
    missingRole(fixtures, 'login'),
  );
}

/** A canary like `like` with a random body `factor` times as long as its body. */
function longCanary(contract: Pick<Contract, 'keyFormat'>, like: string, factor: number): string {
  const p = prefixOf(contract, like) ?? '';
  const body = like.slice(p.length) || 'abcdefgh';
  return canaryKey(contract, p + body.repeat(factor));
}

function echoCase(r: Requirement): Case {
  return makeCase(ID, r, 'refused canary credentials never come back', async (ctx) => {
    const valid = credentialOf(ctx.fixtures, 'valid');
    const like = valid?.value ?? canaryKey(ctx.contract);
    const scheme = valid?.scheme ?? ctx.contract.defaultScheme;
    const canaries: Array<{ what: string; value: string; send: (v: string) => Promise<Sent> }> = [];
    const inScheme = (v: string): Promise<Sent> => sendBuilt(ctx, { operation: r.operation, credential: { value: v, scheme, ...(valid?.headers ? { headers: valid.headers } : {}) }, request: r.request ?? {} });
    canaries.push({ what: 'an unknown key', value: canaryKey(ctx.contract, like), send: inScheme });
    canaries.push({ what: 'an unknown key four times as long as a real one', value: longCanary(ctx.contract, like, 4), send: inScheme });
    canaries.push({
      what: 'an unknown key as ?api_key=',
      value: canaryKey(ctx.contract, like),
      send: (v) => sendBuilt(ctx, { operation: r.operation, request: { ...(r.request ?? {}), query: { ...(r.request?.query ?? {}), api_key: v } }, secrets: [v] }),
    });
    if (ctx.contract.login !== undefined && credentialOf(ctx.fixtures, 'login') !== undefined) {
      canaries.push({ what: 'a made-up password', value: `Pw-${randomName(20)}`, send: (v) => sendLogin(ctx, v) });
    }
    const prefixes = documentedPrefixes(ctx.contract);
    let judged = 0;
    for (const c of canaries) {
      const s = await c.send(c.value);
      // an accepted request may legitimately return what it was sent (a created key); only refusals are searched
      if (s.res.status >= 200 && s.res.status < 300) continue;
      judged++;
      const set = new SecretSet([c.value], { prefixes });
      for (const [name, value] of [...Object.entries(s.res.headers), ['body', s.res.body] as const]) {
        const hit = set.findEcho(value);
        if (hit === undefined) continue;
        const where = name === 'body' ? 'the body' : `the ${name} header`;
        return fail(ctx, expectation('a refusal that does not repeat the credential', `${s.res.status} with ${c.what} in ${where}${hit === 'plain' ? '' : ` (${hit})`}`, s.label, c.what));
      }
    }
    return pass(ctx, `${judged} refusals of canary credentials (${canaries.map((c) => c.what).join(', ')}) repeated none of them`);
  });
}

const QUERY_NAMES = ['access_token', 'api_key', 'apikey', 'key', 'token'];

function queryCase(contract: Contract, fixtures: Fixtures, r: Requirement, env: { mock: boolean }): Case {
  const documented = r.operation.schemes.map((n) => contract.schemes.find((s) => s.name === n)).find((s) => s?.type === 'query');
  const role = credentialOf(fixtures, 'test_mode') !== undefined ? 'test_mode' : 'valid';
  const skip =
    documented !== undefined
      ? `${r.operation.operationId} documents a query credential (${documented.name}: ?${documented.header}=); a spec that does waives this row with the docs' words`
      : !env.mock && role !== 'test_mode'
        ? 'sends a working key in a URL, where server and proxy logs keep it: runs on a real target only with a `test_mode` credential in the fixtures'
        : missingRole(fixtures, role);
  return makeCase(
    ID,
    r,
    'a working key in the query string is refused',
    async (ctx) => {
      const c = requireCredential(ctx.fixtures, role);
      const first = await sendBuilt(ctx, { operation: r.operation, credential: c, request: r.request ?? {} });
      requireAccepted(first, `the ${role} key`, COVERAGE.accepted(role, r.operation.operationId));
      const own = schemeByName(ctx.contract, c.scheme).header.toLowerCase();
      const names = [...new Set([...QUERY_NAMES, own])];
      for (const name of names) {
        const s = await sendBuilt(ctx, {
          operation: r.operation,
          request: { ...(r.request ?? {}), query: { ...(r.request?.query ?? {}), [name]: c.value }, headers: { ...(r.request?.headers ?? {}), ...(c.headers ?? {}) } },
          secrets: [encodeURIComponent(c.value)],
        });
        if (s.res.status >= 200 && s.res.status < 300) {
          return fail(ctx, expectation('a refusal (no credential where the scheme puts it)', `${s.res.status}: the key was accepted as ?${name}=`, s.label, `the ${role} key in the query`));
        }
      }
      return pass(ctx, `the ${role} key was refused as ?${names.join('=, ?')}= (no header)`);
    },
    skip,
  );
}

/** The plans of these rows, spread into the security family. */
export const CREDENTIAL_EXPOSURE_PLANS: Record<'sec.login-no-enumeration' | 'sec.no-credential-echo' | 'sec.no-query-credential', PlanCases> = {
  'sec.login-no-enumeration': (_c, f, r) => [loginEnumerationCase(f, r)],
  'sec.no-credential-echo': (_c, _f, r) => [echoCase(r)],
  'sec.no-query-credential': (c, f, r, env) => [queryCase(c, f, r, env)],
};
