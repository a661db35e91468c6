import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.ts';
import type { Contract } from '../../src/spec/contract.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { planCases } from '../../src/probes/registry.ts';
import { loadFixtures } from '../../src/fixtures/load-fixtures.ts';
import type { RunSummary } from '../../src/runner/run-conformance.ts';
import { runConformance } from '../support/compiled.ts';
import { TOOL_VERSION } from '../../src/runner/tool-version.ts';
import { captureIO } from '../runner/cli-io.ts';
import { readJunit, type JunitSuite } from './parse-junit.ts';
import { validateJunit } from './xmllint.ts';
import { tempDir } from '../support/temp-dir.ts';

// The mock served as if it were a real target, with fixtures that hold only the `valid` key:
// the cases of the other roles are skipped with their reason.
let contract: Contract;
let mock: MockServer;
let junit: string;
let fixturesFile: string;
let summary: RunSummary;
let suites: JunitSuite[];

beforeAll(async () => {
  const spec = await loadSpec('linkfetch');
  contract = spec.contract;
  mock = await startMock(spec, { port: 0, control: false });
  const dir = tempDir('ac-junit-run-');
  junit = join(dir, 'reports', 'junit.xml');
  fixturesFile = join(dir, 'linkfetch.yaml');
  await writeFile(fixturesFile, 'credentials:\n  valid: ${AC_SELFTEST_LINKFETCH_KEY}\n');
  // the variable lives only in this io's env: the run must hand it to the vitest worker itself
  const captured = captureIO({ AC_SELFTEST_LINKFETCH_KEY: mock.fixtures.credentials.valid!.value });
  summary = await runConformance(
    { specs: [{ spec: 'linkfetch', target: mock.url, fixtures: fixturesFile }], junit, options: { maxWaitMs: 0 }, color: false },
    captured.io,
  );
  suites = readJunit(junit);
});

afterAll(async () => {
  await mock?.close();
});

describe('JUnit of a run', () => {
  it('validates against the vendored JUnit schema (schemas/junit-10.xsd)', async () => {
    expect(summary.junitFile).toBe(junit);
    expect(await validateJunit(junit)).toBe(`${junit} validates`);
  });

  it('has one testsuite per spec and family, in plan order', async () => {
    const fixtures = (await loadFixtures(fixturesFile, contract, { AC_SELFTEST_LINKFETCH_KEY: 'sk_live_x' })).fixtures;
    const families = planCases(contract, fixtures, { mock: false }).map((p) => p.family.id);
    expect(suites.map((s) => s.name)).toEqual(families.map((f) => `linkfetch › ${f}`));
  });

  it('carries the spec, its sha256, the target, the level and the tool version on every testsuite', () => {
    for (const suite of suites) {
      expect(suite.properties).toEqual({
        spec: 'linkfetch',
        spec_sha256: contract.sha256,
        target: mock.url,
        target_is_mock: 'false',
        level: 'default',
        tool_version: TOOL_VERSION,
        authconform_family: suite.name.split(' › ')[1],
        spec_requests: suite.properties.spec_requests,
      });
      expect(Number(suite.properties.spec_requests)).toBeGreaterThan(0);
    }
  });

  it('names every testcase after a requirement of the spec, classed by spec and family', () => {
    const ids = new Set(contract.requirements.map((r) => r.id));
    for (const suite of suites) {
      for (const c of suite.cases) {
        expect(ids.has(c.name.split(' ')[0]!), c.name).toBe(true);
        expect(c.classname).toBe(`authconform.linkfetch.${suite.name.split(' › ')[1]}`);
      }
    }
  });

  it('gives a skipped case its reason', () => {
    const all = suites.flatMap((s) => s.cases);
    const testMode = all.filter((c) => c.name.startsWith('LINKFETCH-TEST-01 '));
    expect(testMode.length).toBeGreaterThan(0);
    for (const c of testMode) expect(c.skipped).toBe('no `test_mode` credential in the fixtures');
    expect(all.filter((c) => c.skipped === '')).toEqual([]);
  });

  it('counts per testsuite agree with its testcases', () => {
    for (const s of suites) {
      expect(s.attributes.tests).toBe(String(s.cases.length));
      expect(s.attributes.skipped).toBe(String(s.cases.filter((c) => c.skipped !== undefined).length));
      expect(s.attributes.failures).toBe(String(s.cases.filter((c) => c.failure !== undefined).length));
    }
  });
});
