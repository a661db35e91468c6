/**
 * `--shard i/n`: which part of the run one CI runner takes. Deterministic: the units of the whole
 * run, in plan order (specs in the order given, families in run order), are cut into n contiguous
 * parts of about equal case counts. A unit is one probe family of one spec, except that every
 * family probing rate limits of a spec forms one unit: their requests share one quota, so they
 * must run in one process, one after another.
 */
import { AuthconformError } from '../util/errors.ts';

export interface ShardOption {
  /** 1-based */
  index: number;
  count: number;
}

/** What a spec's plan entry carries on a sharded run. */
export interface PlanShard {
  /** the families of this spec this shard runs */
  families: string[];
  /** every family of this spec the whole run has (a family outside it runs in shard 1) */
  all: string[];
  index: number;
}

export interface ShardFamily {
  id: string;
  kinds: readonly string[];
  /** its number of cases (the weight) */
  cases: number;
}

export interface ShardUnit {
  /** index of the spec in the run */
  spec: number;
  families: string[];
  weight: number;
}

/** `i/n` with 1 ≤ i ≤ n. @throws AuthconformError AC_USAGE */
export function parseShard(text: string): ShardOption {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new AuthconformError('AC_USAGE', `--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/3), got "${text}"`);
  }
  return { index, count };
}

/** The run's units in plan order: one per family, the rate-limit families of a spec together. */
export function shardUnits(specs: ShardFamily[][]): ShardUnit[] {
  const units: ShardUnit[] = [];
  specs.forEach((families, spec) => {
    let quota: ShardUnit | undefined;
    for (const family of families) {
      const sharesQuota = family.kinds.some((k) => k.startsWith('ratelimit.'));
      if (sharesQuota && quota !== undefined) {
        quota.families.push(family.id);
        quota.weight += family.cases;
        continue;
      }
      const unit: ShardUnit = { spec, families: [family.id], weight: family.cases };
      if (sharesQuota) quota = unit;
      units.push(unit);
    }
  });
  return units;
}

/**
 * The shard (1-based) of every unit: unit k goes to the part its weight's midpoint falls in, so
 * parts are contiguous and about equal. The same units always give the same answer.
 */
export function assignShards(units: ShardUnit[], count: number): number[] {
  const total = units.reduce((sum, u) => sum + Math.max(1, u.weight), 0);
  let before = 0;
  return units.map((u) => {
    const weight = Math.max(1, u.weight);
    const part = Math.min(count - 1, Math.floor(((before + weight / 2) * count) / total));
    before += weight;
    return part + 1;
  });
}

/** Whether a shard runs a family a worker planned (families the main process did not know: shard 1). */
export function shardRuns(shard: PlanShard | undefined, family: string): boolean {
  if (shard === undefined) return true;
  return shard.families.includes(family) || (!shard.all.includes(family) && shard.index === 1);
}
