/**
 * No cascades: a family's first request with the valid credential goes through the acceptance
 * precondition. When the target refuses the valid key, that is the finding of the requirement
 * stating "the valid key is accepted" (credential.accepted); every other case that needed it skips
 * with a pointer there (preconditions.ts), instead of failing on a 401 it did not probe.
 */
import type { Operation } from '../spec/contract.ts';
import type { ProbeContext } from './model.ts';
import { requireCredential } from './credential.ts';
import { COVERAGE, credentialWhat, requireAccepted } from './preconditions.ts';
import { probeOperation } from './request-builder.ts';
import { sendBuilt, type Sent } from './steps.ts';

/** The response must be an acceptance of the `role` credential (else a precondition failure). */
export function requireAcceptedAs(s: Sent, role: Parameters<typeof credentialWhat>[0], note?: string): void {
  requireAccepted(s, credentialWhat(role), COVERAGE.accepted(role, s.op.operationId), note);
}

/**
 * Sends the valid credential on `operation` (default: the probe operation, with its example) and
 * requires it accepted: the stage every case that works with known credentials stands on.
 */
export async function requireValidAccepted(ctx: ProbeContext, operation: Operation = probeOperation(ctx.contract), note?: string): Promise<Sent> {
  const s = await sendBuilt(ctx, { operation, credential: requireCredential(ctx.fixtures, 'valid') });
  requireAcceptedAs(s, 'valid', note ?? 'the valid credential, before the case');
  return s;
}
