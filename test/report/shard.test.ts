import { describe, expect, it } from 'vitest';
import { assignShards, parseShard, shardRuns, shardUnits } from '../../src/runner/shard.ts';

const fam = (id: string, cases: number, kinds: string[] = ['credential.invalid']) => ({ id, kinds, cases });

describe('shards', () => {
  it('parses i/n and refuses anything else with one line', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/3/4']) {
      expect(() => parseShard(bad)).toThrow(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/3), got "${bad}"`);
    }
  });

  it('keeps the rate-limit families of one spec in one unit', () => {
    const units = shardUnits([
      [fam('valid', 3), fam('limits-a', 4, ['ratelimit.headers']), fam('headers', 1), fam('limits-b', 2, ['ratelimit.exceeded'])],
      [fam('limits', 5, ['ratelimit.limit'])],
    ]);
    expect(units).toEqual([
      { spec: 0, families: ['valid'], weight: 3 },
      { spec: 0, families: ['limits-a', 'limits-b'], weight: 6 },
      { spec: 0, families: ['headers'], weight: 1 },
      { spec: 1, families: ['limits'], weight: 5 },
    ]);
  });

  it('cuts units into contiguous parts of about equal weight, the same every time', () => {
    const units = shardUnits([[fam('a', 4), fam('b', 4), fam('c', 4)], [fam('d', 4), fam('e', 4), fam('f', 4)]]);
    expect(assignShards(units, 3)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(assignShards(units, 1)).toEqual([1, 1, 1, 1, 1, 1]);
    // more shards than units: some parts stay empty (their run writes an empty record)
    expect(assignShards(units, 8)).toEqual([1, 3, 4, 5, 7, 8]);
  });

  it('runs a family the main process did not plan in shard 1 only', () => {
    const shard = { families: ['a'], all: ['a', 'b'], index: 2 };
    expect([shardRuns(shard, 'a'), shardRuns(shard, 'b'), shardRuns(shard, 'z'), shardRuns({ ...shard, index: 1 }, 'z'), shardRuns(undefined, 'b')]).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
  });
});
