/**
 * The vitest entry of `authconform run`: one test file, one worker, specs one after another, so the
 * request budget is process-wide and rate-limit counters are not disturbed by parallel families.
 * The plan comes from the JSON file named by AUTHCONFORM_PLAN; without it, every bundled spec runs
 * against the embedded mock.
 */
import { presentBundledSpecs } from '../src/spec/bundled.ts';
import { defineConformanceSuite } from '../src/runner/define-suite.ts';
import { PLAN_ENV, readPlan, readPlanContracts, type RunPlan } from '../src/runner/plan.ts';

const planFile = process.env[PLAN_ENV];
const plan: RunPlan =
  planFile === undefined || planFile === ''
    ? { specs: presentBundledSpecs().map((spec) => ({ spec })), options: {} }
    : readPlan(planFile);

// the contracts the CLI validated: no spec is parsed twice in a run
const contracts = readPlanContracts(plan);

for (const [i, entry] of plan.specs.entries()) {
  const loaded = contracts[entry.order ?? i];
  await defineConformanceSuite({ order: i, ...entry, options: plan.options }, loaded === undefined ? {} : { loaded });
}
