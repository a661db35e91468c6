/**
 * Semantic checks of x-authconform.rateLimit beyond the schema (the format additions of issue 10):
 * the exhausted-limit statuses given once, or twice in agreement; no Retry-After requirement where
 * the docs say refusals carry none.
 */
import type { Finding } from './finding.ts';
import { asArray, asObject } from './spec-index.ts';
import type { SpecIndex } from './spec-index.ts';

const X = '/x-authconform';

const listed = (xs: unknown[]): string => `[${xs.map(String).join(', ')}]`;

/**
 * `rateLimit.statuses` is shorthand for the rate-limit error's status set: it must contain the
 * error's status, and where the error gives a set (or range) itself, the same members.
 */
function checkStatuses(out: Finding[], index: SpecIndex): void {
  const r = asObject(index.ext.rateLimit);
  const statuses = asArray(r?.statuses);
  if (statuses.length === 0 || typeof r?.error !== 'string') return;
  const error = asObject(asObject(index.ext.errors)?.[r.error]);
  const status = error?.status;
  const at = `${X}/rateLimit/statuses`;
  const hint = `give the set once: status: ${listed(statuses)} on errors.${r.error}, and remove rateLimit.statuses`;
  if (typeof status === 'number') {
    if (!statuses.includes(status)) out.push({ pointer: at, message: `rateLimit.statuses ${listed(statuses)} does not include ${status}, the status of errors.${r.error}`, hint });
    return;
  }
  const own = Array.isArray(status) ? status : status === undefined ? [] : [status];
  const same = own.length === statuses.length && own.every((s) => statuses.includes(s));
  if (own.length > 0 && !same) {
    out.push({ pointer: at, message: `rateLimit.statuses ${listed(statuses)} disagrees with errors.${r.error}.status ${listed(own)}`, hint });
  }
}

/** A ratelimit.retry-after requirement states a Retry-After: not where every refusal is documented without one. */
function checkRetryAfter(out: Finding[], index: SpecIndex): void {
  const r = asObject(index.ext.rateLimit);
  const windows = asArray(r?.plans).flatMap((p) => asArray(asObject(p)?.limits).map((l) => asObject(l)?.retryAfter));
  const rules = windows.length > 0 ? windows.map((w) => w ?? r?.retryAfter) : [r?.retryAfter];
  if (!rules.every((rule) => rule === 'never')) return;
  asArray(index.ext.requirements).forEach((req, i) => {
    const o = asObject(req);
    if (o?.kind !== 'ratelimit.retry-after') return;
    out.push({
      pointer: `${X}/requirements/${i}/kind`,
      message: `requirement ${String(o.id)} is a ratelimit.retry-after, but rateLimit.retryAfter is never`,
      hint: 'write retryAfter: always or optional where the docs say the refusal carries it, or remove the requirement',
    });
  });
}

const IETF_KEYS = ['policy', 'current', 'name'];
const NAMED_KEYS = ['limit', 'remaining', 'reset', 'used', 'resource'];

/** A header style reads its own keys: IETF fields (policy, current, name, delta-seconds) or header names. */
function checkHeaderStyle(out: Finding[], index: SpecIndex): void {
  const r = asObject(index.ext.rateLimit);
  const h = asObject(r?.headers);
  if (h === undefined) return;
  const ietf = h.style === 'ietf';
  const at = `${X}/rateLimit/headers`;
  for (const key of ietf ? NAMED_KEYS : IETF_KEYS) {
    if (h[key] === undefined) continue;
    out.push(
      ietf
        ? { pointer: `${at}/${key}`, at: 'key', message: `rateLimit.headers.${key} is a header name, but style ietf reads the RateLimit and RateLimit-Policy fields`, hint: 'remove it, or drop style: ietf for X-RateLimit-* headers' }
        : { pointer: `${at}/${key}`, at: 'key', message: `rateLimit.headers.${key} applies to style: ietf only`, hint: 'add style: ietf (RateLimit / RateLimit-Policy fields) or remove it' },
    );
  }
  if (ietf && r?.resetUnit === 'epoch-seconds') {
    out.push({ pointer: `${X}/rateLimit/resetUnit`, message: 'rateLimit.resetUnit is epoch-seconds, but t of the IETF RateLimit field is delta-seconds (draft-ietf-httpapi-ratelimit-headers-10 §4.2)', hint: 'write resetUnit: delta-seconds' });
  }
}

/** Every limit of rateLimit (`limits`, `plans[].limits`, `anonymous.limits`, `secondary`) as written, with its pointer; shorthand ids `<plan>-PT1M`, `<plan>-P1D` too (no pointer). */
function limitsWritten(index: SpecIndex): Array<{ id: string; pointer?: string; limit?: Record<string, unknown> }> {
  const r = asObject(index.ext.rateLimit);
  const out: Array<{ id: string; pointer?: string; limit?: Record<string, unknown> }> = [];
  asArray(r?.limits).forEach((l, i) => out.push({ id: String(asObject(l)?.id), pointer: `${X}/rateLimit/limits/${i}`, limit: asObject(l) ?? {} }));
  asArray(asObject(r?.anonymous)?.limits).forEach((l, i) => out.push({ id: String(asObject(l)?.id), pointer: `${X}/rateLimit/anonymous/limits/${i}`, limit: asObject(l) ?? {} }));
  asArray(r?.secondary).forEach((l, i) => out.push({ id: String(asObject(l)?.id), pointer: `${X}/rateLimit/secondary/${i}`, limit: asObject(l) ?? {} }));
  asArray(r?.plans).forEach((p, i) => {
    const plan = asObject(p);
    asArray(plan?.limits).forEach((l, j) => out.push({ id: String(asObject(l)?.id), pointer: `${X}/rateLimit/plans/${i}/limits/${j}`, limit: asObject(l) ?? {} }));
    if (plan?.perMinute !== undefined) out.push({ id: `${String(plan.name)}-PT1M` });
    if (plan?.perDay !== undefined) out.push({ id: `${String(plan.name)}-P1D` });
  });
  return out;
}

const knownHint = (ids: Set<string>): string => (ids.size === 0 ? 'declare the limit in rateLimit.limits, rateLimit.plans[].limits or rateLimit.anonymous.limits' : `known: ${[...ids].join(', ')}`);

/** Every limit id an operation's `rateLimit.exemptFrom` names is a limit of rateLimit (general or of a plan). */
function checkExempt(out: Finding[], index: SpecIndex, ids: Set<string>): void {
  for (const op of index.operations) {
    asArray(asObject(op.ext?.rateLimit)?.exemptFrom).forEach((id, j) => {
      if (typeof id !== 'string' || ids.has(id)) return;
      out.push({
        pointer: `${op.pointer}/x-authconform/rateLimit/exemptFrom/${j}`,
        message: `operation ${op.operationId ?? op.path} is exempt from limit "${id}", which is no limit of x-authconform.rateLimit`,
        hint: knownHint(ids),
      });
    });
  }
}

/** A limit's `exempt` and `match.operations` name operations of the spec. */
function checkLimitOperations(out: Finding[], index: SpecIndex): void {
  for (const { id, pointer, limit } of limitsWritten(index)) {
    if (pointer === undefined || limit === undefined) continue;
    const lists: Array<[string, unknown]> = [
      ['exempt', limit.exempt],
      ['match/operations', asObject(limit.match)?.operations],
    ];
    for (const [field, list] of lists) {
      asArray(list).forEach((op, j) => {
        if (typeof op !== 'string' || index.operationIds.has(op)) return;
        out.push({ pointer: `${pointer}/${field}/${j}`, message: `limit ${id} names operation "${op}", which is no operationId of the spec`, hint: `known: ${[...index.operationIds].join(', ')}` });
      });
    }
  }
}

/** A requirement's `limit` is the id of a limit of rateLimit. */
function checkRequirementLimits(out: Finding[], index: SpecIndex, ids: Set<string>): void {
  asArray(index.ext.requirements).forEach((req, i) => {
    const o = asObject(req);
    if (typeof o?.limit !== 'string' || ids.has(o.limit)) return;
    out.push({ pointer: `${X}/requirements/${i}/limit`, message: `requirement ${String(o.id)} probes limit "${o.limit}", which is no limit of x-authconform.rateLimit`, hint: knownHint(ids) });
  });
}

/**
 * A requirement `as: anonymous` needs the anonymous plan, and a public operation (OpenAPI
 * `security: []` or an empty alternative `{}`) to send no credential to: its own, or one the
 * anonymous limits count.
 */
function checkAnonymous(out: Finding[], index: SpecIndex): void {
  const anonymous = asObject(asObject(index.ext.rateLimit)?.anonymous);
  const ids = asArray(anonymous?.limits).map((l) => String(asObject(l)?.id));
  const isPublic = (op: SpecIndex['operations'][number]) => {
    const security = (op.raw as { security?: unknown }).security ?? (index.document as { security?: unknown }).security;
    return Array.isArray(security) && (security.length === 0 || security.some((s) => asObject(s) !== undefined && Object.keys(asObject(s) ?? {}).length === 0));
  };
  const counted = index.operations.filter((op) => isPublic(op) && !asArray(asObject(op.ext?.rateLimit)?.exemptFrom).some((id) => ids.includes(String(id))));
  asArray(index.ext.requirements).forEach((req, i) => {
    const o = asObject(req);
    if (o?.as !== 'anonymous') return;
    const at = `${X}/requirements/${i}`;
    if (anonymous === undefined) {
      out.push({ pointer: `${at}/as`, message: `requirement ${String(o.id)} is about requests without credentials, but x-authconform.rateLimit has no "anonymous" plan`, hint: 'declare rateLimit.anonymous.limits, or remove as: anonymous' });
      return;
    }
    const named = typeof o.operation === 'string' ? index.operations.find((op) => op.operationId === o.operation) : undefined;
    if (named !== undefined && !isPublic(named)) {
      out.push({ pointer: `${at}/operation`, message: `requirement ${String(o.id)} sends no credential, but operation ${String(o.operation)} is not public`, hint: 'name an operation with security: [] (or an empty alternative {})' });
    } else if (o.operation === undefined && counted.length === 0) {
      out.push({ pointer: `${at}/as`, message: `requirement ${String(o.id)} sends no credential, but no public operation is counted by the anonymous limits`, hint: 'give an operation security: [] (or name one with operation)' });
    }
  });
}

export function rateLimitFindings(out: Finding[], index: SpecIndex): void {
  const ids = new Set(limitsWritten(index).map((l) => l.id));
  checkExempt(out, index, ids);
  checkRequirementLimits(out, index, ids);
  checkLimitOperations(out, index);
  checkAnonymous(out, index);
  if (asObject(index.ext.rateLimit) === undefined) return;
  checkStatuses(out, index);
  checkRetryAfter(out, index);
  checkHeaderStyle(out, index);
}
