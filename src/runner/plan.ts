/**
 * The run plan: what `authconform run` hands to the vitest entry (`suites/conformance.test.ts`)
 * through a JSON file named by AUTHCONFORM_PLAN: the resolved `SpecEntry`s (absolute paths, the
 * validated spec's sha256) and the options, never a credential: fixtures are read again (with
 * `${VAR}` from the environment) inside the worker.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import type { LoadedSpec } from '../spec/mock-config.ts';
import type { SuiteOptions } from './options.ts';
import type { SpecEntry } from './spec-entry.ts';
import type { PlanShard } from './shard.ts';
import { AuthconformError } from '../util/errors.ts';

export const PLAN_ENV = 'AUTHCONFORM_PLAN';

/** A spec of the plan: its entry, its position in the whole run, and on a sharded run the families this shard runs. */
export interface PlanSpec extends SpecEntry {
  /** position of the spec in the whole (unsharded) run @default its index in the plan */
  order?: number;
  shard?: PlanShard;
}

export interface RunPlan {
  specs: PlanSpec[];
  options: Partial<SuiteOptions>;
  /**
   * file of the contracts the CLI loaded and validated, in the whole run's order (v8 serialized,
   * `order` indexes it): the worker takes each instead of parsing its spec again, while the spec
   * file keeps the sha256 it had
   */
  contracts?: string;
}

export function readPlan(file: string): RunPlan {
  let plan: unknown;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AuthconformError('AC_USAGE', `${PLAN_ENV}: cannot read the run plan ${file}`);
  }
  const specs = (plan as { specs?: unknown })?.specs;
  if (!Array.isArray(specs) || specs.some((s) => typeof (s as SpecEntry)?.spec !== 'string')) {
    throw new AuthconformError('AC_USAGE', `${PLAN_ENV}: ${file} is not a run plan (specs[].spec missing)`);
  }
  return plan as RunPlan;
}

/** The loaded specs of the plan's `contracts` file (none when it has none or it cannot be read). */
export function readPlanContracts(plan: RunPlan): LoadedSpec[] {
  if (plan.contracts === undefined) return [];
  try {
    const contracts: unknown = deserialize(readFileSync(plan.contracts));
    return Array.isArray(contracts) ? (contracts as LoadedSpec[]) : [];
  } catch {
    return [];
  }
}
