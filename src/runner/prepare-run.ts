/**
 * Everything `run` checks before vitest starts: specs load, fixtures load (env included), a
 * target exists for fixtures, the safety rails hold, `--only` names something that exists.
 * The result is the plan for the worker plus what the reporters need (secrets to mask).
 * The probe registry (every family and kind, a fifth of the CLI's start-up) is loaded only when
 * `--only` or `--shard` needs cases planned here: the worker plans them anyway.
 */
import type { Contract } from '../spec/contract.ts';
import type { LoadedSpec } from '../spec/mock-config.ts';
import { presentBundledSpecs } from '../spec/bundled.ts';
import { AuthconformError } from '../util/errors.ts';
import type { PlanSpec, RunPlan } from './plan.ts';
import { planEntry, resolveEntry, type SpecEntry } from './spec-entry.ts';
import { resolveSuiteOptions, type SuiteOptions } from './options.ts';
import { selectCases } from './select-cases.ts';
import { assignShards, shardUnits, type ShardOption } from './shard.ts';

type PlanCases = typeof import('../probes/registry.ts').planCases;

export interface PreparedRun {
  plan: RunPlan;
  contracts: Contract[];
  /** each contract with its mock configuration, as loaded (handed to the worker) */
  loaded: LoadedSpec[];
  options: SuiteOptions;
  /** every credential value the run may send, to mask in reports */
  secrets: string[];
  /** environment variables the fixtures reference (handed to the worker) */
  envVars: string[];
  /** the run's input files (specs, seeds, fixtures): no report may be written over one */
  inputFiles: string[];
}

export async function prepareRun(
  specs: SpecEntry[],
  partial: Partial<SuiteOptions>,
  env: NodeJS.ProcessEnv,
  cwd: string,
  shard?: ShardOption,
): Promise<PreparedRun> {
  const options = resolveSuiteOptions(partial);
  const requested: SpecEntry[] = specs.length > 0 ? specs : presentBundledSpecs().map((spec) => ({ spec }));
  if (requested.length === 0) throw new AuthconformError('AC_SPEC_NOT_FOUND', 'no spec given and no bundled spec found');
  const out: PreparedRun = { plan: { specs: [], options: partial }, contracts: [], loaded: [], options, secrets: [], envVars: [], inputFiles: [] };
  for (const entry of requested) {
    const resolved = await resolveEntry(entry, { env, cwd, options });
    out.contracts.push(resolved.contract);
    out.loaded.push({ contract: resolved.contract, mock: resolved.mock });
    out.secrets.push(...resolved.secrets);
    out.envVars.push(...(resolved.fixtures?.envVars ?? []));
    out.inputFiles.push(...resolved.inputFiles);
    out.plan.specs.push(planEntry(entry, resolved, cwd));
  }
  if (options.only.length > 0 || shard !== undefined) {
    const { planCases } = await import('../probes/registry.ts');
    checkOnly(options.only, out.contracts, planCases);
    if (shard !== undefined) out.plan.specs = shardPlan(out.plan.specs, out.contracts, options, shard, planCases);
  }
  out.envVars = [...new Set(out.envVars)];
  out.secrets = [...new Set(out.secrets)];
  return out;
}

/**
 * The plan of one shard: every spec keeps its position (`order`) and gets the families this shard
 * runs; specs with none are left out. Families are planned without fixtures, as `--only` is checked.
 */
function shardPlan(specs: PlanSpec[], contracts: Contract[], options: SuiteOptions, shard: ShardOption, planCases: PlanCases): PlanSpec[] {
  const families = contracts.map((contract, i) =>
    selectCases(planCases(contract, { credentials: {}, resources: {} }, { mock: specs[i]?.target === undefined }), options).map(({ family, cases }) => ({
      id: family.id,
      kinds: [...new Set(cases.map((c) => c.requirement.kind))],
      cases: cases.length,
    })),
  );
  const units = shardUnits(families);
  const parts = assignShards(units, shard.count);
  return specs.flatMap((spec, i) => {
    const mine = units.filter((u, k) => u.spec === i && parts[k] === shard.index).flatMap((u) => u.families);
    if (mine.length === 0) return [];
    return [{ ...spec, order: i, shard: { families: mine, all: (families[i] ?? []).map((f) => f.id), index: shard.index } }];
  });
}

/** Every id in `--only` must name a requirement or a probe family of one of the specs. */
function checkOnly(only: string[], contracts: Contract[], planCases: PlanCases): void {
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
