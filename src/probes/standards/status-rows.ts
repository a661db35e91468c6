/**
 * The 401/403 rows of the standards profile (RFC 9110 §11.4, §15.5.4, RFC 6750 §3.1). A situation
 * the spec pins to the standard's status is "covered" by the spec's requirement and not sent again;
 * where the spec leaves it free, or documents another status (then a waiver with the doc's words),
 * the row judges it.
 * - std.unauthenticated-status: no credential (unless credential.missing pins 401) and an unknown
 *   key (unless credential.invalid pins 401) → 401; 403, 404, 2xx and anything else fail.
 * - std.forbidden-status: the scope.denied role's credential, accepted on its allowed operation
 *   first (precondition), on the operation it lacks the scope for, twice → 403 both times (404 is
 *   allowed, RFC 9110 §15.5.4); only 401 and 2xx fail; a 403 with rate-limit signals skips.
 * - std.bearer-insufficient-scope: that refusal, as a bearer token → its Bearer challenge says
 *   error="insufficient_scope"; a status other than 403 is the status rows' and the scope rows'.
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { challengeFor, paramValue } from '../../http-auth/challenges.ts';
import type { Case, Outcome, ProbeContext } from '../model.ts';
import { canaryKey } from '../credential.ts';
import { placementFor } from '../login.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass, skip } from '../outcome.ts';
import { PreconditionFailed, requireAccepted } from '../preconditions.ts';
import { rateLimitSignals } from '../rate-limits/signals.ts';
import { sendBuilt, type Sent } from '../steps.ts';
import { readChallenges, scopeTarget, sendDenied, type Exchange, type ScopeTarget } from './exchanges.ts';
import { BEARER_CHALLENGE, documented, pinOf, statusCoverage } from './pins.ts';

const ID = 'standards';

/** "covered by X (the spec pins N)" for the covered situations, or undefined when one is left to judge. */
function coveredSkip(pins: Array<ReturnType<typeof pinOf>>, status: number): string | undefined {
  if (!pins.every((p) => p.exact)) return undefined;
  return `covered by ${pins.map((p) => p.requirement!.id).join(' and ')} (the spec pins ${status} for the same requests)`;
}

/** The failure's hint where the spec documents another status: a waiver, quoting the docs. */
function waiverHint(pin: ReturnType<typeof pinOf>, r: Requirement): string {
  return pin.requirement !== undefined && !pin.exact ? `; ${documented(pin)}: waive ${r.id} with the doc's words if that status is the API's documented answer` : '';
}

/** A skip when the 403 is a rate limit (Retry-After, remaining 0), not the refusal the row judges. */
function rateLimitSkip(ctx: ProbeContext, e: Exchange): Outcome | undefined {
  const signals = e.sent.res.status === 403 ? rateLimitSignals(e.sent.res, ctx.contract) : [];
  return signals.length > 0 ? skip(ctx, `the 403 on ${e.sent.label} carries rate-limit signals (${signals.join(', ')}): a rate limit, not a refusal to judge`) : undefined;
}

/** The scoped role accepted where it may call (precondition), then refused where it lacks the scope. */
async function sendRefusal(ctx: ProbeContext, t: ScopeTarget): Promise<Exchange> {
  await requireAllowed(ctx, t);
  return sendDenied(ctx, t);
}

export function unauthenticatedCase(contract: Contract, r: Requirement): Case {
  const missing = pinOf(contract, 'credential.missing', 401);
  const invalid = pinOf(contract, 'credential.invalid', 401);
  return makeCase(
    ID,
    r,
    'a request without a credential or with an unknown one gets 401',
    async (ctx) => {
      const sent: Array<{ what: string; s: Sent; pin: typeof missing }> = [];
      if (!missing.exact) sent.push({ what: 'no credential', s: await sendBuilt(ctx, { operation: r.operation, request: r.request ?? {} }), pin: missing });
      if (!invalid.exact) {
        const s = await sendBuilt(ctx, { operation: r.operation, credential: { value: canaryKey(ctx.contract) }, request: r.request ?? {} });
        sent.push({ what: 'unknown key', s, pin: invalid });
      }
      for (const { what, s, pin } of sent) {
        if (s.res.status === 401) continue;
        return fail(ctx, expectation('401', `${s.res.status}${waiverHint(pin, r)}`, s.label, what));
      }
      return pass(ctx, sent.map(({ what, s }) => `${what}: ${s.res.status} on ${s.label}`).join('; '));
    },
    coveredSkip([missing, invalid], 401),
  );
}

/** The allowed operation must accept the role's credential before its refusal means anything. */
async function requireAllowed(ctx: ProbeContext, t: ScopeTarget): Promise<void> {
  if (t.allowed === undefined) return;
  const s = await sendBuilt(ctx, { operation: t.allowed.operation, credential: await placementFor(ctx, t.requirement.role), request: t.allowed.request });
  requireAccepted(s, `the ${t.requirement.role} credential on an operation it may call`, { kinds: ['scope.denied'] });
}

export function forbiddenCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  const target = scopeTarget(contract, fixtures, false);
  const pin = pinOf(contract, 'scope.denied', 403);
  const planSkip = 'skip' in target ? target.skip : coveredSkip([pin], 403);
  return makeCase(
    ID,
    r,
    'a valid credential lacking permission gets 403, the same when repeated',
    async (ctx) => {
      const t = target as ScopeTarget;
      const first = await sendRefusal(ctx, t);
      const second = await sendDenied(ctx, t);
      for (const e of [first, second]) {
        const limited = rateLimitSkip(ctx, e);
        if (limited !== undefined) return limited;
        const status = e.sent.res.status;
        if (status === 401 || (status >= 200 && status < 300)) {
          return fail(ctx, expectation('403 (or 404 hiding the resource)', `${status}${waiverHint(pin, r)}`, e.sent.label, `the ${t.requirement.role} credential`));
        }
      }
      if (first.sent.res.status !== second.sent.res.status) {
        return fail(ctx, expectation(`the same ${first.sent.res.status} when repeated`, String(second.sent.res.status), second.sent.label, 'the same request again'));
      }
      return pass(ctx, `${first.sent.label} refused the ${t.requirement.role} credential with ${first.sent.res.status}, twice`);
    },
    planSkip,
  );
}

export function insufficientScopeCase(contract: Contract, fixtures: Fixtures, r: Requirement): Case {
  const target = scopeTarget(contract, fixtures, true);
  const pin = pinOf(contract, 'scope.denied', 403);
  return makeCase(
    ID,
    r,
    'the 403 for a token lacking the scope says error="insufficient_scope"',
    async (ctx) => {
      const e = await sendRefusal(ctx, target as ScopeTarget);
      const limited = rateLimitSkip(ctx, e);
      if (limited !== undefined) return limited;
      if (e.sent.res.status !== 403) {
        throw new PreconditionFailed(
          `the ${(target as ScopeTarget).requirement.role} token was answered ${e.sent.res.status}, not 403, on ${e.sent.label}`,
          statusCoverage(pin, 'std.forbidden-status', 'scope.denied'),
          expectation('403', String(e.sent.res.status), e.sent.label, e.what),
        );
      }
      const read = readChallenges(e.sent);
      const bearer = read.kind === 'parsed' ? challengeFor(read.challenges, 'Bearer') : undefined;
      if (bearer === undefined || bearer.params.length === 0) {
        throw new PreconditionFailed(`the 403 carried no Bearer challenge on ${e.sent.label}`, BEARER_CHALLENGE, expectation('a Bearer challenge', 'none', e.sent.label, e.what));
      }
      const error = paramValue(bearer, 'error');
      if (error !== 'insufficient_scope') {
        return fail(ctx, expectation('403 with error="insufficient_scope" in the Bearer challenge', `403 (${error === undefined ? 'a Bearer challenge without error' : `error="${error}"`})`, e.sent.label, e.what));
      }
      const scope = paramValue(bearer, 'scope');
      return pass(ctx, `${e.sent.label} answered 403 with error="insufficient_scope"${scope === undefined ? '' : `, scope="${scope}"`}`);
    },
    'skip' in target ? target.skip : undefined,
  );
}
