/**
 * Keys sent in a scheme: when the scheme itself fails (the valid key refused in it too), what a
 * case sending another role's key in it observes belongs to the requirement that states the
 * scheme's acceptance (FORMAT-PROPOSAL §5.7).
 */
import type { Credential } from '../fixtures/fixtures.ts';
import type { Operation, Requirement } from '../spec/contract.ts';
import { credentialOf, requireCredential } from './credential.ts';
import type { ProbeContext } from './model.ts';
import { COVERAGE, coveringRequirement, requireAccepted, type Coverage } from './preconditions.ts';
import { sendBuilt } from './steps.ts';

/**
 * Whether a credential.accepted requirement already sends this role in this scheme on this
 * operation: then acceptance here is a precondition, else this case's own assertion.
 */
export function coveredByAccepted(ctx: ProbeContext, role: 'valid' | 'login', scheme: string, operationId: string): boolean {
  if (coveringRequirement(ctx.contract, COVERAGE.accepted(role, operationId)) === undefined) return false;
  if (role === 'login') return ctx.contract.login?.tokenScheme === scheme;
  return (requireCredential(ctx.fixtures, 'valid').scheme ?? ctx.contract.defaultScheme) === scheme;
}

/**
 * Another role's key (test_mode, publishable) refused or answered otherwise than documented in its
 * scheme: when the valid key is refused in that scheme too, the scheme is what fails, and the case
 * skips pointing at the requirement that states the scheme's acceptance (credential.accepted for
 * the valid key's own scheme, else credential.formats); where none states it, or the valid key is
 * accepted, the answer stays this case's verdict.
 */
export async function requireSchemeInPlay(ctx: ProbeContext, op: Operation, credential: Credential, r: Requirement): Promise<void> {
  const valid = credentialOf(ctx.fixtures, 'valid');
  if (valid === undefined) return;
  const scheme = credential.scheme ?? ctx.contract.defaultScheme;
  const coverage: Coverage = coveredByAccepted(ctx, 'valid', scheme, op.operationId)
    ? COVERAGE.accepted('valid', op.operationId)
    : { kinds: ['credential.formats'], operation: op.operationId };
  if (coveringRequirement(ctx.contract, coverage) === undefined) return;
  const s = await sendBuilt(ctx, { operation: op, credential: { ...valid, scheme }, request: r.request ?? {} });
  requireAccepted(s, `the valid key as ${scheme}`, coverage, 'valid key');
}
