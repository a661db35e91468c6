/**
 * The bundled catalogue run whole and in 3 shards against the embedded mock: the merged shard
 * records equal the whole run's record case for case: verdict, reason, expected/actual, findings
 * and every exchange's request and status. Left out: timings (durations, start times, and what
 * the mock derives from its running clock: Retry-After values, timestamps and ids in response
 * bodies), the mock's port (each run starts its own on port 0) and the masked tails of the keys
 * and tokens the mock makes up afresh in every run.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeRecords } from '../../src/report/merge.ts';
import type { RunRecord } from '../../src/report/record.ts';
import { runConformance } from '../support/compiled.ts';
import { presentBundledSpecs } from '../../src/spec/bundled.ts';
import { captureIO } from '../runner/cli-io.ts';
import { tempDir } from '../support/temp-dir.ts';

let whole: RunRecord;
let shards: RunRecord[];

async function run(shard?: { index: number; count: number }): Promise<RunRecord> {
  const dir = tempDir('ac-shard-');
  const summary = await runConformance({ specs: [], junit: join(dir, 'junit.xml'), color: false, ...(shard === undefined ? {} : { shard }) }, captureIO().io);
  return summary.record;
}

beforeAll(async () => {
  whole = await run();
  shards = [];
  for (const index of [1, 2, 3]) shards.push(await run({ index, count: 3 }));
}, 600_000);

/**
 * The record without timings; mock ports, the tails of masked made-up credentials and the Retry-After
 * seconds quoted in a verdict's reason (the mock's window end minus its running clock) normalised.
 */
function comparable(record: RunRecord): unknown {
  const { startedAt: _s, endedAt: _e, ...rest } = record;
  const specs = rest.specs.map((spec) => ({
    ...spec,
    cases: spec.cases.map(({ durationMs: _d, startedAt: _c, ...c }) => ({ ...c, exchanges: c.exchanges.map(requestAndStatus) })),
  }));
  return JSON.parse(JSON.stringify({ ...rest, specs }).replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').replace(/…[A-Za-z0-9_-]{4}/g, '…TAIL').replace(/Retry-After: \d+ \(\d+ s\)/g, 'Retry-After: N (N s)'));
}

/** An exchange's request lines and status line (`> ...`, `< 429`). */
function requestAndStatus(exchange: string): string[] {
  return exchange.split('\n').filter((line) => line.startsWith('> ') || /^< \d{3}$/.test(line));
}

describe('--shard 1/3, 2/3, 3/3 then merge', () => {
  it('splits the catalogue into three non-empty parts, no case twice', () => {
    const names = shards.map((r) => r.specs.flatMap((s) => s.cases.map((c) => `${s.name}/${c.name}`)));
    for (const part of names) expect(part.length).toBeGreaterThan(0);
    const all = names.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(whole.specs.reduce((n, s) => n + s.cases.length, 0));
    expect(shards.map((r) => r.options.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    expect(whole.specs.map((s) => s.name)).toEqual(presentBundledSpecs());
  });

  it('keeps the rate-limit families of a spec in one shard', () => {
    for (const spec of whole.specs) {
      const holders = shards.filter((r) => r.specs.some((s) => s.name === spec.name && s.cases.some((c) => c.kind.startsWith('ratelimit.'))));
      if (spec.cases.some((c) => c.kind.startsWith('ratelimit.'))) expect(holders.length, spec.name).toBe(1);
    }
  });

  it('merged equals the whole run, case for case (timings aside)', () => {
    const merged = mergeRecords(shards.map((record, i) => ({ record, shown: `shard${i + 1}.json` })));
    expect(comparable(merged)).toEqual(comparable(whole));
  });
});
