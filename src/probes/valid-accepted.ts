/**
 * No cascades: a family's first request with the valid credential goes through the acceptance
 * precondition. When the target refuses the valid key, that is the finding of the requirement
 * stating "the valid key is accepted" (credential.accepted); every other case that needed it skips
 * with a pointer there (preconditions.ts), instead of failing on a 401 it did not probe.
 */
import type { Operation } from '../spec/contract.ts';
import type { ProbeContext } from './model.ts';
import { credentialOf, requireCredential } from './credential.ts';
import { COVERAGE, coveringRequirement, credentialWhat, requireAccepted } from './preconditions.ts';
import { probeOperation } from './request-builder.ts';
import { sendBuilt, type Sent } from './steps.ts';

/** The response must be an acceptance of the `role` credential (else a precondition failure). */
export function requireAcceptedAs(s: Sent, role: Parameters<typeof credentialWhat>[0], note?: string): void {
  requireAccepted(s, credentialWhat(role), COVERAGE.accepted(role, s.op.operationId), note);
}

/**
 * requireAcceptedAs where the operation may be one no credential.accepted requirement covers: when
 * the credential is refused there, it is sent once on the operation of the requirement that states
 * its acceptance elsewhere. Refused there too, the credential (or its scheme) is what fails, and the
 * case skips pointing at that requirement; accepted there, the refusal stays this case's finding.
 */
export async function requireAcceptedHere(ctx: ProbeContext, s: Sent, role: Parameters<typeof credentialWhat>[0], note?: string): Promise<void> {
  if (s.op.acceptStatuses.includes(s.res.status)) return;
  const here = COVERAGE.accepted(role, s.op.operationId);
  const credential = credentialOf(ctx.fixtures, role);
  if (coveringRequirement(ctx.contract, here) === undefined && credential !== undefined) {
    const elsewhere = coveringRequirement(ctx.contract, { kinds: here.kinds, role });
    if (elsewhere !== undefined) {
      const there = await sendBuilt(ctx, { operation: elsewhere.operation, request: elsewhere.request ?? {}, credential });
      const also = `refused on ${s.label} too (${s.res.status})`;
      requireAccepted(there, credentialWhat(role), COVERAGE.accepted(role, elsewhere.operation.operationId), note === undefined ? also : `${note}; ${also}`);
    }
  }
  requireAcceptedAs(s, role, note);
}

/**
 * Sends the valid credential on `operation` (default: the probe operation, with its example) and
 * requires it accepted: the stage every case that works with known credentials stands on.
 */
export async function requireValidAccepted(ctx: ProbeContext, operation: Operation = probeOperation(ctx.contract), note?: string): Promise<Sent> {
  const s = await sendBuilt(ctx, { operation, credential: requireCredential(ctx.fixtures, 'valid') });
  await requireAcceptedHere(ctx, s, 'valid', note ?? 'the valid credential, before the case');
  return s;
}
