import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { command as merge } from '../../src/cli/commands/merge.ts';
import { command as run } from '../../src/cli/commands/run.ts';
import { command as report } from '../../src/cli/commands/report.ts';
import { command as verify } from '../../src/cli/commands/verify.ts';
import { renderRunRecord } from '../../reporters/json-record.ts';
import { maskRecord } from '../../src/report/mask.ts';
import type { RunRecord } from '../../src/report/record.ts';
import { captureIO, runCommand } from '../runner/cli-io.ts';
import { sampleRecord } from './record-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

let dir: string;
const path = (name: string): string => join(dir, name);

/** The sample record cut in two shards by family. */
function shardOf(index: number): RunRecord {
  const r = sampleRecord();
  const family = index === 1 ? 'invalid-credentials' : 'key-lifecycle';
  return { ...r, options: { ...r.options, shard: { index, count: 2 } }, specs: r.specs.map((s) => ({ ...s, requests: 6, cases: s.cases.filter((c) => c.family === family) })) };
}

beforeAll(async () => {
  dir = tempDir('ac-commands-');
  writeFileSync(path('whole.json'), renderRunRecord(sampleRecord()));
  writeFileSync(path('s1.json'), renderRunRecord(shardOf(1)));
  writeFileSync(path('s2.json'), renderRunRecord(shardOf(2)));
  writeFileSync(path('other.json'), renderRunRecord({ ...shardOf(2), tool: { name: 'authconform', version: '1.0.0' } }));
  writeFileSync(path('broken.json'), '{"recordVersion": 1}');
});

describe('authconform report', () => {
  it('renders the reports of a saved record, byte for byte what the run wrote', async () => {
    const io = captureIO({}, dir);
    expect(await runCommand(report, ['whole.json', '--junit', 'j.xml', '--badge', 'b.svg'], io)).toBe(0);
    expect(io.stdout).toEqual([`JUnit: ${path('j.xml')}`, `Badge: ${path('b.svg')}`]);
    expect(readFileSync(path('b.svg'), 'utf8')).toContain('acme 1/4 MUST');
  });

  it('refuses a file that is no run record, in one line (exit 2)', async () => {
    const io = captureIO({}, dir);
    expect(await runCommand(report, ['broken.json', '--junit', 'j.xml'], io)).toBe(2);
    expect(io.stderr).toEqual(["authconform: broken.json: not an authconform run record: / must have required property 'tool'"]);
  });
});

describe('authconform merge', () => {
  it('joins shard records into the whole record (exit 1: the run fails)', async () => {
    const io = captureIO({}, dir);
    expect(await runCommand(merge, ['s2.json', 's1.json', '--json', 'merged.json'], io)).toBe(1);
    expect(io.stdout.at(-1)).toBe('merged 2 records: 1 specs, 6 cases, not conformant');
    // the saved shards carry the sample's key unmasked: merge masks anything shaped like a documented key
    expect(JSON.parse(readFileSync(path('merged.json'), 'utf8'))).toEqual(maskRecord(sampleRecord(), []));
    expect(readFileSync(path('merged.json'), 'utf8')).not.toContain('SECRETsecret');
  });

  it('refuses records of another tool version and the same shard twice', async () => {
    const io = captureIO({}, dir);
    expect(await runCommand(merge, ['s1.json', 'other.json', '--json', 'm.json'], io)).toBe(2);
    expect(await runCommand(merge, ['s1.json', 's1.json', '--json', 'm.json'], io)).toBe(2);
    expect(io.stderr).toEqual([
      "authconform: other.json: tool version 1.0.0 differs from s1.json's 9.9.9; records of one run only",
      'authconform: s1.json: case "ACME-AUTH-03 unknown key with a documented prefix" of acme is in s1.json too (the same shard twice?)',
    ]);
  });
});

describe('authconform run, report options', () => {
  it('a shard with nothing to run writes an empty record and exits 0', async () => {
    const io = captureIO({}, dir);
    // part 2 of 1000 holds a unit only if one's weight midpoint lies in the run's first 0.2 %: never, with < 500 cases
    expect(await runCommand(run, ['linkfetch', '--shard', '2/1000', '--json', 'empty.json', '--junit', 'empty.xml'], io)).toBe(0);
    const record = JSON.parse(readFileSync(path('empty.json'), 'utf8')) as RunRecord;
    expect([record.specs, record.options.shard]).toEqual([[], { index: 2, count: 1000 }]);
    expect(io.stderr).toEqual([]);
  });

  it('refuses a bad --shard and a --sign-key without --attest before running (exit 2)', async () => {
    const io = captureIO({}, dir);
    expect(await runCommand(run, ['linkfetch', '--shard', '4/3'], io)).toBe(2);
    expect(await runCommand(run, ['linkfetch', '--sign-key', 'k.pem', '--json', 'x.json'], io)).toBe(2);
    expect(await runCommand(run, ['linkfetch', '--attest', 'a.json', '--sign-key', 'whole.json'], io)).toBe(2);
    expect(io.stderr).toEqual([
      'authconform: --shard must be i/n with 1 ≤ i ≤ n (e.g. 2/3), got "4/3"',
      'authconform: --sign-key signs the attestation: give --attest FILE with it',
      'authconform: --sign-key whole.json: not a PEM private key',
    ]);
  });
});

describe('authconform verify, bad input', () => {
  it('exit 2 for a file that is not JSON or not a statement', async () => {
    const io = captureIO({}, dir);
    expect(await runCommand(verify, ['j.xml'], io)).toBe(2);
    expect(await runCommand(verify, ['whole.json'], io)).toBe(2);
    expect(io.stderr).toEqual(['authconform: j.xml: not JSON', "authconform: whole.json: not an in-toto Statement v1: / must have required property '_type'"]);
  });
});
