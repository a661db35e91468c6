/**
 * Everything `run` checks before vitest starts: specs load, fixtures load (env included), a
 * target exists for fixtures, the safety rails hold, `--only` names something that exists.
 * The result is the plan for the worker plus what the reporters need (secrets to mask).
 */
import { dirname, resolve } from 'node:path';
import type { Contract } from '../spec/contract.ts';
import { loadContract } from '../spec/load.ts';
import { presentBundledSpecs } from '../spec/bundled.ts';
import { planCases } from '../probes/registry.ts';
import { loadFixtures, type LoadedFixtures } from '../fixtures/load-fixtures.ts';
import { AuthconformError } from '../util/errors.ts';
import { hasUserinfo, querySecrets } from '../secrets/url-secrets.ts';
import type { PlanSpec, RunPlan } from './plan.ts';
import { checkTargetSafety } from './safety.ts';
import { pinLocalhostName } from './pin-loopback.ts';
import { resolveSuiteOptions, type SuiteOptions } from './options.ts';

export interface RunRequestSpec {
  /** bundled name or path of a spec file */
  spec: string;
  target?: string;
  /** fixtures file, relative to cwd */
  fixtures?: string;
  /** self-tests only: defects switched on in the embedded mock */
  mockDefects?: string[];
}

export interface PreparedRun {
  plan: RunPlan;
  contracts: Contract[];
  options: SuiteOptions;
  /** every credential value the run may send, to mask in reports */
  secrets: string[];
  /** environment variables the fixtures reference (handed to the worker) */
  envVars: string[];
  /** absolute paths of every file the run reads (specs, fixtures, seeds): never a report path */
  inputFiles: string[];
}

export async function prepareRun(
  specs: RunRequestSpec[],
  partial: Partial<SuiteOptions>,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<PreparedRun> {
  const options = resolveSuiteOptions(partial);
  const requested: RunRequestSpec[] = specs.length > 0 ? specs : presentBundledSpecs().map((spec) => ({ spec }));
  if (requested.length === 0) throw new AuthconformError('AC_SPEC_NOT_FOUND', 'no spec given and no bundled spec found');
  const out: PreparedRun = { plan: { specs: [], options: partial }, contracts: [], options, secrets: [], envVars: [], inputFiles: [] };
  for (const entry of requested) {
    const contract = await loadContract(entry.spec, { cwd });
    out.contracts.push(contract);
    out.inputFiles.push(contract.file, ...(contract.mock.seed === undefined ? [] : [resolve(dirname(contract.file), contract.mock.seed)]));
    const planSpec: PlanSpec = { spec: contract.file };
    let loaded: LoadedFixtures | undefined;
    if (entry.fixtures !== undefined) {
      loaded = await loadFixtures(entry.fixtures, contract, env, cwd);
      planSpec.fixtures = resolve(cwd, entry.fixtures);
      out.inputFiles.push(planSpec.fixtures);
      out.envVars.push(...loaded.envVars);
      out.secrets.push(...secretsOf(loaded));
    }
    if (entry.target !== undefined && hasUserinfo(entry.target)) {
      throw new AuthconformError('AC_USAGE', '--target holds a user name or password (user:password@host); give credentials in the fixtures');
    }
    const given = entry.target ?? loaded?.target;
    const target = given === undefined ? undefined : await pinLocalhostName(given);
    if (target !== undefined) {
      planSpec.target = target;
      out.secrets.push(...querySecrets(target));
      checkTargetSafety({
        contract,
        fixtures: loaded?.fixtures ?? { credentials: {}, resources: {} },
        target,
        ...(entry.fixtures === undefined ? {} : { fixturesFile: entry.fixtures }),
        allowInsecure: options.allowInsecure,
        allowLive: options.allowLive,
      });
    } else if (entry.fixtures !== undefined) {
      throw new AuthconformError('AC_TARGET_INVALID', `${entry.fixtures}: no target: give --target or set target: in the fixtures`);
    } else {
      out.secrets.push(...contract.mock.credentials.map((c) => c.value));
      if (entry.mockDefects !== undefined && entry.mockDefects.length > 0) planSpec.mockDefects = entry.mockDefects;
    }
    out.plan.specs.push(planSpec);
  }
  checkOnly(options.only, out.contracts);
  out.envVars = [...new Set(out.envVars)];
  out.secrets = [...new Set(out.secrets.filter((s) => s !== ''))];
  return out;
}

/** Every id in `--only` must name a requirement or a probe family of one of the specs. */
function checkOnly(only: string[], contracts: Contract[]): void {
  if (only.length === 0) return;
  const known = new Set<string>();
  for (const contract of contracts) {
    for (const r of contract.requirements) known.add(r.id.toUpperCase());
    for (const { family } of planCases(contract, { credentials: {}, resources: {} }, { mock: true })) known.add(family.id.toUpperCase());
  }
  const unknown = only.filter((id) => !known.has(id.toUpperCase()));
  if (unknown.length > 0) {
    const names = contracts.map((c) => c.name).join(', ');
    throw new AuthconformError(
      'AC_USAGE',
      `--only: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} neither a requirement id nor a probe family of ${names} (authconform list shows them)`,
    );
  }
}

function secretsOf(loaded: LoadedFixtures): string[] {
  return Object.values(loaded.fixtures.credentials).flatMap((c) => (c === undefined ? [] : [c.value, c.password ?? '']));
}
