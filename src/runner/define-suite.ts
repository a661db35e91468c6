/**
 * Generates the vitest suite of one spec: `describe(<spec>)` → `describe(<family>)` →
 * `test('<REQUIREMENT-ID> <title>')`, one test per planned case (so `vitest -t LINKFETCH-AUTH-03`
 * filters). Call it at the top level of a test file: `await defineConformanceSuite({ spec })`.
 *
 * With no target and no fixtures the embedded mock serves the spec (control API on, reset before
 * every case). One transport per spec; one request budget per process, shared by every spec.
 */
import { afterAll, describe, test } from 'vitest';
import type { Contract } from '../spec/contract.ts';
import { planCases } from '../probes/registry.ts';
import { createProbeContext } from '../probes/context.ts';
import { SharedSteps } from '../probes/step-memo.ts';
import type { Case } from '../probes/model.ts';
import { createTransport } from '../transport/client.ts';
import { createOrigins } from '../transport/origins.ts';
import { RequestBudget } from '../transport/budget.ts';
import type { TransportOptions } from '../transport/types.ts';
import { caseTimeoutMs, describeLevel, levelFailsRun, resolveSuiteOptions, type SuiteOptions } from './options.ts';
import { selectCases, type PlannedFamily } from './select-cases.ts';
import { prepareTarget, type PreparedTarget } from './target.ts';
import { fixtureSecrets, resolveEntry, type ResolveContext } from './spec-entry.ts';
import { shardRuns } from './shard.ts';
import type { PlanSpec } from './plan.ts';
import { createRedactor, type Redactor } from './redactor.ts';
import { querySecrets } from '../secrets/url-secrets.ts';
import { runCaseTest } from './case-test.ts';
import { announceWait } from './wait-notice.ts';
import type { CaseMeta, FamilyMeta, SpecMeta } from './meta.ts';
import { requirementFacts, sourceLine } from '../report/requirement-facts.ts';
import { RefusalPacer } from '../probes/refusal-pacer.ts';

export type { SuiteOptions } from './options.ts';

/** One spec of a suite: the plan's entry (position and shard included) and the options. */
export interface SuiteEntry extends PlanSpec {
  options?: Partial<SuiteOptions>;
}

/** One budget per process: `maxRequests` bounds the whole run, not each spec. */
let processBudget: RequestBudget | undefined;

function sharedBudget(maxRequests: number | undefined): RequestBudget {
  processBudget ??= new RequestBudget(maxRequests);
  return processBudget;
}

export async function defineConformanceSuite(entry: SuiteEntry, from: Pick<ResolveContext, 'loaded'> = {}): Promise<void> {
  const options = resolveSuiteOptions(entry.options);
  const resolved = await resolveEntry(entry, { options, ...from });
  const { contract } = resolved;
  const target = await prepareTarget(resolved, entry.mockDefects);
  let selected: PlannedFamily[];
  try {
    selected = selectCases(planCases(contract, target.fixtures, { mock: target.mock }), options);
  } catch (err) {
    await target.close();
    throw err;
  }
  const families = selected.filter(({ family }) => shardRuns(entry.shard, family.id));
  if (families.length === 0) {
    // --only / --level leave nothing of this spec: no empty describe (vitest would call it an error)
    await target.close();
    return;
  }
  const transport = createTransport({
    ...transportOptions(contract, target, options),
    onRateLimitPause: (p) => {
      if (!p.skipped) announceWait({ where: contract.name, ms: p.waitMs, what: `the rate-limit window (${p.reason === 'retry-after' ? 'Retry-After' : 'Remaining 0, until Reset'})` });
    },
  });
  // one client per origin (the target's, and its plain-HTTP one), built once for every case
  const origins = createOrigins((req) => transport.send(req), target.baseUrl, target.fixtures.plainUrl);
  const keyPrefixes = [...contract.keyFormat.live, ...contract.keyFormat.test];
  const secrets = [...fixtureSecrets(target.fixtures), ...querySecrets(target.baseUrl)];
  const redactorFor = (extra: string[]): Redactor => createRedactor([...secrets, ...extra], keyPrefixes);
  const redact = redactorFor([]);
  // a real target keeps its state from case to case (a spent window): its cases share such steps
  const shared = target.control === undefined ? new SharedSteps() : undefined;
  const specMeta: SpecMeta = {
    spec: contract.name,
    title: contract.title,
    sha256: contract.sha256,
    target: redact(target.baseUrl),
    mock: target.mock,
    level: describeLevel(options),
    keyPrefixes,
    roles: Object.entries(target.fixtures.credentials).filter(([, c]) => c !== undefined).map(([role]) => role),
    families: selected.map(({ family }) => family.id),
    order: entry.order ?? 0,
  };

  // a target that locks clients out: one invalid-attempt budget for the whole run (refusal-pacer.ts)
  const pacer = target.control === undefined && contract.lockout !== undefined && target.fixtures.lockout !== undefined ? new RefusalPacer(contract, target.fixtures.lockout) : undefined;
  describe(contract.name, { meta: { authconformSpec: specMeta } }, () => {
    afterAll(async () => {
      // specMeta is the object on the suite's meta: reporters see the count when the suite ends
      specMeta.requests = transport.requestsSent;
      await transport.close();
      await target.close();
    });
    for (const { family, cases } of families) {
      const familyMeta: FamilyMeta = { spec: contract.name, family: family.id, title: family.title };
      describe(family.id, { meta: { authconformFamily: familyMeta } }, () => {
        for (const testCase of cases) {
          const meta = caseMeta(contract, specMeta, testCase, options);
          test(testCase.name, { meta: { authconform: meta }, timeout: caseTimeoutMs(options) }, (ctx) =>
            runCaseTest(
              {
                testCase,
                redactorFor,
                makeContext: async () => {
                  await target.control?.reset();
                  return createProbeContext({
                    contract,
                    fixtures: target.fixtures,
                    origins,
                    ...(target.control === undefined ? {} : { control: target.control }),
                    ...(shared === undefined ? {} : { shared }),
                    ...(pacer === undefined ? {} : { pacer }),
                    options: { writes: options.writes, spendQuota: options.spendQuota, maxWaitMs: options.maxWaitMs },
                    announce: (what, ms) => announceWait({ where: `${contract.name} › ${testCase.family}`, ms, what, doing: 'spending' }),
                    sleep: (ms, what = 'the rate-limit window (Reset)') => {
                      announceWait({ where: `${contract.name} › ${testCase.family}`, ms, what });
                      return new Promise((resolve) => setTimeout(resolve, ms));
                    },
                  });
                },
              },
              ctx,
            ),
          );
        }
      });
    }
  });
}

function transportOptions(contract: Contract, target: PreparedTarget, options: SuiteOptions): TransportOptions {
  const rl = contract.rateLimit;
  const out: TransportOptions = {
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    budget: sharedBudget(options.maxRequests),
    // the mock is reset before every case, so its counters never carry over: pausing would only wait
    rateLimitAware: !target.mock,
    maxPauseMs: options.maxWaitMs,
  };
  // the pacing gate reads plain headers; IETF structured fields are read by the probes only
  if (rl?.headers !== undefined && rl.resetUnit !== undefined && rl.headers.ietf === undefined) {
    out.rateLimitHeaders = {
      remaining: rl.headers.remaining.toLowerCase(),
      reset: rl.headers.reset.toLowerCase(),
      resetUnit: rl.resetUnit,
    };
  }
  return out;
}

function caseMeta(contract: Contract, spec: SpecMeta, c: Case, options: SuiteOptions): CaseMeta {
  const facts = requirementFacts(contract, c.requirement);
  return {
    spec: contract.name,
    family: c.family,
    requirementId: facts.id,
    level: c.level,
    kind: facts.kind,
    statement: facts.statement,
    source: sourceLine(facts.source),
    sourceRef: facts.source,
    sha256: spec.sha256,
    target: spec.target,
    evidence: [],
    findings: [],
    failsRun: levelFailsRun(c.level, options),
    ...(c.waiver === undefined ? {} : { waiver: c.waiver }),
  };
}
