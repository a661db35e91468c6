/**
 * The run plan: what `authconform run` hands to the vitest entry (`suites/conformance.test.ts`)
 * through a JSON file named by AUTHCONFORM_PLAN. It carries paths and options only, never a
 * credential: fixtures are read again (with `${VAR}` from the environment) inside the worker.
 */
import { readFileSync } from 'node:fs';
import type { SuiteOptions } from './options.ts';
import type { PlanShard } from './shard.ts';
import { AuthconformError } from '../util/errors.ts';

export const PLAN_ENV = 'AUTHCONFORM_PLAN';

export interface PlanSpec {
  /** bundled spec name or absolute path of a spec file */
  spec: string;
  /** target URL; absent = the embedded mock */
  target?: string;
  /** absolute path of the fixtures file */
  fixtures?: string;
  /** self-tests only: defects switched on in the embedded mock (requirement ids) */
  mockDefects?: string[];
  /** position of the spec in the whole (unsharded) run @default its index in the plan */
  order?: number;
  /** on a sharded run: the families of this spec the shard runs */
  shard?: PlanShard;
}

export interface RunPlan {
  specs: PlanSpec[];
  options: Partial<SuiteOptions>;
}

export function readPlan(file: string): RunPlan {
  let plan: unknown;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AuthconformError('AC_USAGE', `${PLAN_ENV}: cannot read the run plan ${file}`);
  }
  const specs = (plan as { specs?: unknown })?.specs;
  if (!Array.isArray(specs) || specs.some((s) => typeof (s as PlanSpec)?.spec !== 'string')) {
    throw new AuthconformError('AC_USAGE', `${PLAN_ENV}: ${file} is not a run plan (specs[].spec missing)`);
  }
  return plan as RunPlan;
}
