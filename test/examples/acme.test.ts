/**
 * "A new spec for a new API must work without code changes": the made-up Acme API in
 * examples/acme/ runs end to end through the real run path — its mock generated from the YAML,
 * every case passing — and a defect of its grace window fails exactly that requirement.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../support/compiled.ts';
import { readJunit } from '../reporters/parse-junit.ts';
import { captureIO } from '../runner/cli-io.ts';
import { tempDir } from '../support/temp-dir.ts';

const SPEC = 'examples/acme/acme.yaml';

async function run(mockDefects: string[]) {
  const junit = join(tempDir('ac-acme-'), 'junit.xml');
  const captured = captureIO();
  const summary = await runConformance({ specs: [{ spec: SPEC, mockDefects }], junit, color: false }, captured.io);
  const cases = readJunit(junit).flatMap((s) => s.cases);
  return { summary, cases, failing: cases.filter((c) => c.failure !== undefined).map((c) => c.name.split(' ')[0]) };
}

describe('examples/acme: a spec for a new API', () => {
  it('passes every case against its generated mock', async () => {
    const { summary, cases, failing } = await run([]);
    expect(summary.exitCode).toBe(0);
    expect(failing).toEqual([]);
    expect(new Set(cases.map((c) => c.name.split(' ')[0]))).toEqual(
      new Set(['ACME-AUTH-01', 'ACME-AUTH-02', 'ACME-AUTH-03', 'ACME-KEY-01', 'ACME-KEY-02', 'ACME-RATE-01', 'ACME-RATE-02']),
    );
  });

  it('a grace window of zero fails exactly ACME-KEY-01', async () => {
    const { summary, failing } = await run(['ACME-KEY-01']);
    expect(summary.exitCode).toBe(1);
    expect(failing.length).toBeGreaterThan(0);
    expect(new Set(failing)).toEqual(new Set(['ACME-KEY-01']));
  });
});
