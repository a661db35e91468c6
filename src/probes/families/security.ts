/**
 * The `security` profile (profiles/security.yaml): OWASP ASVS 5.0 rows a black-box probe can check.
 * - sec.login-password-exact: the real password must log in (precondition, login.issue); then the
 *   password case-flipped, with its last character changed, cut by one and with one appended →
 *   each refused (no 2xx, no token). Evidence names the variant, never its value.
 * - sec.key-no-enumeration: an unknown key, a key with an undocumented prefix, a key of the wrong
 *   alphabet and (without a key.indistinguishable requirement, which covers it) the revoked_expired
 *   key → the same status, the same JSON keys and equal values apart from per-request ones.
 * - sec.timing: see ./timing.ts.
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { getAtPointer } from '../../spec/json-pointer.ts';
import type { Case, ProbeFamily } from '../model.ts';
import { canaryKey, missingRole, prefixOf, requireCredential, wrongPrefixKey } from '../credential.ts';
import { loginSpec, loginToken, sendLogin } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { sendBuilt, type Sent } from '../steps.ts';
import { timingCase } from './timing.ts';
import { bodyDifferences } from './same-answer.ts';
import { CREDENTIAL_EXPOSURE_PLANS } from './credential-exposure.ts';

const ID = 'security';

/** The altered passwords of ASVS V6.2.8, by what was done to them (variants equal to the password are left out). */
export function passwordVariants(password: string): Array<{ what: string; value: string }> {
  const flipped = [...password].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  const last = password.slice(-1);
  const out = [
    { what: 'letter case flipped', value: flipped },
    { what: 'last character changed', value: password.slice(0, -1) + (last === 'x' ? 'y' : 'x') },
    { what: 'cut by one character', value: password.slice(0, -1) },
    { what: 'one character appended', value: `${password}x` },
  ];
  return out.filter((v) => v.value !== password && v.value !== '');
}

function passwordExactCase(fixtures: Fixtures, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'altered passwords are refused',
    async (ctx) => {
      await loginToken(ctx);
      const password = requireCredential(ctx.fixtures, 'login').password ?? '';
      const spec = loginSpec(ctx);
      const variants = passwordVariants(password);
      for (const v of variants) {
        const s = await sendLogin(ctx, v.value);
        const token = getAtPointer(s.res.json, spec.tokenPointer);
        const issued = typeof token === 'string' && token !== '';
        if ((s.res.status >= 200 && s.res.status < 300) || issued) {
          if (issued) ctx.secrets.push(token);
          return fail(ctx, expectation('a refusal (no 2xx, no token)', `${s.res.status}${issued ? ' with a token' : ''}`, s.label, `password with its ${v.what}`));
        }
      }
      return pass(ctx, `${variants.length} altered passwords refused (${variants.map((v) => v.what).join(', ')})`);
    },
    missingRole(fixtures, 'login'),
  );
}

function enumerationCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'unknown, malformed and revoked keys get the same answer',
    async (ctx) => {
      const valid = requireCredential(ctx.fixtures, 'valid');
      const prefix = prefixOf(ctx.contract, valid.value) ?? '';
      const keys: Array<{ what: string; value: string }> = [
        { what: 'unknown key', value: canaryKey(ctx.contract, valid.value) },
        { what: 'key with an undocumented prefix', value: wrongPrefixKey(ctx.contract, valid.value) ?? `zz_${valid.value.slice(prefix.length)}` },
        { what: 'key of the wrong length and alphabet', value: `${prefix}~~~~` },
      ];
      const revoked = ctx.fixtures.credentials.revoked_expired;
      const covered = ctx.contract.requirements.some((q) => q.kind === 'key.indistinguishable');
      if (revoked !== undefined && !covered) keys.push({ what: 'revoked key', value: revoked.value });
      const sent: Sent[] = [];
      for (const k of keys) sent.push(await sendBuilt(ctx, { operation: r.operation, credential: { value: k.value, scheme: valid.scheme ?? ctx.contract.defaultScheme }, request: r.request ?? {} }));
      const first = sent[0]!;
      for (const [i, s] of sent.entries()) {
        if (i === 0) continue;
        const what = keys[i]!.what;
        if (s.res.status !== first.res.status) {
          return fail(ctx, expectation(`${first.res.status}, as for an unknown key`, String(s.res.status), s.label, what));
        }
        const diff = bodyDifferences(first.res.json ?? first.res.body, s.res.json ?? s.res.body);
        if (diff.length > 0) return fail(ctx, expectation('the body of an unknown key', `${s.res.status} (${diff.join('; ')})`, s.label, what));
      }
      return pass(ctx, `${keys.map((k) => k.what).join(', ')}: ${first.res.status} with the same body`);
    },
    missingRole(fixtures, 'valid'),
  );
}

export const security: ProbeFamily = {
  id: ID,
  title: 'Credential security (profile security)',
  plans: {
    'sec.login-password-exact': (_c, f, r) => [passwordExactCase(f, r)],
    'sec.key-no-enumeration': (c, f, r) => [enumerationCase(c, f, r)],
    'sec.timing': timingCase,
    // login enumeration, credential echo, credentials in the query (wt/secrows)
    ...CREDENTIAL_EXPOSURE_PLANS,
  },
};
