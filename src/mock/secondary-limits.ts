/**
 * Secondary limits (x-authconform.rateLimit.secondary): points per window that no rate-limit header
 * reports (GitHub's "no more than 900 points per minute" per endpoint). Each limit counts the cost
 * of a request (`cost[METHOD]`, else 1) per partition key (user + operation by default), in windows
 * aligned to the mock clock; a refused request costs nothing. Over the limit: its own error.
 */
import type { LimitPartition, SecondaryLimit } from '../spec/contract.ts';
import type { CredentialRecord } from './credentials.ts';

/** Who a request is, for the partition of a secondary limit. */
export interface SecondaryCaller {
  record?: CredentialRecord;
  /** the client address */
  client: string;
  operationId: string;
  method: string;
}

/** The refusal of a secondary limit: which limit, and when its window ends (mock ms). */
export interface SecondaryRefusal {
  limit: SecondaryLimit;
  resetAt: number;
}

/** The partition key of a request under a limit (a credential's user defaults to its tenant in the seed). */
export function partitionKey(partition: readonly LimitPartition[], c: SecondaryCaller): string {
  const r = c.record;
  const part: Record<LimitPartition, string> = {
    credential: r?.value ?? `ip:${c.client}`,
    account: r?.tenant ?? `ip:${c.client}`,
    user: r?.user ?? r?.tenant ?? r?.value ?? `ip:${c.client}`,
    mode: r?.test === true ? 'test' : 'live',
    ip: c.client,
    operation: c.operationId,
  };
  return partition.map((p) => `${p}=${part[p]}`).join('&');
}

export class SecondaryCounter {
  private readonly windows = new Map<string, { start: number; points: number }>();

  /** Counts the request's cost under every limit; the first limit it would exceed (then nothing is counted). */
  take(limits: readonly SecondaryLimit[], caller: SecondaryCaller, now: number, cost: (l: SecondaryLimit) => number): SecondaryRefusal | undefined {
    const entries = limits.map((limit) => {
      const key = `${limit.id}|${partitionKey(limit.partition, caller)}`;
      const start = now - (now % Math.max(1, limit.windowMs));
      const prior = this.windows.get(key);
      const w = prior !== undefined && prior.start === start ? prior : { start, points: 0 };
      return { limit, key, w, cost: cost(limit) };
    });
    const over = entries.find((e) => e.w.points + e.cost > e.limit.max);
    if (over !== undefined) return { limit: over.limit, resetAt: over.w.start + over.limit.windowMs };
    for (const e of entries) this.windows.set(e.key, { start: e.w.start, points: e.w.points + e.cost });
    return undefined;
  }

  clear(): void {
    this.windows.clear();
  }
}
