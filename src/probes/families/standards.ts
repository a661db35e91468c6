/**
 * The `standards` profile (profiles/standards.yaml): what RFC 9110 and RFC 6749 demand of every
 * HTTP API whatever its docs say.
 * - std.challenge: no credential and an unknown key → each 401 carries WWW-Authenticate with at
 *   least one challenge that parses (RFC 9110 §11.6.1). Non-401 refusals are not judged.
 * - std.scheme-case: the valid credential with `Bearer`, `bearer` and `BEARER` → all accepted; the
 *   canonical form's acceptance is a precondition (credential.accepted).
 * - std.bearer-invalid-token: an unknown token and the revoked_expired one, as bearer tokens → each
 *   401 with a Bearer challenge has error="invalid_token" (RFC 6750 §3.1); other statuses and 401s
 *   without a Bearer challenge are other rows' to judge.
 * - std.token-no-store: the login's 2xx carries `Cache-Control` with `no-store` (RFC 6749 §5.1).
 * - the challenge-parameter, 401/403 status and Bearer challenge rows: src/probes/standards/.
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { challengeFor, paramValue, parseChallenges } from '../../http-auth/challenges.ts';
import type { Case, ProbeFamily } from '../model.ts';
import { canaryKey, missingRole, requireCredential } from '../credential.ts';
import { sendLogin } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, requireAccepted } from '../preconditions.ts';
import { schemeByName } from '../request-builder.ts';
import { acceptanceFailure, sendBuilt, type Sent } from '../steps.ts';
import { authParamCase, bearerChallengeCase, bearerCharsetCase, bearerNoErrorCase } from '../standards/challenge-rows.ts';
import { forbiddenCase, insufficientScopeCase, unauthenticatedCase } from '../standards/status-rows.ts';
import { RATELIMIT_FIELD_PLANS } from './ratelimit-fields.ts';

const ID = 'standards';

/** Why a 401 fails RFC 9110 §11.6.1, or undefined. */
function challengeProblem(s: Sent): string | undefined {
  const field = s.res.headers['www-authenticate'];
  if (field === undefined || field.trim() === '') return 'no WWW-Authenticate field';
  const parsed = parseChallenges([field]);
  if (!parsed.ok) return `WWW-Authenticate does not parse: ${parsed.error} at offset ${parsed.offset}`;
  return parsed.challenges.length === 0 ? 'WWW-Authenticate holds no challenge' : undefined;
}

function challengeCase(r: Requirement): Case {
  return makeCase(ID, r, 'every 401 carries a parseable WWW-Authenticate challenge', async (ctx) => {
    const op = r.operation;
    const sent = [
      await sendBuilt(ctx, { operation: op, request: r.request ?? {} }),
      await sendBuilt(ctx, { operation: op, credential: { value: canaryKey(ctx.contract) }, request: r.request ?? {} }),
    ];
    const notes = ['no credential', 'unknown key'];
    let judged = 0;
    for (const [i, s] of sent.entries()) {
      if (s.res.status !== 401) continue;
      judged++;
      const problem = challengeProblem(s);
      if (problem !== undefined) return fail(ctx, expectation('401 with WWW-Authenticate: <scheme> <params>', `401 (${problem})`, s.label, notes[i]));
    }
    if (judged === 0) return pass(ctx, `no 401 to judge (${sent.map((s) => s.res.status).join(', ')})`);
    return pass(ctx, `${judged} 401 answers carried WWW-Authenticate: ${sent.find((s) => s.res.status === 401)?.res.headers['www-authenticate'] ?? ''}`);
  });
}

function schemeCaseCases(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const skip = bearerSkip(contract, fixtures, r);
  return [
    makeCase(
      ID,
      r,
      'the scheme name is matched case-insensitively (bearer, BEARER)',
      async (ctx) => {
        const c = requireCredential(ctx.fixtures, r.role);
        const scheme = schemeByName(ctx.contract, c.scheme);
        const send = (word: string): Promise<Sent> =>
          sendBuilt(ctx, { operation: r.operation, request: r.request ?? {}, headers: { ...(c.headers ?? {}), [scheme.header]: `${word} ${c.value}` } });
        const canonical = await send('Bearer');
        requireAccepted(canonical, `the ${r.role} key`, COVERAGE.accepted(r.role, r.operation.operationId));
        for (const word of ['bearer', 'BEARER']) {
          const s = await send(word);
          const f = acceptanceFailure(s, `scheme written "${word}"`);
          if (f) return fail(ctx, f);
        }
        return pass(ctx, `Bearer, bearer and BEARER accepted with ${canonical.res.status}`);
      },
      skip,
    ),
  ];
}

/** The roles whose credential travels as a bearer token; a plan-time skip reason otherwise. */
function bearerSkip(contract: Contract, fixtures: Fixtures, r: Requirement): string | undefined {
  const cred = fixtures.credentials[r.role];
  const bearer = contract.schemes.find((s) => s.name === (cred?.scheme ?? contract.defaultScheme))?.type === 'bearer';
  return missingRole(fixtures, r.role) ?? (bearer ? undefined : `the ${r.role} credential travels in no HTTP authentication scheme (not a bearer token)`);
}

function invalidTokenCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'a 401 for an unknown or revoked token says error="invalid_token"',
    async (ctx) => {
      const c = requireCredential(ctx.fixtures, r.role);
      const tokens = [{ what: 'unknown token', value: canaryKey(ctx.contract, c.value) }];
      const revoked = ctx.fixtures.credentials.revoked_expired;
      if (revoked !== undefined) tokens.push({ what: 'revoked token', value: revoked.value });
      let judged = 0;
      for (const t of tokens) {
        const s = await sendBuilt(ctx, { operation: r.operation, credential: { value: t.value, scheme: c.scheme ?? ctx.contract.defaultScheme }, request: r.request ?? {} });
        if (s.res.status !== 401) continue;
        const parsed = parseChallenges([s.res.headers['www-authenticate'] ?? '']);
        // no or no parseable challenge is STD-HTTP-401-CHALLENGE's failure; no Bearer challenge is STD-BEARER-CHALLENGE's
        const bearer = parsed.ok ? challengeFor(parsed.challenges, 'Bearer') : undefined;
        if (bearer === undefined) continue;
        judged++;
        const error = paramValue(bearer, 'error');
        if (error !== 'invalid_token') {
          const actual = error === undefined ? 'a Bearer challenge without error' : `error="${error}"`;
          return fail(ctx, expectation('401 with error="invalid_token" in the Bearer challenge', `401 (${actual})`, s.label, t.what));
        }
      }
      return pass(ctx, judged === 0 ? 'no 401 with a Bearer challenge to judge' : `${judged} 401 answers said error="invalid_token"`);
    },
    bearerSkip(contract, fixtures, r),
  );
}

function noStoreCase(fixtures: Fixtures, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'the login response carries Cache-Control: no-store',
    async (ctx) => {
      const s = await sendLogin(ctx);
      requireAccepted(s, 'the login with the fixture credentials', COVERAGE.loginIssued(), 'login');
      const field = s.res.headers['cache-control'];
      const directives = (field ?? '').split(',').map((d) => d.trim().toLowerCase());
      if (!directives.includes('no-store')) {
        return fail(ctx, expectation('Cache-Control: no-store', field === undefined ? 'no Cache-Control field' : `Cache-Control: ${field}`, s.label, 'login'));
      }
      return pass(ctx, `${s.label} answered ${s.res.status} with Cache-Control: ${field ?? ''}`);
    },
    missingRole(fixtures, 'login'),
  );
}

export const standards: ProbeFamily = {
  id: ID,
  title: 'Standards every HTTP API owes (profile standards)',
  plans: {
    'std.challenge': (_c, _f, r) => [challengeCase(r)],
    'std.scheme-case': schemeCaseCases,
    'std.bearer-invalid-token': (c, f, r) => [invalidTokenCase(c, f, r)],
    'std.token-no-store': (_c, f, r) => [noStoreCase(f, r)],
    // challenge parameters, 401/403 status, Bearer challenge rows (src/probes/standards/)
    'std.challenge-params': (c, f, r) => [authParamCase(c, f, r)],
    'std.unauthenticated-status': (c, _f, r) => [unauthenticatedCase(c, r)],
    'std.forbidden-status': (c, f, r) => [forbiddenCase(c, f, r)],
    'std.bearer-challenge': (c, f, r) => [bearerChallengeCase(c, f, r)],
    'std.bearer-no-error': (c, _f, r) => [bearerNoErrorCase(c, r)],
    'std.bearer-insufficient-scope': (c, f, r) => [insufficientScopeCase(c, f, r)],
    'std.bearer-attr-charset': (c, f, r) => [bearerCharsetCase(c, f, r)],
    // the RateLimit field rows (wt/secrows)
    ...RATELIMIT_FIELD_PLANS,
  },
};
