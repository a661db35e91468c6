/**
 * response.header: a documented response header (x-authconform.responseHeaders) is on the
 * responses its rule names, with a value matching the rule's pattern (default: non-empty).
 * Accepted responses: the valid key on the operation. Errors: an unknown key of the valid key's
 * format (a 401 where the docs say so). A listed status: 401 as for errors; 403 from the first
 * scope.denied requirement (its credential and operation); another status has no probe and skips.
 */
import type { Contract, Requirement, ResponseHeaderRule, Role } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { compileMessagePattern } from '../../spec/message-pattern.ts';
import type { Case, Outcome, ProbeContext } from '../model.ts';
import { canaryKey, credentialOf, missingRole, requireCredential } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { COVERAGE, requireAccepted, requireRefused, requireStatus } from '../preconditions.ts';
import { SkipCase } from '../skip-case.ts';
import { sendBuilt, type Sent } from '../steps.ts';

const ID = 'headers';

type Situation = { kind: 'accepted' } | { kind: 'refused' } | { kind: 'status'; status: number };

function situations(rule: ResponseHeaderRule): Situation[] {
  if (rule.on === 'all') return [{ kind: 'accepted' }, { kind: 'refused' }];
  if (rule.on === 'accepted') return [{ kind: 'accepted' }];
  if (rule.on === 'errors') return [{ kind: 'refused' }];
  return rule.on.map((status) => (status < 400 ? { kind: 'accepted' } : status === 401 ? { kind: 'refused' } : { kind: 'status', status }));
}

function checkHeader(ctx: ProbeContext, rule: ResponseHeaderRule, s: Sent, what: string): Outcome {
  const value = s.res.headers[rule.name.toLowerCase()];
  const pattern = rule.pattern === undefined ? /\S/ : compileMessagePattern(rule.pattern);
  if (value === undefined || !pattern.test(value)) {
    const expected = rule.pattern === undefined ? `a non-empty ${rule.name} header` : `${rule.name} matching /${rule.pattern}/`;
    return fail(ctx, expectation(expected, value === undefined ? `no ${rule.name} header` : `${rule.name}: ${value}`, s.label, what));
  }
  return pass(ctx, `${s.label} answered ${s.res.status} with ${rule.name}: ${value} (${what})`);
}

function scopeRequirement(contract: Contract, status: number): Requirement | undefined {
  return contract.requirements.find((q) => q.kind === 'scope.denied' && q.errors.some((e) => e.status === status));
}

function situationCase(contract: Contract, fixtures: Fixtures, r: Requirement, rule: ResponseHeaderRule, at: Situation): Case {
  const op = r.operation;
  const request = r.request ?? {};
  if (at.kind === 'accepted') {
    return makeCase(ID, r, `${rule.name} is on an accepted response`, async (ctx) => {
      const s = await sendBuilt(ctx, { operation: op, request, credential: requireCredential(ctx.fixtures, 'valid') });
      requireAccepted(s, 'the valid key', COVERAGE.accepted('valid', op.operationId));
      return checkHeader(ctx, rule, s, 'valid key');
    }, missingRole(fixtures, 'valid'));
  }
  if (at.kind === 'refused') {
    return makeCase(ID, r, `${rule.name} is on an error response (unknown key)`, async (ctx) => {
      const valid = credentialOf(ctx.fixtures, 'valid');
      const s = await sendBuilt(ctx, { operation: op, request, credential: { value: canaryKey(ctx.contract, valid?.value), scheme: valid?.scheme ?? ctx.contract.defaultScheme } });
      requireRefused(s, 'an unknown key', COVERAGE.unknownRefused(op.operationId));
      return checkHeader(ctx, rule, s, 'unknown key');
    });
  }
  const scope = scopeRequirement(contract, at.status);
  const title = `${rule.name} is on a ${at.status} response`;
  if (scope === undefined) {
    return makeCase(ID, r, title, async () => {
      throw new SkipCase(`no requirement of the spec brings a ${at.status} (a scope.denied requirement with a ${at.status} error would)`);
    });
  }
  // the role the loader resolved for the scope requirement (its kind's default where the spec names none)
  const role: Role = scope.role;
  return makeCase(ID, r, title, async (ctx) => {
    const s = await sendBuilt(ctx, { operation: scope.operation, request: scope.request ?? {}, credential: requireCredential(ctx.fixtures, role) });
    requireStatus(s, [at.status], `the ${role} key did not get ${at.status}`, { kinds: ['scope.denied'], role, operation: scope.operation.operationId });
    return checkHeader(ctx, rule, s, `${role} key`);
  }, missingRole(fixtures, role));
}

export function responseHeaderCases(contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  const rule = r.kind === 'response.header' ? r.rule : undefined;
  if (rule === undefined) return [];
  return situations(rule).map((at) => situationCase(contract, fixtures, r, rule, at));
}
