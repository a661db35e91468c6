/**
 * The challenge rows of the standards profile (RFC 9110 §11.2, RFC 6750 §3, §3.1). Preconditions
 * keep one fault to one failure: a 401 without a parseable field is STD-HTTP-401-CHALLENGE's, a
 * status other than 401 is the status rows' (or the spec's credential.missing / credential.invalid),
 * a missing Bearer challenge is STD-BEARER-CHALLENGE's; the other rows skip pointing there.
 * - std.challenge-params: no credential, an unknown token and (when the fixtures allow) the scope
 *   refusal: in every field that parses, no challenge repeats a parameter name (case-insensitively).
 * - std.bearer-challenge: the 401s to no credential and to an unknown bearer token, and the 403 of
 *   a scope refusal, carry a Bearer challenge with at least one auth-param.
 * - std.bearer-no-error: the 401 to no credential: its Bearer challenge has no error,
 *   error_description or error_uri.
 * - std.bearer-attr-charset: every Bearer challenge of those answers: error, error_description and
 *   scope use RFC 6750 §3's characters (after unquoting).
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { bearerCharsetViolations } from '../../http-auth/bearer-attributes.ts';
import { challengeFor, repeatedParams, type Challenge } from '../../http-auth/challenges.ts';
import type { Case, ProbeContext } from '../model.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { PreconditionFailed } from '../preconditions.ts';
import { isRateLimited403 } from '../rate-limits/signals.ts';
import { bearerSkip, readChallenges, scopeTarget, sendUnknown, sendWithout, trySendDenied, type Exchange } from './exchanges.ts';
import { ANY_CHALLENGE, BEARER_CHALLENGE, pinOf, statusCoverage } from './pins.ts';

const ID = 'standards';

const field = (e: Exchange): string => e.sent.res.headers['www-authenticate'] ?? '';

/** The exchange must be a 401 (else the status is another requirement's). */
function require401(ctx: ProbeContext, e: Exchange): void {
  if (e.sent.res.status === 401) return;
  const missing = e.what === 'no credential';
  const pin = pinOf(ctx.contract, missing ? 'credential.missing' : 'credential.invalid', 401);
  throw new PreconditionFailed(
    `the request with ${e.what === 'no credential' ? 'no credential' : 'an unknown token'} was answered ${e.sent.res.status}, not 401, on ${e.sent.label}`,
    statusCoverage(pin, 'std.unauthenticated-status', missing ? 'credential.missing' : 'credential.invalid'),
    expectation('401', String(e.sent.res.status), e.sent.label, e.what),
  );
}

/** The Bearer challenge of a 401 with at least one auth-param, or a precondition failure pointing at the row that judges its absence. */
function requireBearer(e: Exchange): Challenge {
  const read = readChallenges(e.sent);
  if (read.kind !== 'parsed') {
    const actual = read.kind === 'absent' ? 'no WWW-Authenticate field' : `WWW-Authenticate that does not parse (${read.error})`;
    throw new PreconditionFailed(`the ${e.sent.res.status} carried ${actual} on ${e.sent.label}`, ANY_CHALLENGE, expectation('a WWW-Authenticate field that parses', actual, e.sent.label, e.what));
  }
  const bearer = challengeFor(read.challenges, 'Bearer');
  if (bearer === undefined || bearer.params.length === 0) {
    const actual = bearer === undefined ? `no Bearer challenge (WWW-Authenticate: ${field(e)})` : 'a Bearer challenge without auth-params';
    throw new PreconditionFailed(`the ${e.sent.res.status} carried ${actual} on ${e.sent.label}`, BEARER_CHALLENGE, expectation('a Bearer challenge', actual, e.sent.label, e.what));
  }
  return bearer;
}

/** A scope refusal the Bearer rows judge: a 403 that is no rate limit. */
const isScopeRefusal = (ctx: ProbeContext, e: Exchange | undefined): e is Exchange =>
  e !== undefined && e.sent.res.status === 403 && !isRateLimited403(e.sent.res, ctx.contract);

export function authParamCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  const target = scopeTarget(contract, fixtures, false);
  return makeCase(ID, r, 'no auth-param name occurs twice in one challenge', async (ctx) => {
    const exchanges = [await sendWithout(ctx, r), await sendUnknown(ctx, r)];
    const denied = await trySendDenied(ctx, target);
    if (denied !== undefined) exchanges.push(denied);
    let judged = 0;
    for (const e of exchanges) {
      const read = readChallenges(e.sent);
      if (read.kind !== 'parsed') continue; // a field that does not parse is STD-HTTP-401-CHALLENGE's
      for (const ch of read.challenges) {
        judged++;
        const repeated = repeatedParams(ch);
        if (repeated.length > 0) {
          return fail(ctx, expectation('each auth-param name at most once per challenge', `the ${ch.scheme} challenge repeats ${repeated.join(', ')} (WWW-Authenticate: ${field(e)})`, e.sent.label, e.what));
        }
      }
    }
    if (judged === 0) {
      const statuses = exchanges.map((e) => `${e.what}: ${e.sent.res.status}`).join(', ');
      throw new PreconditionFailed(`no answer carried a WWW-Authenticate field that parses (${statuses})`, ANY_CHALLENGE, expectation('a WWW-Authenticate field that parses', 'none', exchanges[0]!.sent.label));
    }
    return pass(ctx, `${judged} challenges in ${exchanges.length} answers, no parameter name repeated`);
  });
}

export function bearerChallengeCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  const target = scopeTarget(contract, fixtures, true);
  return makeCase(
    ID,
    r,
    'the 401s and the scope 403 carry a Bearer challenge with an auth-param',
    async (ctx) => {
      const judged: string[] = [];
      for (const e of [await sendWithout(ctx, r), await sendUnknown(ctx, r)]) {
        require401(ctx, e);
        const read = readChallenges(e.sent);
        if (read.kind !== 'parsed') requireBearer(e); // absent or unparseable: STD-HTTP-401-CHALLENGE's
        const bearer = read.kind === 'parsed' ? challengeFor(read.challenges, 'Bearer') : undefined;
        if (bearer === undefined) return fail(ctx, expectation('401 with a Bearer challenge', `401 with WWW-Authenticate: ${field(e)}`, e.sent.label, e.what));
        if (bearer.params.length === 0) return fail(ctx, expectation('a Bearer challenge with at least one auth-param (realm, error, …)', 'a bare "Bearer" challenge', e.sent.label, e.what));
        judged.push(`${e.what}: ${field(e)}`);
      }
      const denied = await trySendDenied(ctx, target);
      if (isScopeRefusal(ctx, denied)) {
        const read = readChallenges(denied.sent);
        const bearer = read.kind === 'parsed' ? challengeFor(read.challenges, 'Bearer') : undefined;
        if (bearer === undefined || bearer.params.length === 0) {
          const actual = read.kind === 'absent' ? 'no WWW-Authenticate field' : bearer === undefined ? `WWW-Authenticate: ${field(denied)}` : 'a bare "Bearer" challenge';
          return fail(ctx, expectation('403 with a Bearer challenge with at least one auth-param', `403 with ${actual}`, denied.sent.label, denied.what));
        }
        judged.push(`${denied.what}: ${field(denied)}`);
      }
      return pass(ctx, judged.join('; '));
    },
    bearerSkip(contract, r),
  );
}

export function bearerNoErrorCase(contract: Contract, r: Requirement): Case {
  return makeCase(
    ID,
    r,
    'the Bearer challenge to a request without a credential has no error attribute',
    async (ctx) => {
      const e = await sendWithout(ctx, r);
      require401(ctx, e);
      const bearer = requireBearer(e);
      const errorParams = bearer.params.filter((p) => ['error', 'error_description', 'error_uri'].includes(p.name.toLowerCase()));
      if (errorParams.length > 0) {
        return fail(ctx, expectation('a Bearer challenge without error, error_description or error_uri', `${errorParams.map((p) => `${p.name}="${p.value}"`).join(', ')}`, e.sent.label, e.what));
      }
      return pass(ctx, `${e.sent.label} answered 401 with WWW-Authenticate: ${field(e)}`);
    },
    bearerSkip(contract, r),
  );
}

export function bearerCharsetCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  const target = scopeTarget(contract, fixtures, true);
  return makeCase(
    ID,
    r,
    'error, error_description and scope of the Bearer challenges use the allowed characters',
    async (ctx) => {
      const exchanges = [await sendWithout(ctx, r), await sendUnknown(ctx, r)];
      const denied = await trySendDenied(ctx, target);
      if (isScopeRefusal(ctx, denied)) exchanges.push(denied);
      let challenges = 0;
      for (const e of exchanges) {
        const read = readChallenges(e.sent);
        const bearer = read.kind === 'parsed' ? challengeFor(read.challenges, 'Bearer') : undefined;
        if (bearer === undefined) continue;
        challenges++;
        const [v] = bearerCharsetViolations(bearer);
        if (v !== undefined) return fail(ctx, expectation(`${v.attribute} within RFC 6750 §3's character set`, v.reason, e.sent.label, e.what));
      }
      if (challenges === 0) requireBearer(exchanges[0]!);
      return pass(ctx, `${challenges} Bearer challenges, every error, error_description and scope within the set`);
    },
    bearerSkip(contract, r),
  );
}
