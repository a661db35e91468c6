/**
 * The limits one request counts against: those whose `match` it meets (method, the credential's
 * mode, operation), each with this request's counter (its `partition`: credential, account, user,
 * mode, ip, operation) and cost. Limits without a partition count per the credential's limiter key.
 */
import type { LimitMatch, LimitPartition } from '../spec/contract.ts';
import type { CredentialRecord } from './credentials.ts';
import type { LimitWindow, Limits } from './rate-limiter.ts';
import type { Runtime } from './runtime.ts';

/** What a request is, for the limits' match and partition. */
export interface RateRequest {
  record: CredentialRecord;
  tenant: string | undefined;
  operationId: string;
  method: string;
}

/** live or test: a key of a `keyFormat.test` prefix (or of role test_mode) is a test-mode key. */
export function modeOf(record: CredentialRecord): 'live' | 'test' {
  return record.test || record.role === 'test_mode' ? 'test' : 'live';
}

function matches(m: LimitMatch | undefined, q: RateRequest): boolean {
  if (m === undefined) return true;
  if (m.methods !== undefined && !m.methods.includes(q.method)) return false;
  if (m.mode !== undefined && m.mode !== modeOf(q.record)) return false;
  return m.operations === undefined || m.operations.includes(q.operationId);
}

/** The value of each partition dimension for this request (the mock knows one client address). */
export function partitionParts(q: RateRequest): Record<LimitPartition, string> {
  const account = q.tenant ?? q.record.tenant ?? q.record.value;
  // `user` of the seed credential where it names one (default: its tenant)
  const user = (q.record as CredentialRecord & { user?: string }).user ?? account;
  return { credential: q.record.value, account, user, mode: modeOf(q.record), ip: 'client', operation: q.operationId };
}

/** The conformant counter of a partitioned limit: one per combination of its dimensions. */
export function partitionKey(w: LimitWindow, parts: Record<LimitPartition, string>): string | undefined {
  return w.partition?.map((p) => `${p}=${parts[p]}`).join('|');
}

/** The windows of `limits` this request meets, each with its counter and cost; undefined = none applies. */
export function requestWindows(rt: Runtime, limits: Limits, q: RateRequest): Limits | undefined {
  const parts = partitionParts(q);
  const windows = limits.windows
    .filter((w) => matches(w.match, q))
    .map((w) => {
      const key = rt.stages.limitCounter(rt, w, parts);
      const cost = w.costs?.[q.method];
      return { ...w, ...(key === undefined ? {} : { key: `p:${key}` }), ...(cost === undefined ? {} : { cost }) };
    });
  return windows.length === 0 ? undefined : { windows };
}
