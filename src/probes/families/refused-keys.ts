/**
 * credential.refused-prefix: a key of a documented but refused kind (keyFormat.refused: a
 * publishable `pk_live_` key on a secret-key endpoint) gets that prefix's documented error. The key
 * is the target's real one of the prefix's role (fixtures), else — where the fixtures name none —
 * a well-formed key of the documented prefix (a server that reads the prefix refuses it alike).
 * error.message: the role's credential on the operation gets one of the errors, and the error's
 * message (at messagePointer, else /message, /error/message, /error) matches its messagePattern.
 */
import type { Contract, ErrorSpec, Requirement } from '../../spec/contract.ts';
import type { Credential, Fixtures } from '../../fixtures/fixtures.ts';
import { getAtPointer } from '../../spec/json-pointer.ts';
import { compileMessagePattern } from '../../spec/message-pattern.ts';
import type { Case, Outcome, ProbeContext, ProbeFamily } from '../model.ts';
import { canaryKey, credentialOf, missingRole } from '../credential.ts';
import { checkError } from '../expect-error.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { PreconditionFailed } from '../preconditions.ts';
import { KINDS } from '../../kinds/index.ts';
import { refusalFailure, sendBuilt, type Sent } from '../steps.ts';
import { requireSchemeInPlay } from '../scheme-in-play.ts';
import { trippedLockout } from './lockout.ts';

const ID = 'invalid-credentials';

/** The role's real key, else a well-formed key of the refused prefix of that role. */
function refusedKey(ctx: ProbeContext, r: Requirement): { credential: Credential; note: string } {
  const real = credentialOf(ctx.fixtures, r.role);
  if (real !== undefined) return { credential: real, note: `${r.role} key from the fixtures` };
  const prefix = (ctx.contract.keyFormat.refused ?? []).find((p) => p.role === r.role)?.prefix ?? '';
  const like = credentialOf(ctx.fixtures, 'valid')?.value;
  return { credential: { role: r.role, value: canaryKey(ctx.contract, like, prefix), scheme: ctx.contract.defaultScheme }, note: `well-formed ${prefix} key (no ${r.role} key in the fixtures)` };
}

function refusedPrefixPlan(_contract: Contract, _fixtures: Fixtures, r: Requirement): Case[] {
  return [
    makeCase(ID, r, `a ${r.role} key is refused with the documented error`, async (ctx) => {
      const { credential, note } = refusedKey(ctx, r);
      const s = await sendBuilt(ctx, { operation: r.operation, request: r.request ?? {}, credential });
      const f = refusalFailure(s, r.errors, { note });
      if (f) return fail(ctx, f);
      return pass(ctx, `${s.label} refused the ${r.role} key with ${s.res.status} (${note})`);
    }),
  ];
}

const DEFAULT_POINTERS = ['/message', '/error/message', '/error'];

/** The error's message in the body: at its pointer, else the first string of the default places. */
export function messageOf(json: unknown, spec: ErrorSpec): string | undefined {
  for (const p of spec.messagePointer !== undefined ? [spec.messagePointer] : DEFAULT_POINTERS) {
    const v = getAtPointer(json, p);
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** Whether the requirement is about the lockout's error (its case trips the lockout, last of all). */
function aboutLockout(contract: Contract, r: Requirement): boolean {
  const id = contract.lockout?.error;
  return id !== undefined && r.errors.some((e) => e.id === id);
}

async function messageCase(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  let s;
  let credential: Credential | undefined;
  if (aboutLockout(ctx.contract, r)) {
    s = await trippedLockout(ctx, r);
  } else {
    credential = credentialOf(ctx.fixtures, r.role) ?? (r.role !== 'valid' ? refusedKey(ctx, r).credential : undefined);
    s = await sendBuilt(ctx, { operation: r.operation, request: r.request ?? {}, ...(credential === undefined ? {} : { credential }) });
  }
  const outcome = await judgeMessage(ctx, r, s);
  // another answer than documented, with the key in a scheme that may itself fail (the valid key refused in it too)
  if (outcome.verdict === 'fail' && credential !== undefined && r.role !== 'valid') await requireSchemeInPlay(ctx, r.operation, credential, r);
  return outcome;
}

async function judgeMessage(ctx: ProbeContext, r: Requirement, s: Sent): Promise<Outcome> {
  const matched = r.errors.find((e) => checkError(s.res, e).length === 0);
  if (matched === undefined && aboutLockout(ctx.contract, r)) {
    const f = refusalFailure(s, r.errors, { note: 'valid key after the lockout count' }) ?? expectation('a documented error', String(s.res.status), s.label);
    throw new PreconditionFailed(`no lockout (${s.res.status}) on ${s.label}`, { kinds: ['credential.lockout'] }, f);
  }
  if (matched === undefined) {
    // the refusal itself is another requirement's statement; this one is about its words
    const f = refusalFailure(s, r.errors, { note: `${r.role} key` }) ?? expectation('a documented error', String(s.res.status), s.label);
    const kinds = KINDS.filter((k) => k.covers === 'refused-prefix').map((k) => k.kind);
    throw new PreconditionFailed(`the ${r.role} key was not refused with ${r.errors.map((e) => e.id).join(' or ')} (${s.res.status}) on ${s.label}`, { kinds, role: r.role }, f);
  }
  const pattern = matched.messagePattern === undefined ? undefined : compileMessagePattern(matched.messagePattern);
  const message = messageOf(s.res.json, matched);
  if (pattern !== undefined && (message === undefined || !pattern.test(message))) {
    const where = matched.messagePointer ?? DEFAULT_POINTERS.join(', ');
    return fail(ctx, expectation(`a message matching /${matched.messagePattern}/ at ${where}`, message === undefined ? 'no message' : JSON.stringify(message), s.label, `${r.role} key, error ${matched.id}`));
  }
  return pass(ctx, `${s.label} answered ${matched.id} with the documented message`);
}

function messagePlan(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const refusedRole = (contract.keyFormat.refused ?? []).some((p) => p.role === r.role);
  const c = makeCase(ID, r, `the ${r.errors.map((e) => e.id).join(' or ')} message matches the documented text`, (ctx) => messageCase(ctx, r), refusedRole ? undefined : missingRole(fixtures, r.role));
  if (aboutLockout(contract, r)) c.tripsLockout = true;
  return [c];
}

export const refusedKeyPlans: ProbeFamily['plans'] = {
  'credential.refused-prefix': refusedPrefixPlan,
  'error.message': messagePlan,
};
