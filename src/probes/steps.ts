/**
 * The steps most cases are made of: send a request built from the contract, then check that it
 * was refused with a documented error or accepted. Checks return a Failure (or undefined); steps
 * that only set the scene use the `require*` helpers of preconditions.ts instead.
 */
import type { Contract, ErrorSpec, Operation } from '../spec/contract.ts';
import type { ProbeResponse, SentRequest } from '../transport/types.ts';
import type { MockControl, Outcome, ProbeContext } from './model.ts';
import type { Failure } from './case-failure.ts';
import { checkAccepted, checkAcceptedStatus, describeAccepted } from './expect-accepted.ts';
import { checkOneOf, describeErrors } from './expect-error.ts';
import { describeActual, expectation } from './messages.ts';
import { fail, pass } from './outcome.ts';
import { buildRequest, type BuildOptions } from './request-builder.ts';
import { requestLabel } from './request-label.ts';
import { SkipCase } from './skip-case.ts';
import { SKIP } from './skip-reasons.ts';

export interface Sent {
  req: SentRequest;
  res: ProbeResponse;
  label: string;
  op: Operation;
}

/** The documented errors of these ids (an unknown id is a contract bug the loader should have caught). */
export function errorsById(contract: Contract, ids: string[]): ErrorSpec[] {
  return ids.map((id) => {
    const e = contract.errors[id];
    if (!e) throw new Error(`error ${id} is not in the contract ${contract.name}`);
    return e;
  });
}

/** Skips a state-changing operation on a real target unless the run allows writes. */
export function guardUnsafe(ctx: ProbeContext, op: Operation, label: string): void {
  if (!op.safe && ctx.control === undefined && !ctx.options.writes) throw new SkipCase(SKIP.unsafe(label));
}

export function requireControl(ctx: ProbeContext): MockControl {
  if (ctx.control === undefined) throw new SkipCase(SKIP.mockOnly());
  return ctx.control;
}

/** Builds, guards and sends one request. */
export async function sendBuilt(ctx: ProbeContext, o: BuildOptions): Promise<Sent> {
  const op = o.operation;
  const req = ctx.resolve(buildRequest(ctx, o));
  const label = requestLabel(req);
  guardUnsafe(ctx, op, label);
  const res = await ctx.send(req);
  return { req, res, label, op };
}

export interface RefusalOptions {
  /** what was special about the request: "no credentials" */
  note?: string;
  /** statuses accepted besides the errors (e.g. 404) */
  statuses?: number[];
}

/** undefined when the response is one of the errors (or one of the extra statuses). */
export function refusalFailure(s: Sent, specs: ErrorSpec[], o: RefusalOptions = {}): Failure | undefined {
  if (o.statuses?.includes(s.res.status)) return undefined;
  const match = checkOneOf(s.res, specs);
  if (match.ok) return undefined;
  return expectation(describeErrors(specs, o.statuses), describeActual(s.res, match.mismatches), s.label, o.note);
}

export interface AcceptanceOptions {
  /** also validate a 2xx body against the success schema: credential.accepted only (preconditions.ts, rule 2) */
  shape?: boolean;
}

/** undefined when the response shows the credential got past authentication (status only, unless `shape`). */
export function acceptanceFailure(s: Sent, note?: string, o: AcceptanceOptions = {}): Failure | undefined {
  const mismatches = o.shape === true ? checkAccepted(s.res, s.op) : checkAcceptedStatus(s.res, s.op);
  if (mismatches.length === 0) return undefined;
  const expected = s.op.acceptStatuses.includes(s.res.status)
    ? `${s.res.status} with a body matching the ${s.op.operationId} response schema`
    : describeAccepted(s.op);
  return expectation(expected, describeActual(s.res, mismatches), s.label, note);
}

/** Sends and expects one of the errors: the whole of many cases. */
export async function expectRefused(
  ctx: ProbeContext,
  build: BuildOptions,
  specs: ErrorSpec[],
  o: RefusalOptions = {},
): Promise<Outcome> {
  const s = await sendBuilt(ctx, build);
  const f = refusalFailure(s, specs, o);
  if (f) return fail(ctx, f);
  return pass(ctx, `${s.label} refused with ${s.res.status}${o.note ? ` (${o.note})` : ''}`);
}

/** Sends and expects acceptance (status only, unless `shape`). */
export async function expectAccepted(ctx: ProbeContext, build: BuildOptions, note?: string, o: AcceptanceOptions = {}): Promise<Outcome> {
  const s = await sendBuilt(ctx, build);
  const f = acceptanceFailure(s, note, o);
  if (f) return fail(ctx, f);
  return pass(ctx, `${s.label} accepted with ${s.res.status}${note ? ` (${note})` : ''}`);
}
